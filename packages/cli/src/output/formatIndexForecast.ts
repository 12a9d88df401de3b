import { type IndexForecast, rankBands } from '@dxmon/engine';
import { csvField } from './csvField.js';

export const forecastFormats = ['text', 'json', 'csv'] as const;
export type ForecastFormat = (typeof forecastFormats)[number];

export interface IndexForecastReport {
  period: string;
  latest: string;
  draws: number;
  seed: number;
  /** The units reported, and how many units are ranked now (those with a forecast). */
  units: IndexForecast[];
  of: number;
}

const columns = [
  'unit',
  'rank',
  'projection',
  'p80_lower',
  'p80_upper',
  'p95_lower',
  'p95_upper',
  ...rankBands.map((b) => `p_${b}`),
  'model',
  'reason',
] as const;

/** A forecast of the index as text for people, JSON (everything) or CSV (a row per unit). */
export function formatIndexForecast(report: IndexForecastReport, format: ForecastFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') {
    const rows = report.units.map((f) => {
      const [i80, i95] = f.score.intervals;
      const cells = [
        f.unit,
        f.rank,
        f.score.projection,
        i80?.lower,
        i80?.upper,
        i95?.lower,
        i95?.upper,
        ...rankBands.map((b) => f.bands?.[b]),
        f.score.model,
        f.score.reason,
      ];
      return cells.map((c) => csvField(c === null || c === undefined ? '' : String(c))).join(',');
    });
    return `${[columns.join(','), ...rows].join('\n')}\n`;
  }
  const lines = [
    `Index forecast for ${report.period} from the data up to ${report.latest} (${report.draws} draws, seed ${report.seed}):`,
  ];
  for (const f of report.units) lines.push(describe(f, report.of));
  return `${lines.join('\n')}\n`;
}

const score = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const share = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });

/** "VN-08: rank 48 of 63 now; score 41.2 (80%: 39.0-43.5, 95%: 37.8-44.7); up 3+ 12%, ..." */
function describe(f: IndexForecast, of: number): string {
  if (f.score.reason !== null) return `${f.unit}: no forecast: ${f.score.reason}`;
  const [i80, i95] = f.score.intervals;
  const interval = (i: typeof i80) =>
    i ? `${score.format(i.lower)}-${score.format(i.upper)}` : '';
  const bands = f.bands
    ? `; rank: up 3 or more ${share.format(f.bands['up-3+'])}, up 1-2 ${share.format(f.bands['up-1-2'])}, same ${share.format(f.bands.same)}, down 1-2 ${share.format(f.bands['down-1-2'])}, down 3 or more ${share.format(f.bands['down-3+'])}`
    : '';
  const range = f.rank_interval
    ? ` (90% of draws: ${f.rank_interval.p05}-${f.rank_interval.p95})`
    : '';
  return `${f.unit}: rank ${f.rank} of ${of} now${range}; score ${score.format(f.score.projection as number)} (80%: ${interval(i80)}, 95%: ${interval(i95)}; mostly ${f.score.model})${bands}`;
}
