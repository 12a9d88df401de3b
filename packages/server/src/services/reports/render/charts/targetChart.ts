import type { Language } from '../../../translations.js';
import { formatNumber, type ReportLabels } from '../../labels.js';
import type { ReportTarget } from '../../model.js';
import { axisPeriods, baseOption, categoryAxisStyle, valueAxisStyle } from './baseOption.js';
import { palette } from './palette.js';
import { renderChart } from './renderChart.js';

/**
 * A target's progress chart (as Open SDG draws it): the observed values, the projection from the
 * latest value to the target period (dashed), and the target itself with a dotted line at its
 * level; with a forecast, its fan: the 95% (lighter) and 80% prediction bands from the latest
 * value to the target period, as stacked areas (an invisible lower edge, the band's width above).
 */
export function targetChart(
  id: string,
  target: ReportTarget,
  lang: Language,
  labels: ReportLabels,
): string {
  const periods = axisPeriods([
    ...target.series.map((s) => s.period),
    ...target.fan.map((f) => f.period),
    target.target_period,
  ]);
  const fan = fanBands(periods, target);
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
      legend: {
        ...baseOption(lang).legend,
        itemGap: 12,
        textStyle: { fontSize: 10 },
        // The bands' unseen lower edges are drawing aids, not series to name.
        data: [
          labels.plan.observed,
          labels.plan.projection,
          ...(fan ? [labels.plan.band80, labels.plan.band95] : []),
          labels.plan.target,
        ],
      },
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
        ...(fan
          ? [
              ...band(fan.lower95, fan.width95, labels.plan.band95, palette.primary, 0.14, 'fan95'),
              ...band(fan.lower80, fan.width80, labels.plan.band80, palette.primary, 0.3, 'fan80'),
            ]
          : []),
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

type Column = (number | '-')[];

/** The fan's bounds aligned with the axis ('-' where none), opening at the latest value. */
function fanBands(periods: string[], target: ReportTarget) {
  if (target.fan.length === 0 || target.latest_period === null || target.latest_value === null)
    return null;
  const at = new Map(target.fan.map((f) => [f.period, f]));
  const v = target.latest_value;
  at.set(target.latest_period, {
    period: target.latest_period,
    projection: v,
    lower80: v,
    upper80: v,
    lower95: v,
    upper95: v,
  });
  const column = (pick: (f: ReportTarget['fan'][number]) => number): Column =>
    periods.map((p) => {
      const f = at.get(p);
      return f ? pick(f) : '-';
    });
  return {
    lower80: column((f) => f.lower80),
    width80: column((f) => f.upper80 - f.lower80),
    lower95: column((f) => f.lower95),
    width95: column((f) => f.upper95 - f.lower95),
  };
}

/** A band as two stacked line series: its lower edge, unseen, and its width, filled. */
function band(
  lower: Column,
  width: Column,
  name: string,
  colour: string,
  opacity: number,
  stack: string,
): object[] {
  return [
    {
      name: `${name} (lower)`,
      type: 'line',
      stack,
      data: lower,
      symbol: 'none',
      silent: true,
      lineStyle: { opacity: 0 },
    },
    {
      name,
      type: 'line',
      stack,
      data: width,
      symbol: 'none',
      silent: true,
      lineStyle: { opacity: 0 },
      itemStyle: { color: colour, opacity },
      areaStyle: { color: colour, opacity },
    },
  ];
}
