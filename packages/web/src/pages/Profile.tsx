import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  useMatches,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  type Explanation,
  getJson,
  type Uncertainty,
  type Profile as UnitProfile,
} from '../api.js';
import { Chart } from '../components/Chart.js';
import { IndexForecast } from '../components/IndexForecast.js';
import { RankChange } from '../components/RankChange.js';
import { RankInterval } from '../components/RankInterval.js';
import { TargetCard } from '../components/TargetCard.js';
import { WhatLifts } from '../components/WhatLifts.js';
import { formatDate, formatNumber, formatScore, nameIn } from '../format.js';
import { useNames } from '../names.js';
import { ReportLinks } from '../reports/ReportLinks.js';

/**
 * One unit: its score and rank with the rank's interval under the uncertainty analysis, its
 * history (carried back through its predecessors for a unit formed in 2025) and what moved it
 * since the previous period, its pillars against the means, what lifts it most, its targets, and
 * every pillar and indicator with the raw value, the score, the rank and the regional and
 * national means.
 */
export function Profile() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const names = useNames();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const framework = params.get('framework') ?? '';
  const period = params.get('period') ?? '';
  const profile = useQuery({
    queryKey: ['profile', code, framework, period],
    enabled: Boolean(framework && period),
    queryFn: ({ signal }) =>
      getJson<UnitProfile>(
        `/api/units/${encodeURIComponent(code)}/profile?framework=${encodeURIComponent(framework)}&period=${encodeURIComponent(period)}`,
        signal,
      ),
  });
  const charts = useProfileCharts(profile.data);
  // Computed on stored data of the unit's own level; a period carried back through lineage has none.
  const level = profile.data?.unit.level;
  const analysed = Boolean(profile.data && !profile.data.derived && level);
  const query = `framework=${encodeURIComponent(framework)}&period=${encodeURIComponent(period)}&level=${encodeURIComponent(level ?? '')}`;
  const uncertainty = useQuery({
    queryKey: ['uncertainty', framework, period, level],
    enabled: analysed,
    queryFn: ({ signal }) => getJson<Uncertainty>(`/api/results/uncertainty?${query}`, signal),
  });
  const explanation = useQuery({
    queryKey: ['explain', code, framework, period, level],
    enabled: analysed,
    queryFn: ({ signal }) =>
      getJson<Explanation>(`/api/units/${encodeURIComponent(code)}/explain?${query}`, signal),
  });
  const interval = uncertainty.data?.items.find((i) => i.unit === code);
  const exportQuery = `${query}&unit=${encodeURIComponent(code)}`;
  const back = new URLSearchParams({ framework, period });
  if (params.get('lang')) back.set('lang', params.get('lang') as string);

  if (profile.isLoading)
    return (
      <Group>
        <Loader size="sm" />
        <Text>{t('state.loading')}</Text>
      </Group>
    );
  if (profile.error)
    return (
      <Alert color="red">{t('state.error', { message: (profile.error as Error).message })}</Alert>
    );
  const p = profile.data;
  if (!p) return null;
  const merged = p.unit.predecessors.filter((x) => x.event === 'merge');
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={{ pathname: '/', search: back.toString() }}>
        {t('profile.back')}
      </Anchor>
      <Group align="end" gap="xl">
        <div>
          <Title order={2} data-testid="unit-name">
            {nameIn(p.unit.names, language)}
          </Title>
          <Text c="dimmed">
            {names.name('framework', p.framework.id, p.framework.name)}, {p.period}
            {p.region ? ` · ${names.name('region', p.region)}` : ''}
          </Text>
          {merged.length > 0 && (
            <Text size="sm">
              {t('profile.mergedFrom', {
                date: formatDate(merged[0]?.date, language),
                units: merged.map((m) => m.code).join(', '),
              })}
            </Text>
          )}
        </div>
        <Paper withBorder p="sm">
          <Text size="sm" c="dimmed">
            {t('profile.score')}
          </Text>
          <Text size="xl" fw={700}>
            {formatScore(p.score, language)}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xl" fw={700}>
            {p.rank === null ? '–' : t('profile.rankOf', { rank: p.rank, units: p.units })}
          </Text>
        </Paper>
      </Group>
      {interval && uncertainty.data && (
        <RankInterval item={interval} design={uncertainty.data.design} units={p.units} />
      )}
      <ReportLinks
        subject={{ kind: 'unit', code: p.unit.code, framework: p.framework.id, period: p.period }}
      />

      <section aria-labelledby="history">
        <Title order={3} id="history" mb="xs">
          {t('profile.history')}
        </Title>
        {charts && <Chart option={charts.history} height={260} label={t('profile.historyChart')} />}
        <Table striped maw={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('profile.period')}</Table.Th>
              <Table.Th>{t('profile.score')}</Table.Th>
              <Table.Th>{t('profile.rank')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.history.map((h) => (
              <Table.Tr key={h.period}>
                <Table.Td>
                  {h.period}{' '}
                  {h.derived && (
                    <Badge size="xs" variant="light">
                      {t('profile.derived')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatScore(h.score, language)}</Table.Td>
                <Table.Td>{h.rank === null ? '–' : `${h.rank} / ${h.units}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {explanation.data?.change && (
          <>
            <Title order={4} mt="md" mb="xs">
              {t('profile.changeTitle')}
            </Title>
            <RankChange framework={p.framework.id} change={explanation.data.change} />
          </>
        )}
      </section>

      {p.forecast && (
        <section aria-labelledby="index-forecast-title">
          <Title order={3} id="index-forecast-title" mb="xs">
            {t('forecast.indexTitle')}
          </Title>
          <IndexForecast profile={p} />
        </section>
      )}

      {charts && (
        <section aria-labelledby="pillars">
          <Title order={3} id="pillars" mb="xs">
            {t('profile.pillars')}
          </Title>
          <Chart
            option={charts.pillars}
            height={Math.max(220, charts.pillarCount * 44)}
            label={t('profile.pillarsChart')}
          />
          <Text size="xs" c="dimmed">
            {t('profile.pillarsTable')}
          </Text>
        </section>
      )}

      {explanation.data && explanation.data.what_if.items.length > 0 && (
        <section aria-labelledby="what-lifts">
          <Title order={3} id="what-lifts" mb="xs">
            {t('profile.whatLifts')}
          </Title>
          <WhatLifts framework={p.framework.id} explanation={explanation.data} />
        </section>
      )}

      {p.targets.length > 0 && (
        <section aria-labelledby="targets">
          <Title order={3} id="targets" mb="xs">
            {t('profile.targets')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {p.targets.map((target) => (
              <TargetCard key={target.id} target={target} />
            ))}
          </SimpleGrid>
        </section>
      )}

      <section aria-labelledby="indicators">
        <Group justify="space-between" align="baseline" mb="xs">
          <Title order={3} id="indicators">
            {t('profile.indicators')}
          </Title>
          <Group gap="sm" data-testid="profile-downloads">
            <Text size="sm">{t('overview.download')}:</Text>
            {(analysed ? (['csv', 'xlsx'] as const) : []).map((format) => (
              <Anchor
                key={`r${format}`}
                size="sm"
                href={`/api/exports/results.${format}?${exportQuery}`}
              >
                {t('profile.resultsFile', { format: format.toUpperCase() })}
              </Anchor>
            ))}
            {(['csv', 'xlsx'] as const).map((format) => (
              <Anchor
                key={`d${format}`}
                size="sm"
                href={`/api/exports/data.${format}?unit=${encodeURIComponent(code)}&period=${encodeURIComponent(period)}`}
              >
                {t('profile.dataFile', { format: format.toUpperCase() })}
              </Anchor>
            ))}
          </Group>
        </Group>
        <Table.ScrollContainer
          minWidth={760}
          // Scrolled sideways on phones: reachable and named for the keyboard (axe).
          scrollAreaProps={{
            viewportProps: { tabIndex: 0, 'aria-label': t('profile.indicators') },
          }}
        >
          <Table striped data-testid="profile-nodes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('profile.node')}</Table.Th>
                <Table.Th>{t('profile.value')}</Table.Th>
                <Table.Th>{t('profile.score')}</Table.Th>
                <Table.Th>{t('profile.rank')}</Table.Th>
                <Table.Th>{t('profile.regionMean')}</Table.Th>
                <Table.Th>{t('profile.nationalMean')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.nodes.map((n) => (
                <Table.Tr key={n.code}>
                  <Table.Td style={{ paddingInlineStart: `${0.75 + n.depth * 1.25}rem` }}>
                    <Text size="sm" fw={n.kind === 'indicator' ? 400 : 600}>
                      {names.node(p.framework.id, n.code, n.name)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {n.kind === 'indicator'
                      ? `${formatNumber(n.value, language)}${n.unit_of_measure && n.value !== null ? ` ${n.unit_of_measure}` : ''}`
                      : ''}
                  </Table.Td>
                  <Table.Td>{formatScore(n.score, language)}</Table.Td>
                  <Table.Td>{n.rank ?? '–'}</Table.Td>
                  <Table.Td>{formatScore(n.region_mean, language)}</Table.Td>
                  <Table.Td>{formatScore(n.national_mean, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
    </Stack>
  );
}

/**
 * The pillar chart's fit to the screen: on a phone the pillars' names wrap narrower, to leave
 * room for the bars, and the legend takes two lines.
 */
const pillarChartFit = {
  base: { labelWidth: 120, top: 56 },
  sm: { labelWidth: 220, top: 28 },
  lg: { labelWidth: 320, top: 28 },
};

/** The profile's charts: score and rank over time, and the pillars against the means. */
function useProfileCharts(p: UnitProfile | undefined) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const names = useNames();
  const fit = useMatches(pillarChartFit);
  return useMemo(() => {
    if (!p) return null;
    const score = (v: number) => formatScore(v, language);
    const history = {
      aria: { enabled: true },
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: p.history.map((h) => h.period) },
      yAxis: [
        { type: 'value', name: t('profile.score'), min: 0, max: 100 },
        {
          type: 'value',
          name: t('profile.rank'),
          inverse: true,
          min: 1,
          max: Math.max(...p.history.map((h) => h.units), 1),
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: t('profile.score'),
          type: 'line',
          data: p.history.map((h) => h.score),
          color: '#1c7ed6',
          tooltip: { valueFormatter: score },
        },
        {
          name: t('profile.rank'),
          type: 'line',
          yAxisIndex: 1,
          data: p.history.map((h) => h.rank),
          color: '#e8590c',
          lineStyle: { type: 'dashed' },
        },
      ],
    };
    // The pillars: the nodes above the indicators, below the index.
    const pillars = p.nodes.filter((n) => n.kind !== 'indicator' && n.depth > 0).reverse();
    const bars = {
      aria: { enabled: true },
      grid: { left: 8, right: 24, top: fit.top, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: score },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: {
        type: 'category',
        data: pillars.map((n) => names.node(p.framework.id, n.code, n.name)),
        axisLabel: { width: fit.labelWidth, overflow: 'break', lineHeight: 14 },
      },
      series: [
        {
          name: nameIn(p.unit.names, language),
          type: 'bar',
          data: pillars.map((n) => n.score),
          color: '#1c7ed6',
        },
        {
          name: t('profile.regionMean'),
          type: 'bar',
          data: pillars.map((n) => n.region_mean),
          color: '#74c0fc',
        },
        {
          name: t('profile.nationalMean'),
          type: 'bar',
          data: pillars.map((n) => n.national_mean),
          color: '#adb5bd',
        },
      ],
    };
    return { history, pillars: bars, pillarCount: pillars.length };
  }, [p, t, language, fit, names]);
}
