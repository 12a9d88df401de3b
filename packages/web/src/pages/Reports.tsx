import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FrameworkSummary, getJson } from '../api.js';
import { formatDate, formatNumber } from '../format.js';
import { languages } from '../i18n.js';
import { useNames } from '../names.js';
import { batchZipUrl, listBatches, type ReportBatch, startBatch } from '../reports/batchApi.js';
import { useMe } from '../session.js';

const levels = ['province', 'district', 'commune'];

/**
 * Reports for a whole level at once (admins and analysts): every unit's report for a framework
 * and period, made in the background with progress, downloaded as one ZIP.
 */
export function Reports() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const names = useNames();
  const me = useMe();
  const client = useQueryClient();
  const allowed = Boolean(me.data && ['admin', 'analyst'].includes(me.data.role));
  const frameworks = useQuery({
    queryKey: ['frameworks'],
    queryFn: ({ signal }) => getJson<{ items: FrameworkSummary[] }>('/api/frameworks', signal),
  });
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const chosen = frameworkId ?? frameworks.data?.items[0]?.id ?? null;
  const framework = useQuery({
    queryKey: ['framework', chosen],
    enabled: Boolean(chosen),
    queryFn: ({ signal }) =>
      getJson<FrameworkSummary & { periods: string[] }>(
        `/api/frameworks/${encodeURIComponent(chosen ?? '')}`,
        signal,
      ),
  });
  const [period, setPeriod] = useState<string | null>(null);
  const chosenPeriod = period ?? framework.data?.periods.at(-1) ?? null;
  const [level, setLevel] = useState('province');
  const [lang, setLang] = useState<string>(language);
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const [failure, setFailure] = useState<string | null>(null);
  const batches = useQuery({
    queryKey: ['report-batches'],
    enabled: allowed,
    queryFn: ({ signal }) => listBatches(signal),
    // Poll while a batch is under way.
    refetchInterval: (query) =>
      query.state.data?.items.some((b) => b.status === 'queued' || b.status === 'running')
        ? 1000
        : false,
  });

  if (me.isLoading) return null;
  if (!allowed) return <Alert color="yellow">{t('report.batchNotAllowed')}</Alert>;

  const start = async () => {
    if (!chosen || !chosenPeriod) return;
    setFailure(null);
    try {
      await startBatch({ level, framework: chosen, period: chosenPeriod, lang, format });
      await client.invalidateQueries({ queryKey: ['report-batches'] });
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('report.batchTitle')}</Title>
      <Text c="dimmed" maw={720}>
        {t('report.batchIntro')}
      </Text>
      <Group align="end" gap="sm">
        <NativeSelect
          label={t('report.framework')}
          data={(frameworks.data?.items ?? []).map((f) => ({
            value: f.id,
            label: names.name('framework', f.id, f.name),
          }))}
          value={chosen ?? ''}
          onChange={(e) => setFrameworkId(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        <NativeSelect
          label={t('report.period')}
          data={framework.data?.periods ?? []}
          value={chosenPeriod ?? ''}
          onChange={(e) => setPeriod(e.currentTarget.value)}
          w={110}
        />
        <NativeSelect
          label={t('report.level')}
          data={levels.map((l) => ({ value: l, label: t(`report.levels.${l}`) }))}
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value)}
          w={140}
        />
        <NativeSelect
          label={t('report.language')}
          data={languages.map((l) => ({ value: l.code, label: l.label }))}
          value={lang}
          onChange={(e) => setLang(e.currentTarget.value)}
          w={140}
        />
        <NativeSelect
          label={t('report.format')}
          data={[
            { value: 'pdf', label: 'PDF' },
            { value: 'xlsx', label: 'XLSX' },
          ]}
          value={format}
          onChange={(e) => setFormat(e.currentTarget.value as 'pdf' | 'xlsx')}
          w={100}
        />
        <Button onClick={start} disabled={!chosen || !chosenPeriod} data-testid="batch-start">
          {t('report.batchStart')}
        </Button>
      </Group>
      {failure && <Alert color="red">{failure}</Alert>}
      <Title order={3}>{t('report.batches')}</Title>
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid="batches">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('report.requested')}</Table.Th>
              <Table.Th>{t('report.what')}</Table.Th>
              <Table.Th>{t('report.progress')}</Table.Th>
              <Table.Th>{t('report.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(batches.data?.items ?? []).map((batch) => (
              <BatchRow key={batch.id} batch={batch} language={language} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function BatchRow({ batch, language }: { batch: ReportBatch; language: string }) {
  const { t } = useTranslation();
  const names = useNames();
  const share = batch.total > 0 ? (100 * batch.done) / batch.total : 0;
  return (
    <Table.Tr data-testid="batch-row">
      <Table.Td>{formatDate(batch.created_at.slice(0, 10), language)}</Table.Td>
      <Table.Td>
        {names.name('framework', batch.framework)}, {batch.period},{' '}
        {t(`report.levels.${batch.level}`)}, {batch.lang.toUpperCase()},{' '}
        {batch.format.toUpperCase()}
      </Table.Td>
      <Table.Td miw={160}>
        <Progress value={share} aria-label={t('report.progress')} />
        <Text size="xs" c="dimmed">
          {t('report.progressOf', {
            done: formatNumber(batch.done, language),
            total: formatNumber(batch.total, language),
          })}
        </Text>
      </Table.Td>
      <Table.Td>
        {batch.status === 'done' ? (
          <Anchor href={batchZipUrl(batch)} data-testid="batch-zip">
            {t('report.downloadAs', { format: 'ZIP' })}
          </Anchor>
        ) : batch.status === 'failed' ? (
          <Text c="red.9" size="sm">
            {batch.error}
          </Text>
        ) : (
          <Text size="sm">{t(`report.status.${batch.status}`)}</Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
