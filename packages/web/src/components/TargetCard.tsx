import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, type Series, type TargetAssessment } from '../api.js';
import { formatNumber } from '../format.js';
import { useNames } from '../names.js';
import { Chart } from './Chart.js';

export const statusColour: Record<TargetAssessment['status'], string> = {
  achieved: 'green',
  'on-track': 'teal',
  'off-track': 'orange',
  regressing: 'red',
  'insufficient-data': 'gray',
};

/** Every year from the first to the last of a set of yearly periods (others as they come). */
function axisPeriods(periods: string[]): string[] {
  const sorted = [...new Set(periods)].sort();
  if (!sorted.every((p) => /^\d{4}$/.test(p))) return sorted;
  const first = Number(sorted[0]);
  const last = Number(sorted.at(-1));
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}

/**
 * One target: its status, the unit's history of the indicator, the projection to the target
 * period and the target point (the Open SDG progress chart), with the figures as text beside it.
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
    const periods = axisPeriods([...history.map((h) => h.period), target.target_period]);
    const at = (period: string | null, value: number | null) =>
      period === null || value === null ? null : [period, value];
    return {
      aria: { enabled: true },
      grid: { left: 48, right: 16, top: 28, bottom: 28 },
      legend: { top: 0, itemWidth: 14, textStyle: { fontSize: 11 } },
      tooltip: {
        trigger: 'item',
        valueFormatter: (v: number) => formatNumber(v, language),
      },
      xAxis: { type: 'category', data: periods, boundaryGap: false },
      yAxis: { type: 'value', scale: true },
      series: [
        {
          name: t('targets.history'),
          type: 'line',
          data: history.map((h) => [h.period, h.value]),
          symbolSize: 6,
          lineStyle: { width: 2 },
          color: '#1c7ed6',
        },
        {
          name: t('targets.projection'),
          type: 'line',
          data: [
            at(target.latest_period, target.latest_value),
            at(target.target_period, target.projected_value),
          ].filter(Boolean),
          lineStyle: { type: 'dashed', width: 2 },
          symbolSize: 5,
          color: '#868e96',
        },
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
        <Group justify="space-between" align="start" wrap="nowrap">
          <Text fw={600} size="sm">
            {name}
          </Text>
          <Badge color={statusColour[target.status]} variant="light" style={{ flexShrink: 0 }}>
            {t(`targets.status.${target.status}`)}
          </Badge>
        </Group>
        <Chart option={option} height={180} label={t('targets.chartLabel', { name })} />
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
