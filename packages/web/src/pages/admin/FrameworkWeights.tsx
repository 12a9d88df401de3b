import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  ScrollArea,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, getJson, type Names, send } from '../../api.js';
import { formatScore, nameIn } from '../../format.js';
import { useNames } from '../../names.js';

interface FrameworkNode {
  code: string;
  name: string;
  parent: string | null;
  weight: number;
}

interface FrameworkDetail {
  id: string;
  version: number;
  name: string;
  nodes: FrameworkNode[];
  periods: string[];
}

interface Preview {
  items: {
    unit: string;
    names: Names;
    score: number | null;
    rank: number | null;
    preview_score: number | null;
    preview_rank: number | null;
  }[];
}

/** Nodes in tree order with their depth: parents before children, as the framework lists them. */
function treeOrder(nodes: FrameworkNode[]): (FrameworkNode & { depth: number })[] {
  const children = new Map<string | null, FrameworkNode[]>();
  for (const n of nodes) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  const out: (FrameworkNode & { depth: number })[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const n of children.get(parent) ?? []) {
      out.push({ ...n, depth });
      walk(n.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * A framework's tree with its weights editable, and beside it how the ranks would change: each
 * edit asks the API for a preview (the engine recomputes the index on the same data); admins
 * save the weights as a new version.
 */
export function FrameworkWeights({ canSave }: { canSave: boolean }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const language = i18n.language;
  const client = useQueryClient();
  const frameworks = useQuery({
    queryKey: ['frameworks'],
    queryFn: ({ signal }) =>
      getJson<{ items: { id: string; name: string }[] }>('/api/frameworks', signal),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const id = chosen ?? frameworks.data?.items[0]?.id;
  const framework = useQuery({
    queryKey: ['framework', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) =>
      getJson<FrameworkDetail>(`/api/frameworks/${encodeURIComponent(id ?? '')}`, signal),
  });
  const [period, setPeriod] = useState<string | null>(null);
  const shownPeriod = period ?? framework.data?.periods.at(-1);
  const [weights, setWeights] = useState<Record<string, number>>({});
  const [debounced] = useDebouncedValue(weights, 350);
  const nodes = useMemo(() => treeOrder(framework.data?.nodes ?? []), [framework.data]);
  const changed = Object.keys(weights).length;

  const preview = useQuery({
    queryKey: ['preview', id, framework.data?.version, shownPeriod, debounced],
    enabled: Boolean(id && shownPeriod && framework.data),
    placeholderData: keepPreviousData,
    queryFn: () =>
      send<Preview>('POST', `/api/frameworks/${encodeURIComponent(id ?? '')}/preview`, {
        version: framework.data?.version,
        period: shownPeriod,
        weights: debounced,
      }),
  });
  const save = useMutation({
    mutationFn: () =>
      send('POST', `/api/frameworks/${encodeURIComponent(id ?? '')}/weights`, {
        version: framework.data?.version,
        weights,
      }),
    onSuccess: () => {
      setWeights({});
      void client.invalidateQueries();
    },
  });
  const rows = useMemo(
    () =>
      [...(preview.data?.items ?? [])].sort(
        (a, b) => (a.preview_rank ?? Infinity) - (b.preview_rank ?? Infinity),
      ),
    [preview.data],
  );
  const moved = rows.filter((r) => r.rank !== r.preview_rank).length;
  const problem = (preview.error ?? save.error) as ApiError | null;

  return (
    <Stack gap="sm">
      <Group align="end">
        <NativeSelect
          label={t('overview.framework')}
          value={id ?? ''}
          onChange={(e) => {
            setChosen(e.currentTarget.value);
            setWeights({});
          }}
          data={(frameworks.data?.items ?? []).map((f) => ({
            value: f.id,
            label: names.name('framework', f.id, f.name),
          }))}
        />
        <NativeSelect
          label={t('overview.period')}
          value={shownPeriod ?? ''}
          onChange={(e) => setPeriod(e.currentTarget.value)}
          data={framework.data?.periods ?? []}
        />
        {framework.data && (
          <Text size="sm" c="dimmed">
            {t('admin.version', { version: framework.data.version })}
          </Text>
        )}
        <Button variant="default" disabled={changed === 0} onClick={() => setWeights({})}>
          {t('admin.reset')}
        </Button>
        {canSave && (
          <Button
            disabled={changed === 0}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="save-weights"
          >
            {t('admin.saveWeights', { version: (framework.data?.version ?? 0) + 1 })}
          </Button>
        )}
      </Group>
      {problem && (
        <Alert color="red">
          {problem.message}
          {problem instanceof ApiError &&
            problem.fields.map((f) => (
              <div key={f.field}>
                {f.field}: {f.message}
              </div>
            ))}
        </Alert>
      )}
      {save.isSuccess && <Alert color="green">{t('admin.weightsSaved')}</Alert>}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ScrollArea h={640} type="auto">
            <Table data-testid="weights-tree" verticalSpacing={2}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('profile.node')}</Table.Th>
                  <Table.Th w={120}>{t('admin.weight')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {nodes
                  .filter((n) => n.depth > 0)
                  .map((n) => (
                    <Table.Tr key={n.code}>
                      <Table.Td style={{ paddingInlineStart: `${n.depth * 1}rem` }}>
                        <Text size="sm" fw={n.depth <= 2 ? 600 : 400}>
                          {names.node(id ?? '', n.code, n.name)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          size="xs"
                          aria-label={t('admin.weightOf', {
                            name: names.node(id ?? '', n.code, n.name),
                          })}
                          min={0.01}
                          step={0.5}
                          decimalScale={2}
                          value={weights[n.code] ?? n.weight}
                          onChange={(v) => {
                            const w = typeof v === 'number' ? v : Number(v);
                            setWeights((all) => {
                              const next = { ...all };
                              if (!Number.isFinite(w) || w === n.weight) delete next[n.code];
                              else next[n.code] = w;
                              return next;
                            });
                          }}
                          data-testid={`weight-${n.code}`}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Group gap="xs" mb="xs">
            <Text fw={600}>{t('admin.previewTitle')}</Text>
            {preview.isFetching && <Loader size="xs" />}
            <Text size="sm" c="dimmed" data-testid="moved">
              {t('admin.moved', { count: moved })}
            </Text>
          </Group>
          {/* Focusable, so that keyboard users can scroll the preview too. */}
          <ScrollArea
            h={610}
            type="auto"
            viewportProps={{ tabIndex: 0, 'aria-label': t('admin.previewTitle') }}
          >
            <Table striped data-testid="weights-preview" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('overview.rank')}</Table.Th>
                  <Table.Th>{t('overview.unit')}</Table.Th>
                  <Table.Th>{t('overview.score')}</Table.Th>
                  <Table.Th>{t('admin.now')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const shift =
                    r.rank !== null && r.preview_rank !== null ? r.rank - r.preview_rank : 0;
                  return (
                    <Table.Tr key={r.unit}>
                      <Table.Td>{r.preview_rank ?? '–'}</Table.Td>
                      <Table.Td>{nameIn(r.names, language)}</Table.Td>
                      <Table.Td>{formatScore(r.preview_score, language)}</Table.Td>
                      <Table.Td>
                        {r.rank ?? '–'}{' '}
                        {shift !== 0 && (
                          <Badge size="xs" variant="light" color={shift > 0 ? 'teal' : 'red'}>
                            {shift > 0 ? `▲ ${shift}` : `▼ ${-shift}`}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
