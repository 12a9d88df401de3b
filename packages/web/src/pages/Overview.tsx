import {
  Alert,
  Anchor,
  Grid,
  Group,
  Loader,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  useMatches,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type FrameworkSummary, getJson, type ResultItem, type Results } from '../api.js';
import { RankingTable, type Sort } from '../components/RankingTable.js';
import { UnitMap } from '../components/UnitMap.js';
import { formatNumber, nameIn } from '../format.js';
import { useNames } from '../names.js';
import { matchesUnit } from '../search.js';

/** The day after which Viet Nam has 34 provinces instead of 63. */
const reformDate = '2025-07-01';

/**
 * The ranking of every province for a framework and period: rank, change, score, a bar per
 * pillar, region; sortable, filterable by region, searchable by name in any of the three languages
 * (diacritics aside), on the 63 provinces or the 34 (lineage). Every
 * choice lives in the address, so a view can be shared.
 */
export function Overview() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const names = useNames();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const frameworks = useQuery({
    queryKey: ['frameworks'],
    queryFn: ({ signal }) => getJson<{ items: FrameworkSummary[] }>('/api/frameworks', signal),
  });
  const frameworkId = params.get('framework') ?? frameworks.data?.items[0]?.id;
  const framework = useQuery({
    queryKey: ['framework', frameworkId],
    enabled: Boolean(frameworkId),
    queryFn: ({ signal }) =>
      getJson<FrameworkSummary & { periods: string[] }>(
        `/api/frameworks/${encodeURIComponent(frameworkId ?? '')}`,
        signal,
      ),
  });
  const periods = framework.data?.periods ?? [];
  const period = params.get('period') ?? periods.at(-1);
  // A period before the reform can be shown on the 34 provinces (at a date after it); from the
  // reform on there are only the 34.
  const periodEnd = period ? `${period.slice(0, 4)}-12-31` : undefined;
  const afterReform = Boolean(periodEnd && periodEnd >= reformDate);
  const view = afterReform || params.get('view') === '34' ? '34' : '63';
  const at = view === '34' && periodEnd && periodEnd < reformDate ? '2025-12-31' : undefined;

  const results = useQuery({
    queryKey: ['results', frameworkId, period, at],
    enabled: Boolean(frameworkId && period),
    queryFn: ({ signal }) =>
      getJson<Results>(
        `/api/results?framework=${encodeURIComponent(frameworkId ?? '')}&period=${encodeURIComponent(period ?? '')}&level=province${at ? `&at=${at}` : ''}`,
        signal,
      ),
  });

  const phone = useMatches({ base: true, sm: false });
  const mapHeight = useMatches({ base: 440, lg: 560 });
  const region = params.get('region') ?? '';
  const search = params.get('q') ?? '';
  const [sort, setSort] = useState<Sort>({
    key: 'rank',
    descending: false,
  });
  const pillars = useMemo(() => {
    const nodes = results.data?.nodes ?? [];
    const root = nodes.find((n) => n.parent === null)?.code;
    // The pillars under the index's top-level groups (e.g. foundations and activities).
    const top = nodes.filter((n) => n.parent === root).map((n) => n.code);
    const below = nodes.filter((n) => n.parent !== null && top.includes(n.parent));
    return below.length > 0 && below.length <= 10 ? below : nodes.filter((n) => n.parent === root);
  }, [results.data]);
  const regions = useMemo(
    () =>
      ([...new Set((results.data?.items ?? []).map((i) => i.region).filter(Boolean))] as string[])
        .map((r) => ({ value: r, label: names.name('region', r) }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [results.data, names, language],
  );
  const rows = useMemo(() => {
    const items = (results.data?.items ?? []).filter(
      (i) => (!region || i.region === region) && matchesUnit(search, i.unit, i.names),
    );
    const value = (i: ResultItem): number | string => {
      if (sort.key === 'unit') return nameIn(i.names, language);
      if (sort.key === 'region') return i.region ? names.name('region', i.region) : '';
      if (sort.key === 'score') return i.score ?? -Infinity;
      if (sort.key === 'change') return i.rank_change ?? -Infinity;
      return i.rank ?? Infinity;
    };
    const sorted = [...items].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === 'string' ? x.localeCompare(String(y), language) : x - (y as number);
      return sort.descending ? -c : c;
    });
    return sorted;
  }, [results.data, region, search, sort, language, names]);

  const profileLink = (unit: string) => ({
    pathname: `/units/${encodeURIComponent(unit)}`,
    search: new URLSearchParams({
      framework: frameworkId ?? '',
      period: period ?? '',
      ...(params.get('lang') ? { lang: params.get('lang') as string } : {}),
    }).toString(),
  });
  // The map colours units by the index or by one pillar (`colour` in the address).
  const rootNode = results.data?.nodes.find((n) => n.parent === null);
  const colour = pillars.find((p) => p.code === params.get('colour')) ?? rootNode;
  const mapValues = useMemo(
    () =>
      (results.data?.items ?? []).map((i) => {
        const node = colour && colour !== rootNode ? i.nodes[colour.code] : i;
        return {
          unit: i.unit,
          names: i.names,
          value: node?.score ?? null,
          detail:
            node?.rank === null || node?.rank === undefined
              ? undefined
              : t('overview.rankOf', { rank: node.rank, units: results.data?.items.length }),
        };
      }),
    [results.data, colour, rootNode, t],
  );

  const failure = frameworks.error ?? framework.error ?? results.error;
  return (
    <Stack gap="md">
      <Group align="end" gap="md" wrap="wrap">
        <NativeSelect
          label={t('overview.framework')}
          value={frameworkId ?? ''}
          onChange={(e) => set('framework', e.currentTarget.value)}
          data={(frameworks.data?.items ?? []).map((f) => ({
            value: f.id,
            label: names.name('framework', f.id, f.name),
          }))}
        />
        <NativeSelect
          label={t('overview.period')}
          value={period ?? ''}
          onChange={(e) => set('period', e.currentTarget.value)}
          data={periods}
          data-testid="period"
        />
        <NativeSelect
          label={t('overview.region')}
          value={region}
          onChange={(e) => set('region', e.currentTarget.value)}
          data={[{ value: '', label: t('overview.allRegions') }, ...regions]}
          data-testid="region"
        />
        <TextInput
          type="search"
          label={t('overview.search')}
          placeholder={t('overview.searchHint')}
          value={search}
          onChange={(e) => set('q', e.currentTarget.value)}
          data-testid="ranking-search"
          w={{ base: '100%', xs: 260 }}
        />
        <SegmentedControl
          aria-label={t('overview.units')}
          value={view}
          onChange={(v) => set('view', v === '63' ? null : v)}
          data={[
            { value: '63', label: t('overview.unitsBefore') },
            { value: '34', label: t('overview.unitsAfter') },
          ]}
          disabled={afterReform}
          // On a phone the two choices share the row, each label on as many lines as it needs.
          fullWidth={phone}
          styles={phone ? { label: { whiteSpace: 'normal' } } : undefined}
        />
      </Group>

      {results.data && (
        <Group justify="space-between" align="baseline">
          <Title order={2}>
            {t('overview.title', {
              framework: names.name(
                'framework',
                results.data.framework.id,
                results.data.framework.name,
              ),
              period: results.data.period,
            })}
          </Title>
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {t('overview.count', { count: rows.length, n: formatNumber(rows.length, language) })}
            </Text>
            <Anchor
              size="sm"
              href={`/api/exports/results.csv?framework=${encodeURIComponent(frameworkId ?? '')}&period=${encodeURIComponent(period ?? '')}${at ? `&at=${at}` : ''}`}
            >
              {t('overview.download')} CSV
            </Anchor>
            <Anchor
              size="sm"
              href={`/api/exports/results.xlsx?framework=${encodeURIComponent(frameworkId ?? '')}&period=${encodeURIComponent(period ?? '')}${at ? `&at=${at}` : ''}`}
            >
              XLSX
            </Anchor>
          </Group>
        </Group>
      )}
      {results.data?.derived && (
        <Alert color="blue">
          {t('overview.derivedNote', { period: results.data.period, at: results.data.at })}
        </Alert>
      )}
      {failure && (
        <Alert color="red">{t('state.error', { message: (failure as Error).message })}</Alert>
      )}
      {(frameworks.isLoading || framework.isLoading || results.isLoading) && (
        <Group>
          <Loader size="sm" />
          <Text>{t('state.loading')}</Text>
        </Group>
      )}
      {results.data && rows.length === 0 && <Text>{t('state.empty')}</Text>}
      {results.data && rows.length > 0 && (
        <Grid gap="lg">
          {/*
            Viet Nam is tall and narrow: a narrow column holds the map, the ranking takes the rest.
            On a phone the ranking comes first and the map after it.
          */}
          <Grid.Col span={{ base: 12, lg: 'content' }} order={{ base: 2, lg: 1 }}>
            <Stack gap="xs" w={{ base: '100%', lg: 300 }} style={{ position: 'sticky', top: 80 }}>
              <NativeSelect
                label={t('map.colourBy')}
                value={colour?.code ?? ''}
                onChange={(e) =>
                  set(
                    'colour',
                    e.currentTarget.value === rootNode?.code ? null : e.currentTarget.value,
                  )
                }
                data={[rootNode, ...pillars]
                  .filter((n) => n !== undefined)
                  .map((n) => ({
                    value: n.code,
                    label: names.node(results.data.framework.id, n.code, n.name),
                  }))}
                data-testid="map-colour"
              />
              <UnitMap
                level="province"
                at={results.data.at}
                values={mapValues}
                valueLabel={
                  colour
                    ? names.node(results.data.framework.id, colour.code, colour.name)
                    : t('overview.score')
                }
                height={mapHeight}
                onSelect={(unit) => navigate(profileLink(unit))}
              />
              <Text size="xs" c="dimmed">
                {t('map.tableAlternative')}
              </Text>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 'auto' }} order={{ base: 1, lg: 2 }} miw={0}>
            <RankingTable
              framework={results.data.framework.id}
              rows={rows}
              pillars={pillars}
              sort={sort}
              onSort={setSort}
              profileLink={profileLink}
            />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
