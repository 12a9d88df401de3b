import type { PlanSummary, SeriesForecast, TargetAssessment } from '@dxmon/engine';
import { csvField } from './csvField.js';

export const targetsFormats = ['csv', 'json', 'text'] as const;
export type TargetsFormat = (typeof targetsFormats)[number];

/** A target's assessment, and with --forecast its forecast. */
export type ReportedTarget = TargetAssessment & { forecast?: SeriesForecast };

export interface TargetsReport {
  as_of: string | null;
  method: string;
  targets: ReportedTarget[];
  plans: PlanSummary[];
  /** Whether the targets carry forecasts (the CSV then has the forecast's columns). */
  forecast: boolean;
}

/** The forecast's columns of the CSV form, after the assessment's. */
const forecastColumns = [
  'probability',
  'forecast_projection',
  'p80_lower',
  'p80_upper',
  'p95_lower',
  'p95_upper',
  'forecast_model',
  'forecast_reason',
] as const;

function forecastCells(f: SeriesForecast | undefined): (string | number | null | undefined)[] {
  const [i80, i95] = f?.intervals ?? [];
  return [
    f?.probability,
    f?.projection,
    i80?.lower,
    i80?.upper,
    i95?.lower,
    i95?.upper,
    f?.model,
    f?.reason,
  ];
}

/** The columns of the CSV form, in order; the JSON records carry the same fields. */
const columns = [
  'id',
  'plan',
  'unit',
  'indicator',
  'direction',
  'baseline_period',
  'baseline_value',
  'latest_period',
  'latest_value',
  'target_period',
  'target_value',
  'projected_value',
  'required_growth',
  'observed_growth',
  'progress',
  'status',
  'grade',
  'method',
  'projection_bounded',
  'projected_value_unbounded',
] as const satisfies readonly (keyof TargetAssessment)[];

/**
 * Target assessments as CSV (one row per target; a number that cannot be computed is an empty
 * field), JSON (`{targets, plans}`; such numbers are null) or text for people (each plan's
 * roll-up, then its targets).
 */
export function formatTargets(report: TargetsReport, format: TargetsFormat): string {
  if (format === 'json') return `${JSON.stringify(report, finiteOrNull, 2)}\n`;
  if (format === 'csv') {
    const cell = (v: unknown) =>
      csvField(v === null || v === undefined || Number.isNaN(v) ? '' : String(v));
    const rows = report.targets.map((t) =>
      [
        ...columns.map((c) => cell(t[c])),
        ...(report.forecast ? forecastCells(t.forecast).map(cell) : []),
      ].join(','),
    );
    const header = report.forecast ? [...columns, ...forecastColumns] : columns;
    return `${[header.join(','), ...rows].join('\n')}\n`;
  }
  return text(report);
}

function finiteOrNull(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

const number = new Intl.NumberFormat('en', { maximumSignificantDigits: 4, useGrouping: false });
const percent = new Intl.NumberFormat('en', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

function text(report: TargetsReport): string {
  const lines: string[] = [];
  if (report.as_of) lines.push(`As of ${report.as_of}.`);
  for (const plan of report.plans) {
    const share = plan.share_achieved.toFixed(1);
    lines.push(
      `${plan.plan}: ${plan.achieved} of ${plan.total} target${plan.total === 1 ? '' : 's'} achieved (${share}%); ${plan.on_track} on track, ${plan.off_track} off track, ${plan.regressing} regressing, ${plan.insufficient_data} with insufficient data`,
    );
    for (const t of report.targets.filter((x) => x.plan === plan.plan))
      lines.push(`  ${describe(t)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** "T1 HN internet_share: 80 by 2025 (higher is better); latest 72 (2024), projected 83.1; on-track, progress 1.12" */
function describe(t: ReportedTarget): string {
  const goal = `${number.format(t.target_value)} by ${t.target_period} (${t.direction === 1 ? 'higher' : 'lower'} is better)`;
  const latest =
    t.latest_period === null
      ? 'no data'
      : `latest ${number.format(t.latest_value)} (${t.latest_period})`;
  const projected = Number.isFinite(t.projected_value)
    ? `, projected ${number.format(t.projected_value)}${
        t.projection_bounded
          ? ` (held at its ${t.projection_bounded} bound; the trend reaches ${number.format(t.projected_value_unbounded)})`
          : ''
      }`
    : '';
  const growth = Number.isFinite(t.observed_growth)
    ? t.method === 'cagr'
      ? `; growth ${percent.format(t.observed_growth)} a year, ${percent.format(t.required_growth)} needed`
      : `; change ${number.format(t.observed_growth)} a year, ${number.format(t.required_growth)} needed`
    : '';
  const status = t.grade ? `${t.status} (${t.grade})` : t.status;
  return `${t.id} ${t.unit} ${t.indicator}: ${goal}; ${latest}${projected}${growth}: ${status}${forecastText(t.forecast)}`;
}

const chance = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });

/** "; forecast: 4% chance, 10.2 (80%: 9.1-11.4)", or why there is none. */
function forecastText(f: SeriesForecast | undefined): string {
  if (!f) return '';
  if (f.reason !== null) return `; no forecast: ${f.reason}`;
  const i80 = f.intervals[0];
  return `; forecast: ${chance.format(f.probability as number)} chance, ${number.format(f.projection as number)}${
    i80 ? ` (80%: ${number.format(i80.lower)}-${number.format(i80.upper)})` : ''
  }`;
}
