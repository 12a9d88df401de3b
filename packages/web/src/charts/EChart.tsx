import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { echarts } from './echarts.js';

export interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  /** A GeoJSON map the option refers to by name, registered before the option is set. */
  map?: { name: string; geoJson: object } | undefined;
  /** Called with the clicked item's name (a unit code on maps). */
  onSelect?: ((name: string) => void) | undefined;
  /** What the chart shows, for screen readers; the page also gives the same data as a table. */
  label: string;
  testId?: string;
}

/** One ECharts chart (SVG), resized with its box and disposed with the component. */
export default function EChart({ option, height, map, onSelect, label, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
    instance.on('click', (event) => {
      if (typeof event.name === 'string' && event.name) select.current?.(event.name);
    });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (map && !echarts.getMap(map.name)) echarts.registerMap(map.name, map.geoJson as never);
    chart.current?.setOption(option, { notMerge: true });
  }, [option, map]);

  return (
    // ECharts anchors its SVG text for left-to-right; inheriting rtl would shift every label.
    <div
      ref={box}
      dir="ltr"
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height }}
    />
  );
}
