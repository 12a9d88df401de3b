import { Card, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, type Series, type TargetAssessment } from '../api.js';
import { fanSeries } from '../forecast/fanSeries.js';
import { formatNumber } from '../format.js';
import { useNames } from '../names.js';
import { Chart } from './Chart.js';
import { TargetForecast } from './TargetForecast.js';

export { statusColour } from './targetStatus.js';

/** Every year from the first to the last of a set of yearly periods (others as they come). */
function axisPeriods(periods: string[]): string[] {
  const sorted = [...new Set(periods)].sort();
  if (!sorted.every((p) => /^\d{4}$/.test(p))) return sorted;
  const first = Number(sorted[0]);
  const last = Number(sorted.at(-1));
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}

/**
 * One target: the unit's history of the indicator, the forecast's fan to the target period (the
 * projection with its 80% and 95% intervals) and the target point, the probability of meeting it
 * beside Open SDG's status, and the figures as text. Without a forecast (too little data, a past
 * period) the chart shows Open SDG's projection line instead, and the card says why.
 */
export function TargetCard({ target }: { target: TargetAssessment }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const names = useNames();
  const name = names.name(
    'target',
    target.id,
    target.name ?? names.name('element', target.indicator),
  );
  const series = useQuery({
    queryKey: ['series', target.unit, target.indicator],
    queryFn: ({ signal }) =>
      getJson<Series>(
        `/api/units/${encodeURIComponent(target.unit)}/series?element=${encodeURIComponent(target.indicator)}`,
        signal,
      ),
  });
  const option = useMemo(() => {
    const history = series.data?.items ?? [];
    const fan = target.fan ?? [];
    const periods = axisPeriods([
      ...history.map((h) => h.period),
      ...fan.map((f) => String(f.time)),
      target.target_period,
    ]);
    const at = (period: string | null, value: number | null) =>
      period === null || value === null ? null : [period, value];
    const from =
      target.latest_period !== null && target.latest_value !== null
        ? { period: target.latest_period, value: target.latest_value }
        : null;
    const fanned = fanSeries(
      periods,
      from,
      fan,
      {
        projection: t('forecast.projection'),
        band80: t('forecast.band80'),
        band95: t('forecast.band95'),
      },
      { band80: 'rgba(28, 126, 214, 0.32)', band95: 'rgba(28, 126, 214, 0.14)', line: '#495057' },
    );
    const openSdgLine = {
      name: t('targets.projection'),
      type: 'line',
      data: [
        at(target.latest_period, target.latest_value),
        at(target.target_period, target.projected_value),
      ].filter(Boolean),
      lineStyle: { type: 'dashed', width: 2 },
      symbolSize: 5,
      color: '#868e96',
    };
    return {
      aria: { enabled: true },
      // Room for the legend on two lines, as on a phone.
      grid: { left: 48, right: 16, top: 52, bottom: 28 },
      legend: {
        top: 0,
        itemWidth: 14,
        textStyle: { fontSize: 11 },
        // The bands' invisible lower edges are drawing aids, not series to name.
        data: [
          t('targets.history'),
          ...(fanned.length > 0
            ? [t('forecast.projection'), t('forecast.band80'), t('forecast.band95')]
            : [t('targets.projection')]),
          t('targets.target'),
        ],
      },
      tooltip: {
        trigger: 'item',
        valueFormatter: (v: number) => formatNumber(v, language),
      },
      xAxis: { type: 'category', data: periods, boundaryGap: false },
      yAxis: { type: 'value', scale: true },
      series: [
        ...fanned,
        {
          name: t('targets.history'),
          type: 'line',
          data: history.map((h) => [h.period, h.value]),
          symbolSize: 6,
          lineStyle: { width: 2 },
          color: '#1c7ed6',
        },
        ...(fanned.length > 0 ? [] : [openSdgLine]),
        {
          name: t('targets.target'),
          type: 'scatter',
          data: [[target.target_period, target.target_value]],
          symbol: 'diamond',
          symbolSize: 14,
          color: '#e8590c',
        },
      ],
    };
  }, [series.data, target, t, language]);

  return (
    <Card withBorder padding="sm" data-testid={`target-${target.id}`}>
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {name}
        </Text>
        <TargetForecast target={target} />
        <Chart
          option={option}
          height={230}
          label={t('targets.chartLabel', { name })}
          testId={`fan-${target.id}`}
        />
        <Text size="xs" c="dimmed">
          {t('targets.facts', {
            baseline: formatNumber(target.baseline_value, language),
            baselinePeriod: target.baseline_period ?? '–',
            latest: formatNumber(target.latest_value, language),
            latestPeriod: target.latest_period ?? '–',
            projected: formatNumber(target.projected_value, language),
            target: formatNumber(target.target_value, language),
            targetPeriod: target.target_period,
          })}
        </Text>
        {target.projection_bounded && (
          <Text size="xs" c="dimmed" data-testid={`projection-bound-${target.id}`}>
            {t(`targets.bounded.${target.projection_bounded}`, {
              trend: formatNumber(target.projected_value_unbounded, language),
              bound: formatNumber(target.projected_value, language),
            })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
