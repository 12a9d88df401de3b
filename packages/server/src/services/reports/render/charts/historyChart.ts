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
 * Score (above) and rank (below, 1 at the top) period by period, in two panels on the same
 * periods so that their lines and labels never cross; periods whose figures are the
 * predecessors' are shaded and their points hollow.
 */
export function historyChart(report: UnitReport, labels: ReportLabels): string {
  const { history, lang } = report;
  const units = Math.max(1, ...history.map((h) => h.units));
  const range = report.methodology.normalisation.range;
  const periods = history.map((h) => h.period);
  const runs = derivedRuns(history);
  const point = (value: number | null, derived: boolean, colour: string, symbol: string) => ({
    value,
    symbol: derived ? `empty${symbol[0]?.toUpperCase()}${symbol.slice(1)}` : symbol,
    itemStyle: derived
      ? { color: '#fff', borderColor: colour, borderWidth: 1.5 }
      : { color: colour },
  });
  const shade = (label: boolean) => ({
    silent: true,
    itemStyle: { color: palette.derived },
    label: { show: label, position: 'insideTop', color: palette.muted, fontSize: 9 },
    data: runs.map(([from, to]) => [{ xAxis: from, name: labels.columns.derived }, { xAxis: to }]),
  });
  const axisName = {
    nameLocation: 'end',
    nameGap: 8,
    nameTextStyle: { color: palette.muted, fontSize: 10, align: 'left' },
  };
  return renderChart(
    'history',
    {
      ...baseOption(lang),
      grid: [
        { left: 44, right: 24, top: 44, height: 124 },
        { left: 44, right: 24, top: 200, height: 60 },
      ],
      xAxis: [
        // The periods are named once, under the rank's panel.
        {
          type: 'category',
          gridIndex: 0,
          data: periods,
          ...categoryAxisStyle,
          axisLabel: { show: false },
        },
        { type: 'category', gridIndex: 1, data: periods, ...categoryAxisStyle },
      ],
      yAxis: [
        {
          type: 'value',
          gridIndex: 0,
          name: labels.columns.score,
          ...axisName,
          ...(range
            ? { min: range[0], max: range[1], interval: (range[1] - range[0]) / 4 }
            : { scale: true, splitNumber: 4 }),
          ...valueAxisStyle,
        },
        {
          type: 'value',
          gridIndex: 1,
          name: labels.columns.rank,
          ...axisName,
          // Rank 1 at the top; its name above the panel, as the score's is.
          inverse: true,
          nameLocation: 'start',
          min: 1,
          max: units,
          minInterval: 1,
          splitNumber: 2,
          ...valueAxisStyle,
        },
      ],
      series: [
        {
          name: labels.columns.score,
          type: 'line',
          xAxisIndex: 0,
          yAxisIndex: 0,
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
          markArea: shade(true),
        },
        {
          name: labels.columns.rank,
          type: 'line',
          xAxisIndex: 1,
          yAxisIndex: 1,
          data: history.map((h) => point(h.rank, h.derived, palette.secondary, 'diamond')),
          symbolSize: 8,
          lineStyle: { width: 1.8, color: palette.secondary },
          itemStyle: { color: palette.secondary },
          label: { show: true, position: 'top', fontSize: 10, color: palette.secondary },
          markArea: shade(false),
        },
      ],
    },
    640,
    290,
  );
}
