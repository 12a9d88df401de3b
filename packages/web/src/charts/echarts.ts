// ECharts with only what dxmon draws, split so that no chunk is large: this module (the core,
// the SVG renderer, tooltips and ARIA) loads with EChart.tsx, which pages load on demand; the
// parts of a kind of chart load with the first chart of that kind (maps need no axes, line and
// bar charts no map).
import { AriaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([AriaComponent, TooltipComponent, SVGRenderer]);

/** The kinds of chart dxmon draws: line, bar and scatter series on axes, or a choropleth map. */
export type ChartKind = 'axes' | 'map';

const loaded = new Map<ChartKind, Promise<void>>();

/** Registers the ECharts parts a kind of chart needs, loading them once. */
export function loadChartParts(kind: ChartKind): Promise<void> {
  let parts = loaded.get(kind);
  if (!parts) {
    parts = (
      kind === 'map'
        ? import('./mapParts.js').then((m) => m.mapParts)
        : import('./axesParts.js').then((m) => m.axesParts)
    ).then((use) => echarts.use(use));
    loaded.set(kind, parts);
  }
  return parts;
}

export { echarts };
