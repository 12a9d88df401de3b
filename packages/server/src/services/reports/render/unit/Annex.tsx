/** @jsxRuntime automatic */
import { formatDate, formatNumber } from '../../labels.js';
import type { UnitReport } from '../../model.js';
import { useReportLanguage } from '../context.js';

type ApprovalState = keyof ReturnType<typeof useReportLanguage>['labels']['state'];

/** An evidence link as a link when it is a web address, else as written. */
function Evidence({ evidence }: { evidence: string | null }) {
  if (!evidence) return null;
  if (!/^https?:\/\//i.test(evidence)) return <>{evidence}</>;
  return (
    <a href={evidence} dir="ltr">
      {evidence.replace(/^https?:\/\//i, '')}
    </a>
  );
}

/** Each raw value behind the period's figures, with its source, evidence and approval state. */
export function Annex({ report }: { report: UnitReport }) {
  const { lang, labels } = useReportLanguage();
  const c = labels.columns;
  if (report.annex.length === 0) return <p className="muted">{labels.annex.none}</p>;
  return (
    <>
      <p>{labels.annex.intro(report.period)}</p>
      <table className="annex">
        <thead>
          <tr>
            <th scope="col">{c.element}</th>
            <th scope="col" className="num">
              {c.value}
            </th>
            <th scope="col">{c.source}</th>
            <th scope="col">{c.evidence}</th>
            <th scope="col">{c.state}</th>
            <th scope="col">{c.updated}</th>
          </tr>
        </thead>
        <tbody>
          {report.annex.map((a) => (
            <tr key={a.element}>
              <th scope="row" className="name">
                {a.name}
                <span className="code" dir="ltr">
                  {a.element}
                </span>
              </th>
              <td className="num">
                {formatNumber(a.value, lang, 4)}
                {a.unit_of_measure && <span className="period">{a.unit_of_measure}</span>}
              </td>
              <td>{a.source}</td>
              <td className="evidence">
                <Evidence evidence={a.evidence} />
              </td>
              <td className={`state state-${a.state}`}>
                {labels.state[a.state as ApprovalState] ?? a.state}
              </td>
              <td className="date">{formatDate(a.updated_at, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
