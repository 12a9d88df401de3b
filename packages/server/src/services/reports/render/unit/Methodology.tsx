/** @jsxRuntime automatic */
import { formatNumber, formatPercent, joinNames } from '../../labels.js';
import type { UnitReport } from '../../model.js';
import { useReportLanguage } from '../context.js';
import { arithmeticMeanFormula, geometricMeanFormula, minmaxFormula } from '../formulas.js';

function Formula({ mathml, caption, where }: { mathml: string; caption: string; where: string }) {
  return (
    <figure className="formula">
      <figcaption>{caption}</figcaption>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: MathML built from numbers only (formulas.ts) */}
      <div className="formula-math" dangerouslySetInnerHTML={{ __html: mathml }} />
      <p className="where">{where}</p>
    </figure>
  );
}

/**
 * The methodology note: the framework's normalisation and aggregation in words and formulas, its
 * top-level weights, how missing values count, how units are ranked and where the rank interval
 * comes from.
 */
export function Methodology({ report }: { report: UnitReport }) {
  const { lang, labels } = useReportLanguage();
  const m = labels.methodology;
  const { normalisation, aggregation, weights, data_threshold, uncertainty } = report.methodology;
  const [low, high] = normalisation.range ?? [0, 100];
  const totalWeight = weights.reduce((sum, w) => sum + w.weight, 0);
  const names = (codes: string[], dictionary: Record<string, string>) =>
    joinNames(
      codes.map((code) => dictionary[code] ?? code),
      lang,
    );
  return (
    <>
      <p>{m.intro(report.framework.name, formatNumber(report.framework.version, lang))}</p>
      <p>
        {m.normalisation(normalisation.method, formatNumber(low, lang), formatNumber(high, lang))}
      </p>
      {normalisation.method === 'minmax' && (
        <Formula
          mathml={minmaxFormula(low, high)}
          caption={m.minmaxFormula}
          where={m.minmaxWhere(formatNumber(low, lang), formatNumber(high, lang))}
        />
      )}
      <p>{m.aggregation(aggregation)}</p>
      {aggregation === 'arithmetic' && (
        <Formula mathml={arithmeticMeanFormula()} caption={m.meanFormula} where={m.meanWhere} />
      )}
      {aggregation === 'geometric' && (
        <Formula
          mathml={geometricMeanFormula()}
          caption={m.aggregationName.geometric ?? aggregation}
          where={m.meanWhere}
        />
      )}
      <p>
        {m.dataThreshold(
          data_threshold === null || data_threshold <= 0
            ? null
            : formatPercent(data_threshold, lang, 0),
        )}
      </p>
      {weights.length > 0 && (
        <div className="keep">
          <p>{m.weights}</p>
          <table className="compact weights">
            <thead>
              <tr>
                <th scope="col">{labels.columns.code}</th>
                <th scope="col">{labels.columns.pillar}</th>
                <th scope="col" className="num">
                  {labels.columns.weight}
                </th>
                <th scope="col" className="num">
                  {labels.columns.share}
                </th>
              </tr>
            </thead>
            <tbody>
              {weights.map((w) => (
                <tr key={w.code}>
                  <td className="code-cell" dir="ltr">
                    {w.code}
                  </td>
                  <th scope="row" className="name">
                    {w.name}
                  </th>
                  <td className="num">{formatNumber(w.weight, lang)}</td>
                  <td className="num">
                    {formatPercent(totalWeight > 0 ? w.weight / totalWeight : null, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>{m.ranking}</p>
      <p>
        {uncertainty
          ? m.uncertainty(
              formatNumber(uncertainty.runs, lang),
              String(uncertainty.seed),
              formatPercent(uncertainty.weights_spread, lang, 0),
              names(uncertainty.normalise, m.normalisationName),
              names(uncertainty.aggregate, m.aggregationName),
            )
          : m.noUncertainty}
      </p>
    </>
  );
}
