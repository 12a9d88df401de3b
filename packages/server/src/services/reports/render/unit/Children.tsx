/** @jsxRuntime automatic */
import { formatInteger, formatPercent, formatScore } from '../../labels.js';
import type { UnitReport } from '../../model.js';
import { useReportLanguage } from '../context.js';

type ChildUnits = NonNullable<UnitReport['children']>;

/**
 * The units below: how many meet each criteria model ("92 of 143 communes (64.3%) meet ...", the
 * share coming as a percentage from 0 to 100, as the engine counts it), then their ranking.
 */
export function Children({ units: children }: { units: ChildUnits }) {
  const { lang, labels } = useReportLanguage();
  const c = labels.columns;
  return (
    <>
      {children.criteria.length === 0 ? (
        <p className="muted">{labels.children.noCriteria}</p>
      ) : (
        <ul className="criteria">
          {children.criteria.map((m) => (
            <li key={`${m.model}@${m.version}`}>
              {labels.children.criteriaMet(
                formatInteger(m.met, lang),
                formatInteger(m.units, lang),
                m.met,
                formatPercent(m.share / 100, lang),
                labels.levelName(children.level, m.units),
                `${m.name} ${m.version}`,
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{labels.children.ranking(labels.levelName(children.level, children.ranking.length))}</h3>
      {children.ranking.length === 0 ? (
        <p className="muted">{labels.children.noRanking}</p>
      ) : (
        <div className="ranking-columns">
          <table className="compact">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {c.rank}
                </th>
                <th scope="col">{c.unit}</th>
                <th scope="col" className="num">
                  {c.score}
                </th>
              </tr>
            </thead>
            <tbody>
              {children.ranking.map((u) => (
                <tr key={u.unit}>
                  <td className="num">{formatInteger(u.rank, lang)}</td>
                  <th scope="row" className="name">
                    {u.name}
                  </th>
                  <td className="num">{formatScore(u.score, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
