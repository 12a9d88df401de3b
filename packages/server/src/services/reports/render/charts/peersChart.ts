import { formatInteger, formatScore } from '../../labels.js';
import type { UnitReport } from '../../model.js';
import { baseOption, categoryAxisStyle, valueAxisStyle } from './baseOption.js';
import { palette } from './palette.js';
import { renderChart } from './renderChart.js';

/**
 * The units of the region, best first, by score; the report's unit in the accent colour. Each
 * name carries its national rank.
 */
export function peersChart(report: UnitReport): string {
  const { lang } = report;
  const items = report.peers.items;
  const range = report.methodology.normalisation.range;
  return renderChart(
    'peers',
    {
      ...baseOption(lang),
      grid: {
        left: 8,
        right: 40,
        top: 6,
        bottom: 22,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: items.map((i) =>
          i.rank === null ? i.name : `${i.name} (${formatInteger(i.rank, lang)})`,
        ),
        ...categoryAxisStyle,
        axisLabel: {
          ...categoryAxisStyle.axisLabel,
          formatter: (value: string, index: number) =>
            items[index]?.self ? `{self|${value}}` : value,
          rich: { self: { fontWeight: 'bold', color: palette.highlight, fontSize: 10 } },
        },
      },
      xAxis: {
        type: 'value',
        ...(range ? { min: range[0], max: range[1] } : {}),
        ...valueAxisStyle,
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 11,
          data: items.map((i) => ({
            value: i.score,
            itemStyle: { color: i.self ? palette.highlight : palette.peer },
          })),
          label: {
            show: true,
            position: 'right',
            fontSize: 9.5,
            color: palette.ink,
            formatter: (p: { value: number | null }) => formatScore(p.value, lang),
          },
        },
      ],
    },
    640,
    32 + items.length * 19,
  );
}
