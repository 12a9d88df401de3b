import { Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile, RankBand } from '../api.js';
import { fanSeries } from '../forecast/fanSeries.js';
import { reasonText } from '../forecast/forecastWords.js';
import { formatScore, localeOf } from '../format.js';
import { Chart } from './Chart.js';

const bands: readonly RankBand[] = ['up-3+', 'up-1-2', 'same', 'down-1-2', 'down-3+'];

/**
 * The unit's index next period: the score forecast from its history with its 80% and 95%
 * intervals, a small fan chart, and the chance of each rank change when the API gives them.
 */
export function IndexForecast({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const f = profile.forecast;
  const option = useMemo(() => {
    if (!f || f.score.projection === null) return null;
    const next = f.period ?? String(f.score.time);
    const history = profile.history.filter((h) => h.period <= profile.period);
    const periods = [...history.map((h) => h.period), next];
    const last = history.findLast((h) => h.score !== null);
    const fan = fanSeries(
      periods,
      last && last.score !== null ? { period: last.period, value: last.score } : null,
      [{ time: Number(next), projection: f.score.projection, intervals: f.score.intervals }],
      {
        projection: t('forecast.projection'),
        band80: t('forecast.band80'),
        band95: t('forecast.band95'),
      },
      { band80: 'rgba(28, 126, 214, 0.32)', band95: 'rgba(28, 126, 214, 0.14)', line: '#495057' },
    );
    return {
      aria: { enabled: true },
      grid: { left: 40, right: 16, top: 28, bottom: 28 },
      legend: {
        top: 0,
        itemWidth: 14,
        textStyle: { fontSize: 11 },
        data: [
          t('profile.score'),
          t('forecast.projection'),
          t('forecast.band80'),
          t('forecast.band95'),
        ],
      },
      tooltip: { trigger: 'item', valueFormatter: (v: number) => formatScore(v, language) },
      xAxis: { type: 'category', data: periods, boundaryGap: false },
      yAxis: { type: 'value', scale: true, max: 100 },
      series: [
        ...fan,
        {
          name: t('profile.score'),
          type: 'line',
          data: [...history.map((h) => h.score ?? '-'), '-'],
          color: '#1c7ed6',
          symbolSize: 6,
        },
      ],
    };
  }, [f, profile.history, profile.period, t, language]);
  if (!f) return null;
  const percent = new Intl.NumberFormat(localeOf(language), {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const [i80, i95] = f.score.intervals;
  const score = (v: number | undefined) => formatScore(v, language);
  return (
    <Stack gap="xs" data-testid="index-forecast">
      {f.score.projection === null ? (
        <Text size="sm" c="dimmed" data-testid="index-forecast-reason">
          {reasonText(f.score.reason ?? '', t)}
        </Text>
      ) : (
        <>
          <Text fw={600}>
            {t('forecast.scoreNext', {
              period: f.period ?? t('forecast.nextPeriod'),
              score: score(f.score.projection),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('forecast.intervals', {
              low80: score(i80?.lower),
              high80: score(i80?.upper),
              low95: score(i95?.lower),
              high95: score(i95?.upper),
            })}
          </Text>
          {option && (
            <div style={{ maxWidth: 520 }}>
              <Chart
                option={option}
                height={180}
                label={t('forecast.indexChart')}
                testId="index-fan"
              />
            </div>
          )}
        </>
      )}
      {f.bands && (
        <>
          <Text size="sm" fw={600}>
            {t('forecast.bandsTitle')}
          </Text>
          <Table maw={360} data-testid="rank-bands">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('forecast.band')}</Table.Th>
                <Table.Th>{t('forecast.chanceColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bands.map((b) => (
                <Table.Tr key={b}>
                  <Table.Td>{t(`forecast.bands.${b}`)}</Table.Td>
                  <Table.Td>{percent.format(f.bands?.[b] ?? 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('forecast.bandsNote', { draws: f.draws, units: f.units })}
          </Text>
        </>
      )}
    </Stack>
  );
}
