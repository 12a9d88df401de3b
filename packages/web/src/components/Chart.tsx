import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { EChartProps } from '../charts/EChart.js';

const EChart = lazy(() => import('../charts/EChart.js'));

/** A chart, loaded with the charting library on first use (not part of the initial download). */
export function Chart(props: EChartProps) {
  return (
    <Suspense
      fallback={
        <Center h={props.height}>
          <Loader size="sm" />
        </Center>
      }
    >
      <EChart {...props} />
    </Suspense>
  );
}
