/** @jsxRuntime automatic */
import { formatChange, formatInteger, formatScore } from '../../labels.js';
import type { UnitReport } from '../../model.js';
import { pillarsChart } from '../charts/pillarsChart.js';
import { Chart } from '../common/Chart.js';
import { useReportLanguage } from '../context.js';

/**
 * Each pillar's score, rank and change, against the region's and the country's means: the table
 * first (its rows may start on the summary's page), then the chart.
 */
export function Pillars({ report }: { report: UnitReport }) {
  const { lang, labels } = useReportLanguage();
  const c = labels.columns;
  if (report.pillars.length === 0) return <p className="muted">{labels.pillars.none}</p>;
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">{c.pillar}</th>
            <th scope="col" className="num">
              {c.score}
            </th>
            <th scope="col" className="num">
              {c.rank}
            </th>
            <th scope="col" className="num">
              {c.change}
            </th>
            <th scope="col" className="num">
              {c.regionMean}
            </th>
            <th scope="col" className="num">
              {c.nationalMean}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.pillars.map((p) => (
            <tr key={p.code}>
              <th scope="row" className="name">
                {p.name}
              </th>
              <td className="num strong">{formatScore(p.score, lang)}</td>
              <td className="num">{formatInteger(p.rank, lang)}</td>
              <td className="num">{formatChange(p.change, lang)}</td>
              <td className="num">{formatScore(p.region_mean, lang)}</td>
              <td className="num">{formatScore(p.national_mean, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Chart svg={pillarsChart(report, labels)} caption={labels.pillars.chart} />
    </>
  );
}
