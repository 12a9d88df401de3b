import { Alert, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, type Names } from '../api.js';
import { formatScore, nameIn } from '../format.js';
import { Chart } from './Chart.js';

export interface MapValue {
  unit: string;
  names: Names;
  value: number | null;
  /** A second line for the tooltip, e.g. "Rank 12 of 63". */
  detail?: string;
}

interface Shapes {
  type: 'FeatureCollection';
  features: { id: string }[];
}

/** Quotes text for the tooltip's HTML: names come from the database. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A choropleth of the units of a level on a date (outlines from `/api/shapes`), coloured by a
 * value from 0 to 100, with the unit, value and detail on hover; clicking a unit selects it.
 */
export function UnitMap({
  level,
  at,
  values,
  valueLabel,
  onSelect,
  height = 560,
}: {
  level: string;
  at: string;
  values: MapValue[];
  valueLabel: string;
  onSelect?: (unit: string) => void;
  height?: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const shapes = useQuery({
    queryKey: ['shapes', level, at],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: ({ signal }) =>
      getJson<Shapes>(`/api/shapes?level=${encodeURIComponent(level)}&at=${at}`, signal),
  });
  const mapName = `dxmon:${level}:${at}`;
  const option = useMemo(() => {
    const byUnit = new Map(values.map((v) => [v.unit, v]));
    const present = values.map((v) => v.value).filter((v): v is number => v !== null);
    return {
      aria: { enabled: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const v = byUnit.get(p.name);
          if (!v) return '';
          const lines = [
            `<strong>${escapeHtml(nameIn(v.names, language))}</strong>`,
            `${escapeHtml(valueLabel)}: ${formatScore(v.value, language)}`,
          ];
          if (v.detail) lines.push(escapeHtml(v.detail));
          return lines.join('<br/>');
        },
      },
      visualMap: {
        type: 'continuous',
        min: present.length ? Math.floor(Math.min(...present)) : 0,
        max: present.length ? Math.ceil(Math.max(...present)) : 100,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemWidth: 12,
        itemHeight: 160,
        text: [t('map.high'), t('map.low')],
        calculable: false,
        inRange: { color: ['#deebf7', '#9ecae1', '#4292c6', '#08519c', '#08306b'] },
        formatter: (x: number) => formatScore(x, language),
      },
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'code',
          aspectScale: 0.95,
          top: 8,
          bottom: 48,
          selectedMode: false,
          itemStyle: { areaColor: '#eeeeee', borderColor: '#ffffff', borderWidth: 0.6 },
          emphasis: {
            label: { show: false },
            itemStyle: { areaColor: '#f59f00', borderColor: '#333333', borderWidth: 1 },
          },
          data: values.map((v) => ({ name: v.unit, value: v.value ?? Number.NaN })),
        },
      ],
    };
  }, [values, valueLabel, language, mapName, t]);

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
    <Chart
      option={option}
      height={height}
      map={{ name: mapName, geoJson: shapes.data }}
      onSelect={onSelect}
      label={t('map.label', { what: valueLabel })}
      testId="map"
    />
  );
}
