import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { send } from '../../api.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

const levels = ['country', 'province', 'district', 'commune'];
const events = ['merge', 'split', 'rename'] as const;

const codes = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);

/**
 * The two forms that change the map of units: a new unit, and a boundary change (a merge, split
 * or rename) between units that exist, the successors beginning on its date. Recording a change
 * closes the predecessors still open on the day before.
 */
export function NewUnitForms({ onSaved }: { onSaved: (code: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [unit, setUnit] = useState({
    code: '',
    level: 'commune',
    parent: '',
    en: '',
    vi: '',
    ar: '',
    valid_from: '',
  });
  const [change, setChange] = useState({
    event: 'merge',
    date: '',
    predecessors: '',
    successors: '',
  });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['units'] });
    await client.invalidateQueries({ queryKey: ['unit'] });
    await client.invalidateQueries({ queryKey: ['lineage'] });
  };
  const create = useMutation({
    mutationFn: () =>
      send<{ code: string }>('POST', '/api/units', {
        code: unit.code.trim(),
        level: unit.level,
        parent: unit.parent.trim() || null,
        names: { en: unit.en.trim(), vi: unit.vi.trim() || null, ar: unit.ar.trim() || null },
        valid_from: unit.valid_from,
      }),
    onSuccess: async (created) => {
      setUnit({ ...unit, code: '', en: '', vi: '', ar: '' });
      await refresh();
      onSaved(created.code);
    },
  });
  const record = useMutation({
    mutationFn: () =>
      send('POST', '/api/lineage', {
        event: change.event,
        date: change.date,
        predecessors: codes(change.predecessors),
        successors: codes(change.successors),
      }),
    onSuccess: async () => {
      const first = codes(change.successors)[0];
      setChange({ ...change, predecessors: '', successors: '' });
      await refresh();
      if (first) onSaved(first);
    },
  });
  const field = <S extends Record<string, string>>(
    state: S,
    set: (s: S) => void,
    key: keyof S & string,
    label: string,
    extra: { type?: string; required?: boolean; placeholder?: string } = {},
  ) => (
    <TextInput
      label={label}
      {...extra}
      value={state[key]}
      onChange={(e) => set({ ...state, [key]: e.currentTarget.value })}
    />
  );
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} mb="lg">
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('admin.newUnit')}
        </Title>
        <ProblemAlert error={create.error} testId="new-unit-problem" />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
          data-testid="new-unit-form"
        >
          <Group align="end" wrap="wrap">
            {field(unit, setUnit, 'code', t('admin.code'), {
              required: true,
              placeholder: 'VN25-37-X01',
            })}
            <NativeSelect
              label={t('admin.level')}
              value={unit.level}
              onChange={(e) => setUnit({ ...unit, level: e.currentTarget.value })}
              data={levels}
            />
            {field(unit, setUnit, 'parent', t('admin.parent'), { placeholder: 'VN25-37' })}
            {field(unit, setUnit, 'en', t('admin.nameEn'), { required: true })}
            {field(unit, setUnit, 'vi', t('admin.nameVi'))}
            {field(unit, setUnit, 'ar', t('admin.nameAr'))}
            {field(unit, setUnit, 'valid_from', t('admin.firstDay'), {
              type: 'date',
              required: true,
            })}
            <Button type="submit" loading={create.isPending}>
              {t('admin.create')}
            </Button>
          </Group>
        </form>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('admin.newEvent')}
        </Title>
        <ProblemAlert error={record.error} testId="lineage-problem" />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            record.mutate();
          }}
          data-testid="lineage-form"
        >
          <Group align="end" wrap="wrap">
            <NativeSelect
              label={t('admin.eventKind')}
              value={change.event}
              onChange={(e) => setChange({ ...change, event: e.currentTarget.value })}
              data={events.map((ev) => ({ value: ev, label: t(`admin.event.${ev}`) }))}
            />
            {field(change, setChange, 'date', t('admin.eventDate'), {
              type: 'date',
              required: true,
            })}
            {field(change, setChange, 'predecessors', t('admin.predecessorCodes'), {
              required: true,
              placeholder: 'VN-08, VN-02',
            })}
            {field(change, setChange, 'successors', t('admin.successorCodes'), {
              required: true,
              placeholder: 'VN25-08',
            })}
            <Button type="submit" loading={record.isPending}>
              {t('admin.record')}
            </Button>
          </Group>
        </form>
      </Paper>
    </SimpleGrid>
  );
}
