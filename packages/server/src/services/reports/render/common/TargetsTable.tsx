/** @jsxRuntime automatic */
import { formatChance, formatGrowth, formatNumber } from '../../labels.js';
import type { ReportTarget } from '../../model.js';
import { useReportLanguage } from '../context.js';
import { StatusBadge } from './StatusBadge.js';

/** A value with the period it belongs to beneath it. */
function ValueAt({ value, period }: { value: number | null; period: string | null }) {
  const { lang } = useReportLanguage();
  return (
    <>
      {formatNumber(value, lang)}
      {period !== null && value !== null && <span className="period">{period}</span>}
    </>
  );
}

/**
 * A plan's targets, one row each: status with the forecast's chance of meeting the target beside
 * it, latest value, projection and target, and the growth a year required against the growth
 * observed.
 */
export function TargetsTable({ targets }: { targets: ReportTarget[] }) {
  const { lang, labels } = useReportLanguage();
  const c = labels.columns;
  return (
    <table className="targets-table">
      <thead>
        <tr>
          <th scope="col">{c.target}</th>
          <th scope="col">{c.status}</th>
          <th scope="col" className="num">
            {c.chance}
          </th>
          <th scope="col" className="num">
            {c.latest}
          </th>
          <th scope="col" className="num">
            {c.projected}
          </th>
          <th scope="col" className="num">
            {c.targetValue}
          </th>
          <th scope="col" className="num">
            {c.requiredGrowth}
          </th>
          <th scope="col" className="num">
            {c.observedGrowth}
          </th>
        </tr>
      </thead>
      <tbody>
        {targets.map((t) => (
          <tr key={t.id}>
            <th scope="row" className="name">
              {t.name}
              <span className="code">
                {t.indicator_name}
                {t.unit_of_measure ? ` (${t.unit_of_measure})` : ''}
              </span>
            </th>
            <td>
              <StatusBadge status={t.status} grade={t.grade} />
            </td>
            <td className="num">
              {formatChance(t.probability, lang)}
              {t.probability !== null && <span className="period">{t.target_period}</span>}
            </td>
            <td className="num">
              <ValueAt value={t.latest_value} period={t.latest_period} />
            </td>
            <td className="num">
              <ValueAt value={t.projected_value} period={t.target_period} />
            </td>
            <td className="num">
              <ValueAt value={t.target_value} period={t.target_period} />
            </td>
            <td className="num">{formatGrowth(t.required_growth, lang)}</td>
            <td className="num">{formatGrowth(t.observed_growth, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
