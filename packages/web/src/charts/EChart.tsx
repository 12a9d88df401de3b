import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { echarts, loadChartParts } from './echarts.js';

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
  // A map, or series on axes: each kind's ECharts parts load with its first chart.
  const kind = map ? 'map' : 'axes';
  const [partsLoaded, setPartsLoaded] = useState(false);

  useEffect(() => {
    let current = true;
    loadChartParts(kind).then(() => {
      if (current) setPartsLoaded(true);
    });
    return () => {
      current = false;
    };
  }, [kind]);

  // An instance takes the parts registered when it is made: made once they are loaded.
  useEffect(() => {
    if (!partsLoaded || !box.current) return;
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
  }, [partsLoaded]);

  useEffect(() => {
    if (!partsLoaded) return;
    if (map && !echarts.getMap(map.name)) echarts.registerMap(map.name, map.geoJson as never);
    chart.current?.setOption(option, { notMerge: true });
  }, [option, map, partsLoaded]);

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
