import { Button, Group, Paper, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, type Names, send } from '../../api.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatDate } from '../../format.js';

export interface AdminUnit {
  code: string;
  level: string;
  parent: string | null;
  names: Names;
  valid_from: string;
  valid_to: string | null;
  attributes: Record<string, string>;
}

interface LineageRow {
  id: number;
  event: string;
  date: string;
  predecessor: string;
  successor: string;
}

/**
 * One unit, changed by an admin: its names, region, parent and last day (closing it), and the
 * boundary changes it takes part in, each of which can be removed when recorded by mistake.
 */
export function UnitEditor({ unit, onSaved }: { unit: AdminUnit; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState({
    en: unit.names.en,
    vi: unit.names.vi ?? '',
    ar: unit.names.ar ?? '',
    region: unit.attributes.region ?? '',
    parent: unit.parent ?? '',
    valid_to: unit.valid_to ?? '',
  });
  const lineage = useQuery({
    queryKey: ['lineage', unit.code],
    queryFn: ({ signal }) =>
      getJson<{ items: LineageRow[] }>(
        `/api/lineage?unit=${encodeURIComponent(unit.code)}&limit=100`,
        signal,
      ),
  });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['units'] });
    await client.invalidateQueries({ queryKey: ['unit'] });
    await client.invalidateQueries({ queryKey: ['lineage'] });
    onSaved();
  };
  const save = useMutation({
    mutationFn: () => {
      const { region: _, ...others } = unit.attributes;
      return send('PATCH', `/api/units/${encodeURIComponent(unit.code)}`, {
        names: { en: form.en.trim(), vi: form.vi.trim() || null, ar: form.ar.trim() || null },
        attributes: form.region.trim() ? { ...others, region: form.region.trim() } : others,
        parent: form.parent.trim() || null,
        valid_to: form.valid_to || null,
      });
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) => send('DELETE', `/api/lineage/${id}`),
    onSuccess: refresh,
  });
  const input = (key: keyof typeof form, label: string, type = 'text') => (
    <TextInput
      label={label}
      type={type}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
    />
  );
  return (
    <Paper withBorder p="md" mb="md" data-testid="unit-editor">
      <Title order={4} mb="sm">
        {t('admin.editUnit', { code: unit.code })}
      </Title>
      <ProblemAlert error={save.error ?? remove.error} testId="unit-problem" />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Group align="end" wrap="wrap">
          {input('en', t('admin.nameEn'))}
          {input('vi', t('admin.nameVi'))}
          {input('ar', t('admin.nameAr'))}
          {input('region', t('overview.region'))}
          {input('parent', t('admin.parent'))}
          {input('valid_to', t('admin.lastDay'), 'date')}
          <Button type="submit" loading={save.isPending}>
            {t('admin.save')}
          </Button>
        </Group>
      </form>
      {(lineage.data?.items.length ?? 0) > 0 && (
        <Table mt="md" maw={760} data-testid="unit-events">
          <Table.Tbody>
            {lineage.data?.items.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{formatDate(row.date, i18n.language)}</Table.Td>
                <Table.Td>
                  {row.predecessor} → {row.successor} ({t(`admin.event.${row.event}`, row.event)})
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      if (window.confirm(t('admin.confirmDeleteEvent'))) remove.mutate(row.id);
                    }}
                  >
                    {t('admin.deleteEvent')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
