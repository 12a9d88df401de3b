import { createRequire } from 'node:module';
import type * as ECharts from 'echarts';
import type { EChartsCoreOption } from 'echarts/core';
import { measureText } from './measureText.js';

let loaded: typeof ECharts | null = null;

/**
 * ECharts, loaded on the first chart: its CommonJS bundle (every chart and the SVG renderer) loads
 * in a quarter of the time its ES modules take (0.16 s against 0.6 s), and the server starts
 * without it.
 */
function echarts(): typeof ECharts {
  if (!loaded) {
    loaded = createRequire(import.meta.url)('echarts') as typeof ECharts;
    loaded.setPlatformAPI({ measureText });
  }
  return loaded;
}

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
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
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
