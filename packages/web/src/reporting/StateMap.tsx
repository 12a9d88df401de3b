import { Alert, Center, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api.js';
import { Chart } from '../components/Chart.js';
import { nameIn } from '../format.js';
import { type ReportingStatus, statusColors, statusOf, type UnitStatus } from './reportingApi.js';

interface Shapes {
  type: 'FeatureCollection';
  features: { id: string }[];
}

/** Quotes text for the tooltip's HTML: names come from the database. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The period's last day, for the outlines of the units that existed then. */
const periodEnd = (period: string) => `${period.slice(0, 4)}-12-31`;

/**
 * The expected units on a map (outlines from `/api/shapes`), each coloured by its status in the
 * round, with a legend; the table beside it says the same in words.
 */
export function StateMap({ status, height }: { status: ReportingStatus; height: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const at = periodEnd(status.period);
  const shapes = useQuery({
    queryKey: ['shapes', status.level, at],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: ({ signal }) =>
      getJson<Shapes>(`/api/shapes?level=${encodeURIComponent(status.level)}&at=${at}`, signal),
  });
  const mapName = `dxmon:${status.level}:${at}`;
  const option = useMemo(() => {
    const byUnit = new Map(status.items.map((i) => [i.unit, i]));
    return {
      aria: { enabled: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const item = byUnit.get(p.name);
          if (!item) return '';
          return `<strong>${escapeHtml(nameIn(item.names, language))}</strong><br/>${escapeHtml(t(`reporting.status.${statusOf(item)}`))}`;
        },
      },
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'code',
          aspectScale: 0.95,
          top: 8,
          bottom: 8,
          selectedMode: false,
          itemStyle: { areaColor: '#eeeeee', borderColor: '#ffffff', borderWidth: 0.6 },
          emphasis: {
            label: { show: false },
            itemStyle: { areaColor: '#f59f00', borderColor: '#333333', borderWidth: 1 },
          },
          data: status.items.map((item) => ({
            name: item.unit,
            value: 1,
            itemStyle: { areaColor: statusColors[statusOf(item)] },
          })),
        },
      ],
    };
  }, [status, language, mapName, t]);

  if (shapes.isLoading)
    return (
      <Center h={height}>
        <Loader size="sm" />
      </Center>
    );
  if (shapes.error)
    return (
      <Alert color="red">{t('state.error', { message: (shapes.error as Error).message })}</Alert>
    );
  if (!shapes.data || shapes.data.features.length === 0)
    return <Alert color="gray">{t('map.noShapes')}</Alert>;
  return (
    <>
      <Chart
        option={option}
        height={height}
        map={{ name: mapName, geoJson: shapes.data }}
        label={t('reporting.mapLabel')}
        testId="reporting-map"
      />
      <Group gap="sm" justify="center" data-testid="reporting-legend">
        {(Object.keys(statusColors) as UnitStatus[]).map((s) => (
          <Group key={s} gap={4} wrap="nowrap">
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 12,
                height: 12,
                borderRadius: 2,
                background: statusColors[s],
              }}
            />
            <Text size="xs">{t(`reporting.status.${s}`)}</Text>
          </Group>
        ))}
      </Group>
    </>
  );
}
