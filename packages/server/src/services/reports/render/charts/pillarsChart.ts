import { formatScore, type ReportLabels } from '../../labels.js';
import type { UnitReport } from '../../model.js';
import { baseOption, categoryAxisStyle, valueAxisStyle } from './baseOption.js';
import { palette } from './palette.js';
import { renderChart } from './renderChart.js';

/**
 * Each pillar's score (bars, the value at the end) beside the means of the unit's region and of
 * the whole country, first pillar at the top.
 */
export function pillarsChart(report: UnitReport, labels: ReportLabels): string {
  const { pillars, lang } = report;
  const range = report.methodology.normalisation.range;
  const bar = (name: string, colour: string, values: (number | null)[], label: boolean) => ({
    name,
    type: 'bar',
    data: values,
    itemStyle: { color: colour },
    barMaxWidth: 9,
    label: {
      show: label,
      position: 'right',
      fontSize: 10,
      color: palette.ink,
      formatter: (p: { value: number | null }) => formatScore(p.value, lang),
    },
  });
  return renderChart(
    'pillars',
    {
      ...baseOption(lang),
      grid: {
        left: 8,
        right: 40,
        top: 30,
        bottom: 22,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: pillars.map((p) => p.short_name || p.name),
        ...categoryAxisStyle,
        axisLabel: {
          ...categoryAxisStyle.axisLabel,
          fontSize: 10.5,
          width: 150,
          overflow: 'break',
        },
      },
      xAxis: {
        type: 'value',
        ...(range ? { min: range[0], max: range[1] } : {}),
        ...valueAxisStyle,
      },
      series: [
        bar(
          report.unit.name,
          palette.primary,
          pillars.map((p) => p.score),
          true,
        ),
        bar(
          labels.columns.regionMean,
          palette.region,
          pillars.map((p) => p.region_mean),
          false,
        ),
        bar(
          labels.columns.nationalMean,
          palette.national,
          pillars.map((p) => p.national_mean),
          false,
        ),
      ],
    },
    640,
    30 + pillars.length * 26,
  );
}
