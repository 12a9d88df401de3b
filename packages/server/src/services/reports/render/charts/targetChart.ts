import type { Language } from '../../../translations.js';
import { formatNumber, type ReportLabels } from '../../labels.js';
import type { ReportTarget } from '../../model.js';
import { axisPeriods, baseOption, categoryAxisStyle, valueAxisStyle } from './baseOption.js';
import { palette } from './palette.js';
import { renderChart } from './renderChart.js';

/**
 * A target's progress chart (as Open SDG draws it): the observed values, the projection from the
 * latest value to the target period (dashed), and the target itself with a dotted line at its
 * level.
 */
export function targetChart(
  id: string,
  target: ReportTarget,
  lang: Language,
  labels: ReportLabels,
): string {
  const periods = axisPeriods([...target.series.map((s) => s.period), target.target_period]);
  const projection =
    target.latest_period !== null &&
    target.latest_value !== null &&
    target.projected_value !== null &&
    target.latest_period !== target.target_period
      ? [
          [target.latest_period, target.latest_value],
          [target.target_period, target.projected_value],
        ]
      : [];
  const value = (p: { value: [string, number] | number }) =>
    formatNumber(Array.isArray(p.value) ? p.value[1] : p.value, lang);
  return renderChart(
    id,
    {
      ...baseOption(lang),
      legend: { ...baseOption(lang).legend, itemGap: 12, textStyle: { fontSize: 10 } },
      grid: {
        left: 6,
        right: 18,
        top: 34,
        bottom: 6,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis: { type: 'category', data: periods, boundaryGap: false, ...categoryAxisStyle },
      yAxis: { type: 'value', scale: true, ...valueAxisStyle },
      series: [
        {
          name: labels.plan.observed,
          type: 'line',
          data: target.series.map((s) => [s.period, s.value]),
          symbolSize: 6,
          lineStyle: { width: 2, color: palette.primary },
          itemStyle: { color: palette.primary },
        },
        {
          name: labels.plan.projection,
          type: 'line',
          data: projection,
          symbolSize: 5,
          symbol: 'emptyCircle',
          lineStyle: { width: 1.8, type: 'dashed', color: palette.secondary },
          itemStyle: { color: palette.secondary },
          label: {
            show: true,
            position: 'top',
            fontSize: 9.5,
            color: palette.secondary,
            formatter: (p: { dataIndex: number; value: [string, number] }) =>
              p.dataIndex === 1 ? value(p) : '',
          },
        },
        {
          name: labels.plan.target,
          type: 'scatter',
          data: [[target.target_period, target.target_value]],
          symbol: 'diamond',
          symbolSize: 11,
          itemStyle: { color: palette.target },
          label: {
            show: true,
            position: 'left',
            fontSize: 9.5,
            color: palette.target,
            formatter: value,
          },
          markLine: {
            silent: true,
            symbol: 'none',
            label: { show: false },
            lineStyle: { type: 'dotted', color: palette.target, width: 1 },
            data: [{ yAxis: target.target_value }],
          },
        },
      ],
    },
    360,
    200,
  );
}
