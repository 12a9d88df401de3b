/** @jsxRuntime automatic */
import { formatInteger, formatScore } from '../../labels.js';
import type { UnitReport } from '../../model.js';
import { historyChart } from '../charts/historyChart.js';
import { Chart } from '../common/Chart.js';
import { useReportLanguage } from '../context.js';

/**
 * Score and rank period by period through boundary lineage; the periods whose figures are the
 * predecessors' are marked (shaded in the chart, starred in the table).
 */
export function History({ report }: { report: UnitReport }) {
  const { lang, labels } = useReportLanguage();
  const c = labels.columns;
  const anyDerived = report.history.some((h) => h.derived);
  if (report.history.length === 0) return <p className="muted">{labels.history.none}</p>;
  return (
    <>
      <Chart svg={historyChart(report, labels)} caption={labels.history.chart} />
      <table className="compact">
        <thead>
          <tr>
            <th scope="col">{c.period}</th>
            <th scope="col" className="num">
              {c.score}
            </th>
            <th scope="col" className="num">
              {c.rank}
            </th>
            <th scope="col" className="num">
              {c.unitsRanked}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.history.map((h) => (
            <tr key={h.period} className={h.derived ? 'derived' : undefined}>
              <th scope="row">
                {h.period}
                {h.derived && (
                  <span className="mark" title={labels.columns.derived}>
                    *
                  </span>
                )}
              </th>
              <td className="num">{formatScore(h.score, lang)}</td>
              <td className="num">{formatInteger(h.rank, lang)}</td>
              <td className="num">{formatInteger(h.units, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {anyDerived && <p className="note">* {labels.history.derivedNote}</p>}
    </>
  );
}
