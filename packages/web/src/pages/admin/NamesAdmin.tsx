import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, getJson, send, sendFile } from '../../api.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import type { NamedThing, NameKind } from '../../names.js';

const kinds: NameKind[] = [
  'framework',
  'node',
  'element',
  'model',
  'criterion',
  'plan',
  'target',
  'region',
];
const languages = ['en', 'vi', 'ar'] as const;
type Field = `${'names' | 'short'}.${(typeof languages)[number]}`;
/** Rows shown at once: a framework has about 50 nodes, the demo 56 elements. */
const shown = 100;

/**
 * Names of the framework, its nodes, data elements, criteria, plans, targets and regions in
 * English, Vietnamese and Arabic, with short names for column headers: edited in place and saved
 * together, or sent and received as a translation table (CSV or XLSX) for translators.
 */
export function NamesAdmin() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<NameKind>('node');
  const [search, setSearch] = useState('');
  const [edits, setEdits] = useState<Record<string, Partial<Record<Field, string>>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const names = useQuery({
    queryKey: ['names'],
    queryFn: ({ signal }) => getJson<{ items: NamedThing[] }>('/api/names', signal),
  });
  const rows = useMemo(() => {
    const words = search.trim().toLocaleLowerCase();
    return (names.data?.items ?? []).filter(
      (n) =>
        n.kind === kind &&
        (!words ||
          [n.key, ...Object.values(n.names), ...Object.values(n.short)].some((x) =>
            x?.toLocaleLowerCase().includes(words),
          )),
    );
  }, [names.data, kind, search]);
  const id = (n: { kind: string; key: string }) => `${n.kind}|${n.key}`;
  const cellValue = (n: NamedThing, field: Field) => {
    const edited = edits[id(n)]?.[field];
    if (edited !== undefined) return edited;
    const [part, lang] = field.split('.') as ['names' | 'short', (typeof languages)[number]];
    return n[part][lang] ?? '';
  };
  const changed = Object.keys(edits).length;

  const done = async (text: string) => {
    setProblem(null);
    setMessage(text);
    await client.invalidateQueries({ queryKey: ['names'] });
  };
  const failed = (error: unknown) => {
    setMessage(null);
    setProblem(error instanceof ApiError ? error : new ApiError(0, '', String(error)));
  };
  const save = async () => {
    const items = Object.entries(edits).map(([key, fields]) => {
      const [k, ...rest] = key.split('|');
      const pick = (part: 'names' | 'short') =>
        Object.fromEntries(
          Object.entries(fields)
            .filter(([f]) => f.startsWith(`${part}.`))
            .map(([f, v]) => [f.slice(part.length + 1), v]),
        );
      return { kind: k, key: rest.join('|'), names: pick('names'), short: pick('short') };
    });
    try {
      const result = await send<{ changed: number }>('PUT', '/api/names', { items });
      setEdits({});
      await done(t('names.saved', { count: result.changed }));
    } catch (error) {
      failed(error);
    }
  };
  const upload = async () => {
    if (!file) return;
    try {
      const result = await sendFile<{ rows: number; changed: number }>('/api/names/table', file);
      setFile(null);
      await done(t('names.imported', { rows: result.rows, count: result.changed }));
    } catch (error) {
      failed(error);
    }
  };

  const input = (n: NamedThing, field: Field, label: string) => (
    <TextInput
      size="xs"
      miw={field.startsWith('short') ? 110 : 200}
      dir={field.endsWith('.ar') ? 'rtl' : 'ltr'}
      lang={field.slice(-2)}
      aria-label={`${label}: ${n.key}`}
      value={cellValue(n, field)}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setEdits((all) => ({ ...all, [id(n)]: { ...all[id(n)], [field]: value } }));
      }}
    />
  );

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('names.intro')}
      </Text>
      <Group align="end" wrap="wrap">
        <NativeSelect
          label={t('names.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as NameKind)}
          data={kinds.map((k) => ({ value: k, label: t(`names.kinds.${k}`) }))}
          data-testid="names-kind"
        />
        <TextInput
          label={t('names.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Button onClick={save} disabled={changed === 0} data-testid="names-save">
          {t('names.save', { count: changed })}
        </Button>
      </Group>
      {message && (
        <Alert color="green" data-testid="names-message">
          {message}
        </Alert>
      )}
      {problem && <ProblemAlert error={problem} />}
      <Table.ScrollContainer minWidth={1100}>
        <Table striped data-testid="names-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('names.key')}</Table.Th>
              {languages.map((l) => (
                <Table.Th key={`n${l}`}>{t(`names.name.${l}`)}</Table.Th>
              ))}
              {languages.map((l) => (
                <Table.Th key={`s${l}`}>{t(`names.short.${l}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, shown).map((n) => (
              <Table.Tr key={id(n)}>
                <Table.Td>
                  <Text size="xs" ff="monospace" maw={180} style={{ overflowWrap: 'anywhere' }}>
                    {n.key}
                  </Text>
                </Table.Td>
                {languages.map((l) => (
                  <Table.Td key={`n${l}`}>{input(n, `names.${l}`, t(`names.name.${l}`))}</Table.Td>
                ))}
                {languages.map((l) => (
                  <Table.Td key={`s${l}`}>{input(n, `short.${l}`, t(`names.short.${l}`))}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > shown && (
        <Text size="sm" c="dimmed">
          {t('names.more', { count: rows.length - shown })}
        </Text>
      )}
      <Group align="end" wrap="wrap">
        <Text size="sm">{t('names.table')}</Text>
        <Anchor size="sm" href="/api/names/table.csv">
          CSV
        </Anchor>
        <Anchor size="sm" href="/api/names/table.xlsx">
          XLSX
        </Anchor>
        <FileInput
          label={t('names.upload')}
          accept=".csv,.xlsx"
          value={file}
          onChange={setFile}
          clearable
          miw={240}
          data-testid="names-file"
        />
        <Button variant="light" onClick={upload} disabled={!file} data-testid="names-import">
          {t('names.import')}
        </Button>
      </Group>
    </Stack>
  );
}
