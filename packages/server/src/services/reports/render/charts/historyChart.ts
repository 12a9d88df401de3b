import { formatScore, type ReportLabels } from '../../labels.js';
import type { UnitReport } from '../../model.js';
import { baseOption, categoryAxisStyle, valueAxisStyle } from './baseOption.js';
import { palette } from './palette.js';
import { renderChart } from './renderChart.js';

/** The periods' runs of derived figures, as [first, last] pairs. */
function derivedRuns(history: UnitReport['history']): [string, string][] {
  const runs: [string, string][] = [];
  let start: string | null = null;
  history.forEach((h, i) => {
    if (h.derived && start === null) start = h.period;
    const next = history[i + 1];
    if (start !== null && !next?.derived) {
      runs.push([start, h.period]);
      start = null;
    }
  });
  return runs;
}

/**
 * Score (left axis) and rank (right axis, 1 at the top) period by period; periods whose figures
 * are the predecessors' are shaded and their points hollow.
 */
export function historyChart(report: UnitReport, labels: ReportLabels): string {
  const { history, lang } = report;
  const units = Math.max(1, ...history.map((h) => h.units));
  // On the normalisation's whole range, the score runs above the rank's line instead of across it.
  const range = report.methodology.normalisation.range;
  const point = (value: number | null, derived: boolean, colour: string, symbol: string) => ({
    value,
    symbol: derived ? `empty${symbol[0]?.toUpperCase()}${symbol.slice(1)}` : symbol,
    itemStyle: derived
      ? { color: '#fff', borderColor: colour, borderWidth: 1.5 }
      : { color: colour },
  });
  return renderChart(
    'history',
    {
      ...baseOption(lang),
      grid: { left: 44, right: 44, top: 40, bottom: 26 },
      xAxis: {
        type: 'category',
        data: history.map((h) => h.period),
        ...categoryAxisStyle,
      },
      yAxis: [
        {
          type: 'value',
          name: labels.columns.score,
          ...(range ? { min: range[0], max: range[1] } : { scale: true }),
          ...valueAxisStyle,
        },
        {
          type: 'value',
          name: labels.columns.rank,
          // Rank 1 at the top, the axis's name above it as the score's is.
          inverse: true,
          nameLocation: 'start',
          min: 1,
          max: units,
          minInterval: 1,
          ...valueAxisStyle,
          axisLabel: { ...valueAxisStyle.axisLabel, showMaxLabel: false },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: labels.columns.score,
          type: 'line',
          data: history.map((h) => point(h.score, h.derived, palette.primary, 'circle')),
          symbolSize: 7,
          lineStyle: { width: 2.2, color: palette.primary },
          itemStyle: { color: palette.primary },
          label: {
            show: true,
            position: 'top',
            fontSize: 10,
            color: palette.primary,
            formatter: (p: { value: number | null }) => formatScore(p.value, lang),
          },
          markArea: {
            silent: true,
            itemStyle: { color: palette.derived },
            label: { show: true, position: 'insideTop', color: palette.muted, fontSize: 9 },
            data: derivedRuns(history).map(([from, to]) => [
              { xAxis: from, name: labels.columns.derived },
              { xAxis: to },
            ]),
          },
        },
        {
          name: labels.columns.rank,
          type: 'line',
          yAxisIndex: 1,
          data: history.map((h) => point(h.rank, h.derived, palette.secondary, 'diamond')),
          symbolSize: 8,
          lineStyle: { width: 1.6, type: 'dashed', color: palette.secondary },
          itemStyle: { color: palette.secondary },
          label: { show: true, position: 'bottom', fontSize: 10, color: palette.secondary },
        },
      ],
    },
    640,
    250,
  );
}
