import { Alert, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { getJson, type Names } from '../api.js';
import { UnitMap } from '../components/UnitMap.js';
import { AlertList } from '../dashboard/AlertList.js';
import classes from '../dashboard/Dashboard.module.css';
import { useDashboard } from '../dashboard/dashboardApi.js';
import { lastVisit, rememberVisit, type Visit } from '../dashboard/lastVisit.js';
import { Tiles } from '../dashboard/Tiles.js';
import { formatInstant, nameIn } from '../format.js';
import { useNames } from '../names.js';

interface UnitRow {
  code: string;
  level: string;
  names: Names;
}

/** The units a leader picks from: the country and the units of the level below it today. */
function useDashboardUnits() {
  const today = new Date().toISOString().slice(0, 10);
  return useQuery({
    queryKey: ['dashboard-units', today],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async ({ signal }) => {
      const list = (level: string) =>
        getJson<{ items: UnitRow[] }>(`/api/units?level=${level}&at=${today}&limit=1000`, signal);
      const [countries, provinces] = await Promise.all([list('country'), list('province')]);
      return [...countries.items, ...provinces.items];
    },
  });
}

/**
 * The leaders' dashboard of a unit (`/dashboard/:unit`) or the country (`/dashboard`): headline
 * tiles, the alerts that need attention ("new" since the reader's last visit here, remembered in
 * this browser), and for the country a map coloured by score. It stays live: the page asks every
 * half second whether anything changed (a 304 when nothing did), so an approval made anywhere shows
 * within a second or so, without a reload.
 */
export function Dashboard() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const names = useNames();
  const navigate = useNavigate();
  const { unit } = useParams();
  const [params] = useSearchParams();
  const keepLanguage = params.get('lang') ? `lang=${params.get('lang')}` : '';
  const dashboard = useDashboard(unit);
  const units = useDashboardUnits();
  const d = dashboard.data;
  const code = d?.unit.code;

  // The previous visit is read once per unit, before this one is remembered in its place.
  const [visit, setVisit] = useState<{ code: string; visit: Visit | null } | null>(null);
  const [changedAt, setChangedAt] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a new answer arrives (a 304 keeps the same object).
  useEffect(() => {
    if (!d || !code) return;
    if (visit?.code !== code) setVisit({ code, visit: lastVisit(code) });
    rememberVisit(
      code,
      d.alerts.map((a) => a.id),
    );
    setChangedAt(new Date().toISOString());
  }, [d]);

  const open = (next: string) =>
    navigate({ pathname: `/dashboard/${encodeURIComponent(next)}`, search: params.toString() });
  const choices = [...(units.data ?? [])];
  if (d && !choices.some((u) => u.code === d.unit.code))
    choices.push({ code: d.unit.code, level: d.unit.level, names: d.unit.names });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="end" wrap="wrap" gap="sm">
        <div>
          <Title order={2} data-testid="dashboard-title">
            {d
              ? t('dashboard.titleOf', { unit: nameIn(d.unit.names, language) })
              : t('dashboard.title')}
          </Title>
          {d && (
            <Text size="sm" c="gray.8">
              {t('dashboard.subtitle', {
                framework: names.name('framework', d.framework.id, d.framework.name),
                period: d.period,
              })}
            </Text>
          )}
        </div>
        <NativeSelect
          label={t('dashboard.unit')}
          value={code ?? ''}
          onChange={(e) => open(e.currentTarget.value)}
          data={choices.map((u) => ({ value: u.code, label: nameIn(u.names, language) }))}
          data-testid="dashboard-unit"
        />
      </Group>
      <Text size="sm" c="gray.8" aria-live="polite" data-testid="dashboard-live">
        {changedAt
          ? t('dashboard.live', { time: formatInstant(changedAt, language) })
          : t('dashboard.intro')}
      </Text>
      {dashboard.error && (
        <Alert color="red" role="alert">
          {t('state.error', { message: (dashboard.error as Error).message })}
        </Alert>
      )}
      {dashboard.isLoading && <Loader size="sm" />}
      {d && (
        <>
          <Tiles dashboard={d} />
          <div className={`${classes.body} ${d.map ? classes.withMap : ''}`}>
            <section aria-labelledby="alerts-title">
              <h3 className={classes.sectionTitle} id="alerts-title">
                {t('dashboard.alerts')}
              </h3>
              <AlertList
                alerts={d.alerts}
                visit={visit?.code === d.unit.code ? visit.visit : null}
                keepLanguage={keepLanguage}
              />
            </section>
            {d.map && (
              <section aria-labelledby="map-title" data-testid="dashboard-map">
                <h3 className={classes.sectionTitle} id="map-title">
                  {t('dashboard.mapTitle')}
                </h3>
                <UnitMap
                  level={d.map.level}
                  at={d.map.at}
                  values={d.map.items.map((i) => ({
                    unit: i.code,
                    names: i.names,
                    value: i.score,
                    detail:
                      i.rank === null
                        ? undefined
                        : t('dashboard.rankOf', { rank: i.rank, units: d.map?.items.length }),
                  }))}
                  valueLabel={t('overview.score')}
                  onSelect={open}
                  height={480}
                />
              </section>
            )}
          </div>
        </>
      )}
    </Stack>
  );
}
