/** @jsxRuntime automatic */
import {
  formatChance,
  formatGrowth,
  formatNumber,
  missing,
  type ReportLabels,
} from '../../labels.js';
import type { ReportTarget } from '../../model.js';
import { targetChart } from '../charts/targetChart.js';
import { Chart } from '../common/Chart.js';
import { StatusBadge } from '../common/StatusBadge.js';
import { useReportLanguage } from '../context.js';

/** Why a target has no forecast, in the report's language (the engine's reasons are English). */
function reasonWords(reason: string | null, labels: ReportLabels): string {
  const few = reason ? /^(\d+) observations?:/.exec(reason) : null;
  if (few) return labels.plan.tooFew(Number(few[1]));
  if (reason && /not after the latest observation/.test(reason)) return labels.plan.pastPeriod;
  return labels.plan.noForecast;
}

/** One target: its status and the forecast's chance, its figures beside its progress chart and fan. */
export function TargetDetail({ target, index }: { target: ReportTarget; index: number }) {
  const { lang, labels } = useReportLanguage();
  const c = labels.columns;
  const at = (value: number | null, period: string | null) =>
    value === null
      ? missing
      : period
        ? `${formatNumber(value, lang)} (${period})`
        : formatNumber(value, lang);
  const facts: [string, string][] = [
    [
      c.indicator,
      target.indicator_name + (target.unit_of_measure ? ` (${target.unit_of_measure})` : ''),
    ],
    [
      c.direction,
      target.direction > 0 ? labels.direction.higherBetter : labels.direction.lowerBetter,
    ],
    [c.baseline, at(target.baseline_value, target.baseline_period)],
    [c.latest, at(target.latest_value, target.latest_period)],
    [c.targetValue, at(target.target_value, target.target_period)],
    [c.projected, at(target.projected_value, target.target_period)],
    [c.requiredGrowth, formatGrowth(target.required_growth, lang)],
    [c.observedGrowth, formatGrowth(target.observed_growth, lang)],
    [
      c.chance,
      target.probability !== null
        ? `${formatChance(target.probability, lang)} (${target.target_period})`
        : reasonWords(target.forecast_reason, labels),
    ],
  ];
  return (
    <article
      className="target"
      id={`target-${index + 1}`}
      aria-labelledby={`target-${index + 1}-title`}
    >
      <header className="target-head">
        <h3 id={`target-${index + 1}-title`}>{target.name}</h3>
        <StatusBadge status={target.status} grade={target.grade} />
      </header>
      <div className="target-body">
        <dl className="target-facts">
          <div>
            <dt>{c.code}</dt>
            <dd dir="ltr">{target.id}</dd>
          </div>
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <Chart
          className="target-chart"
          svg={targetChart(`target-${index + 1}`, target, lang, labels)}
          caption={labels.plan.chart(target.name)}
        />
      </div>
    </article>
  );
}
