import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
} from 'echarts/components';
import { type EChartsCoreOption, init, setPlatformAPI, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { measureText } from './measureText.js';

use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  SVGRenderer,
]);
setPlatformAPI({ measureText });

/**
 * A chart as inline vector SVG, drawn by Apache ECharts' server-side renderer. `id` names the
 * chart's clip paths (ECharts numbers them by instance, which would collide between the charts of
 * one document and differ from one process to the next); the SVG keeps its viewBox and loses its
 * fixed size, so the page's CSS sizes it, and loses what only a browser's pointer uses.
 */
export function renderChart(
  id: string,
  option: EChartsCoreOption,
  width: number,
  height: number,
): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart
      .renderToSVGString()
      .replace(/\bzr\d+-/g, `${id}-`)
      .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
      .replace(/ (?:xmlns(?::xlink)?|version|baseProfile)="[^"]*"/g, '')
      .replace(/ (?:ecmeta_[a-z_]+|pointer-events|class)="[^"]*"/g, '')
      .replace(/^<svg width="\d+(?:\.\d+)?" height="\d+(?:\.\d+)?"/, '<svg')
      .replace(/\n/g, '');
  } finally {
    chart.dispose();
  }
}
