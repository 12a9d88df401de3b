import {
  Alert,
  Anchor,
  Badge,
  Grid,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getJson, type Names } from '../api.js';
import { UnitMap } from '../components/UnitMap.js';
import { formatScore, nameIn } from '../format.js';
import { useNames } from '../names.js';

interface CriteriaModel {
  id: string;
  version: string;
  name: string;
  definition: {
    criteria: { code: string; name?: string; indicator: string; op: string; value: number }[];
  };
  periods: string[];
}

interface CriteriaResults {
  model: { id: string; version: string; name: string };
  period: string;
  summary: { units: number; met: number; share: number };
  by_parent: {
    parent: string;
    name: string;
    names: Names | null;
    units: number;
    met: number;
    share: number;
  }[];
  criteria: { code: string; mandatory: boolean; met: number; failed: number; missing: number }[];
  items: {
    unit: string;
    names: Names;
    parent: string | null;
    met: boolean;
    failed: string[];
    missing: string[];
  }[];
}

/** The last day of a period, for the units that existed in it (yearly and sub-yearly codes). */
const periodEnd = (period: string) => `${period.slice(0, 4)}-12-31`;

/**
 * A criteria model (e.g. the commune DX model): the share of units that meet it, by parent unit
 * on a map and in a table, how often each criterion holds, and every unit's outcome.
 */
export function Criteria() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const text = useNames();
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const models = useQuery({
    queryKey: ['criteria'],
    queryFn: ({ signal }) =>
      getJson<{ items: Omit<CriteriaModel, 'periods'>[] }>('/api/criteria', signal),
  });
  const modelId = params.get('model') ?? models.data?.items[0]?.id;
  const model = useQuery({
    queryKey: ['criteria', modelId],
    enabled: Boolean(modelId),
    queryFn: ({ signal }) =>
      getJson<CriteriaModel>(`/api/criteria/${encodeURIComponent(modelId ?? '')}`, signal),
  });
  const period = params.get('period') ?? model.data?.periods.at(-1);
  const results = useQuery({
    queryKey: ['criteria-results', modelId, period],
    enabled: Boolean(modelId && period),
    queryFn: ({ signal }) =>
      getJson<CriteriaResults>(
        `/api/criteria/${encodeURIComponent(modelId ?? '')}/results?period=${encodeURIComponent(period ?? '')}`,
        signal,
      ),
  });
  const onlyFailing = params.get('failing') === '1';
  const names = useMemo(
    () =>
      new Map(
        model.data?.definition.criteria.map((c) => [
          c.code,
          text.criterion(modelId ?? '', c.code, c.name ?? c.code),
        ]) ?? [],
      ),
    [model.data, text, modelId],
  );
  const mapValues = useMemo(
    () =>
      (results.data?.by_parent ?? []).map((p) => ({
        unit: p.parent,
        names: p.names ?? { en: p.name, vi: null, ar: null },
        value: p.share,
        detail: t('criteria.metOf', { met: p.met, count: p.units }),
      })),
    [results.data, t],
  );
  const failure = models.error ?? model.error ?? results.error;
  const r = results.data;
  const download = (format: string) =>
    `/api/exports/criteria.${format}?model=${encodeURIComponent(modelId ?? '')}&period=${encodeURIComponent(period ?? '')}`;

  return (
    <Stack gap="md">
      <Group align="end" gap="md">
        <NativeSelect
          label={t('criteria.model')}
          value={modelId ?? ''}
          onChange={(e) => set('model', e.currentTarget.value)}
          data={(models.data?.items ?? []).map((m) => ({
            value: m.id,
            label: text.name('model', m.id, m.name),
          }))}
        />
        <NativeSelect
          label={t('overview.period')}
          value={period ?? ''}
          onChange={(e) => set('period', e.currentTarget.value)}
          data={model.data?.periods ?? []}
          data-testid="criteria-period"
        />
      </Group>
      {failure && (
        <Alert color="red">{t('state.error', { message: (failure as Error).message })}</Alert>
      )}
      {(models.isLoading || model.isLoading || results.isLoading) && <Loader size="sm" />}
      {models.data?.items.length === 0 && <Text>{t('criteria.none')}</Text>}
      {r && (
        <>
          <Group justify="space-between" align="baseline">
            <Title order={2}>
              {text.name('model', r.model.id, r.model.name)}, {r.period}
            </Title>
            <Group gap="sm">
              <Anchor size="sm" href={download('csv')}>
                {t('overview.download')} CSV
              </Anchor>
              <Anchor size="sm" href={download('xlsx')}>
                XLSX
              </Anchor>
            </Group>
          </Group>
          <Paper withBorder p="md" maw={520}>
            <Text size="xl" fw={700} data-testid="criteria-summary">
              {t('criteria.summary', {
                met: r.summary.met,
                count: r.summary.units,
                share: formatScore(r.summary.share, language),
              })}
            </Text>
          </Paper>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <UnitMap
                level="province"
                at={periodEnd(r.period)}
                values={mapValues}
                valueLabel={t('criteria.share')}
                height={480}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="lg">
                <Table striped data-testid="criteria-by-parent">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('criteria.parent')}</Table.Th>
                      <Table.Th>{t('criteria.units')}</Table.Th>
                      <Table.Th>{t('criteria.met')}</Table.Th>
                      <Table.Th>{t('criteria.share')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.by_parent.map((p) => (
                      <Table.Tr key={p.parent}>
                        <Table.Td>{p.names ? nameIn(p.names, language) : p.name}</Table.Td>
                        <Table.Td>{p.units}</Table.Td>
                        <Table.Td>{p.met}</Table.Td>
                        <Table.Td>{formatScore(p.share, language)} %</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Table striped data-testid="criteria-criteria">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('criteria.criterion')}</Table.Th>
                      <Table.Th>{t('criteria.met')}</Table.Th>
                      <Table.Th>{t('criteria.failed')}</Table.Th>
                      <Table.Th>{t('criteria.missing')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.criteria.map((c) => (
                      <Table.Tr key={c.code}>
                        <Table.Td>
                          {c.code} {names.get(c.code)}{' '}
                          {c.mandatory && (
                            <Badge size="xs" variant="light">
                              {t('criteria.mandatory')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{c.met}</Table.Td>
                        <Table.Td>{c.failed}</Table.Td>
                        <Table.Td>{c.missing}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            </Grid.Col>
          </Grid>
          <Group justify="space-between">
            <Title order={3}>{t('criteria.unitsTitle')}</Title>
            <Switch
              label={t('criteria.onlyFailing')}
              checked={onlyFailing}
              onChange={(e) => set('failing', e.currentTarget.checked ? '1' : null)}
            />
          </Group>
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="criteria-units">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('criteria.unit')}</Table.Th>
                  <Table.Th>{t('criteria.outcome')}</Table.Th>
                  <Table.Th>{t('criteria.failed')}</Table.Th>
                  <Table.Th>{t('criteria.missing')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.items
                  .filter((i) => !onlyFailing || !i.met)
                  .map((i) => (
                    <Table.Tr key={i.unit}>
                      <Table.Td>{nameIn(i.names, language)}</Table.Td>
                      <Table.Td>
                        <Badge color={i.met ? 'green' : 'orange'} variant="light">
                          {i.met ? t('criteria.meets') : t('criteria.doesNotMeet')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{i.failed.join(', ')}</Table.Td>
                      <Table.Td>{i.missing.join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
