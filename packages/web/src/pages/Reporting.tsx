import { Alert, Grid, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { getJson } from '../api.js';
import { useDatasetDetail, useDatasets } from '../entry/useDatasets.js';
import { formatDate } from '../format.js';
import { useNames } from '../names.js';
import { CalendarForm } from '../reporting/CalendarForm.js';
import { ReportingTable } from '../reporting/ReportingTable.js';
import { RoundHistory } from '../reporting/RoundHistory.js';
import {
  type ReportingCalendar,
  useReporting,
  useReportingHistory,
} from '../reporting/reportingApi.js';
import { StateMap } from '../reporting/StateMap.js';
import { SummaryTiles } from '../reporting/SummaryTiles.js';
import { useMe } from '../session.js';

/**
 * A reporting round: for a data set and period, who was expected to report, who submitted (on
 * time or late), who is approved and how complete the values are, as tiles, a map coloured by
 * status and a table; admins and analysts set the round's calendar here.
 */
export function Reporting() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const text = useNames();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'dataset') next.delete('period');
    setParams(next, { replace: true });
  };
  const datasets = useDatasets();
  const datasetId = params.get('dataset') ?? datasets.data?.[0]?.id;
  const dataset = datasets.data?.find((d) => d.id === datasetId);
  const detail = useDatasetDetail(dataset);
  const calendars = useQuery({
    queryKey: ['reporting', 'calendars', datasetId],
    enabled: Boolean(datasetId && me.data),
    queryFn: ({ signal }) =>
      getJson<{ items: ReportingCalendar[] }>(
        `/api/reporting/calendars?dataset=${encodeURIComponent(datasetId ?? '')}`,
        signal,
      ),
  });
  // The current round by default: the latest period with a calendar, else the latest with data.
  const period =
    params.get('period') ??
    (calendars.isLoading
      ? undefined
      : (calendars.data?.items.at(-1)?.period ?? detail.data?.latest));
  const status = useReporting(me.data ? datasetId : undefined, period);
  const history = useReportingHistory(me.data ? datasetId : undefined);

  if (me.isLoading) return <Loader size="sm" />;
  if (!me.data)
    return (
      <Navigate to={{ pathname: '/sign-in', search: `next=/reporting&${params.toString()}` }} />
    );
  const periods = [
    ...new Set([...(detail.data?.periods ?? []), ...(period ? [period] : [])]),
  ].sort();
  const failure = datasets.error ?? detail.error ?? status.error;
  const s = status.data;
  const sets = ['admin', 'analyst'].includes(me.data.role);

  return (
    <Stack gap="md">
      <Title order={2}>{t('reporting.title')}</Title>
      <Text size="sm">{t('reporting.intro')}</Text>
      <Group align="end" gap="md">
        <NativeSelect
          label={t('reporting.dataset')}
          value={datasetId ?? ''}
          onChange={(e) => set('dataset', e.currentTarget.value)}
          data={(datasets.data ?? []).map((d) => ({
            value: d.id,
            label: text.name(d.kind === 'criteria' ? 'model' : 'framework', d.id, d.name),
          }))}
        />
        <NativeSelect
          label={t('overview.period')}
          value={period ?? ''}
          onChange={(e) => set('period', e.currentTarget.value)}
          data={periods}
        />
      </Group>
      {failure && (
        <Alert color="red" role="alert">
          {t('state.error', { message: (failure as Error).message })}
        </Alert>
      )}
      {status.isLoading && <Loader size="sm" />}
      {s && (
        <>
          <Text data-testid="reporting-calendar">
            {s.calendar
              ? t('reporting.calendarLine', {
                  opens: formatDate(s.calendar.opens_on, language),
                  due: formatDate(s.calendar.due_on, language),
                  late: formatDate(s.calendar.late_until, language),
                })
              : t('reporting.noCalendar')}
          </Text>
          <SummaryTiles status={s} />
          {sets && (
            <CalendarForm
              key={`${s.dataset.id}|${s.period}`}
              dataset={s.dataset.id}
              period={s.period}
              calendar={s.calendar}
            />
          )}
          {s.items.length === 0 ? (
            <Alert color="gray">{t('reporting.noUnits')}</Alert>
          ) : (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 5 }}>
                <StateMap status={s} height={s.items.length > 100 ? 420 : 480} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <ReportingTable status={s} />
              </Grid.Col>
            </Grid>
          )}
        </>
      )}
      {history.data && history.data.items.length > 1 && (
        <RoundHistory history={history.data} current={period} onOpen={(p) => set('period', p)} />
      )}
    </Stack>
  );
}
