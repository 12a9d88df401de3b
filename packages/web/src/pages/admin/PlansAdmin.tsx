import {
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, type PlanSummary, send, type TargetAssessment } from '../../api.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { statusColour } from '../../components/TargetCard.js';
import { formatNumber } from '../../format.js';
import { useNames } from '../../names.js';

/** The fields of a target a form edits; numbers as typed until sent. */
interface TargetForm {
  id: string;
  unit: string;
  indicator: string;
  name: string;
  direction: string;
  baseline_period: string;
  baseline_value: string | number;
  target_period: string;
  target_value: string | number;
}

const emptyTarget: TargetForm = {
  id: '',
  unit: '',
  indicator: '',
  name: '',
  direction: '1',
  baseline_period: '',
  baseline_value: '',
  target_period: '',
  target_value: '',
};

const orNull = (v: string | number) => (v === '' ? null : v);

/** The body the API takes for a target form (empty fields sent as null). */
function targetBody(f: TargetForm) {
  return {
    unit: f.unit.trim(),
    indicator: f.indicator.trim(),
    name: f.name.trim() || null,
    direction: Number(f.direction),
    baseline_period: f.baseline_period.trim() || null,
    baseline_value: orNull(f.baseline_value),
    target_period: f.target_period.trim(),
    target_value: orNull(f.target_value),
  };
}

function formOf(t: TargetAssessment): TargetForm {
  return {
    id: t.id,
    unit: t.unit,
    indicator: t.indicator,
    name: t.name ?? '',
    direction: String(t.direction),
    baseline_period: t.baseline_period ?? '',
    baseline_value: t.baseline_value ?? '',
    target_period: t.target_period,
    target_value: t.target_value,
  };
}

/**
 * Plans and their targets: create a plan, then add, change and remove its targets. Each answer
 * carries the target as the engine now assesses it, so its status shows at once.
 */
export function PlansAdmin() {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const language = i18n.language;
  const client = useQueryClient();
  const plans = useQuery({
    queryKey: ['plans'],
    queryFn: ({ signal }) => getJson<{ items: PlanSummary[] }>('/api/plans', signal),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const plan = chosen ?? plans.data?.items[0]?.id ?? '';
  const targets = useQuery({
    queryKey: ['targets', plan],
    enabled: Boolean(plan),
    queryFn: ({ signal }) =>
      getJson<{ items: TargetAssessment[] }>(
        `/api/targets?plan=${encodeURIComponent(plan)}`,
        signal,
      ),
  });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['plans'] });
    await client.invalidateQueries({ queryKey: ['targets'] });
  };

  const [newPlan, setNewPlan] = useState({ id: '', name: '', unit: '', adopted_on: '' });
  const createPlan = useMutation({
    mutationFn: () =>
      send<PlanSummary>('POST', '/api/plans', {
        id: newPlan.id.trim(),
        name: newPlan.name.trim(),
        unit: newPlan.unit.trim() || null,
        adopted_on: newPlan.adopted_on || null,
      }),
    onSuccess: async (created) => {
      setNewPlan({ id: '', name: '', unit: '', adopted_on: '' });
      setChosen(created.id);
      await refresh();
    },
  });
  const [editing, setEditing] = useState<TargetForm | null>(null);
  const [draft, setDraft] = useState<TargetForm>(emptyTarget);
  const saveTarget = useMutation({
    mutationFn: (f: TargetForm) =>
      editing?.id === f.id
        ? send<TargetAssessment>('PATCH', `/api/targets/${encodeURIComponent(f.id)}`, targetBody(f))
        : send<TargetAssessment>('POST', '/api/targets', {
            id: f.id.trim(),
            plan,
            ...targetBody(f),
          }),
    onSuccess: async (saved) => {
      // The answer is the target as now assessed: shown at once, before the lists reload.
      client.setQueryData<{ items: TargetAssessment[] }>(['targets', plan], (old) =>
        old
          ? {
              items: old.items.some((x) => x.id === saved.id)
                ? old.items.map((x) => (x.id === saved.id ? saved : x))
                : [...old.items, saved],
            }
          : old,
      );
      if (editing?.id === saved.id) setEditing(null);
      else setDraft(emptyTarget);
      await refresh();
    },
  });
  const removeTarget = useMutation({
    mutationFn: (id: string) => send('DELETE', `/api/targets/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
  const problem = createPlan.error ?? saveTarget.error ?? removeTarget.error;
  const summary = plans.data?.items.find((p) => p.id === plan)?.summary;

  return (
    <>
      <ProblemAlert error={problem} testId="plan-problem" />
      <Group align="end" mb="md">
        <NativeSelect
          label={t('admin.plan')}
          value={plan}
          onChange={(e) => {
            setChosen(e.currentTarget.value);
            setEditing(null);
          }}
          data={(plans.data?.items ?? []).map((p) => ({
            value: p.id,
            label: names.name('plan', p.id, p.name),
          }))}
          data-testid="admin-plan"
          maw={520}
        />
        {summary && (
          <Text size="sm" data-testid="admin-scorecard">
            {t('plans.scorecard', { achieved: summary.achieved, count: summary.total })}
          </Text>
        )}
      </Group>
      <Table.ScrollContainer minWidth={980}>
        <Table striped data-testid="admin-targets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plans.target')}</Table.Th>
              <Table.Th>{t('plans.unit')}</Table.Th>
              <Table.Th>{t('admin.indicator')}</Table.Th>
              <Table.Th>{t('plans.baseline')}</Table.Th>
              <Table.Th>{t('targets.target')}</Table.Th>
              <Table.Th style={{ minWidth: 140 }}>{t('plans.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {targets.data?.items.map((target) =>
              editing?.id === target.id ? (
                <TargetRow
                  key={target.id}
                  form={editing}
                  onChange={setEditing}
                  onSave={() => saveTarget.mutate(editing)}
                  onCancel={() => setEditing(null)}
                  saving={saveTarget.isPending}
                  existing
                />
              ) : (
                <Table.Tr key={target.id}>
                  <Table.Td>
                    <Text size="sm">
                      {names.name(
                        'target',
                        target.id,
                        target.name ?? names.name('element', target.indicator),
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {target.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>{target.unit}</Table.Td>
                  <Table.Td>
                    {target.indicator}
                    {target.direction < 0 ? ` (${t('profile.lowerBetter')})` : ''}
                  </Table.Td>
                  <Table.Td>
                    {target.baseline_period
                      ? `${formatNumber(target.baseline_value, language)} (${target.baseline_period})`
                      : '–'}
                  </Table.Td>
                  <Table.Td>
                    {formatNumber(target.target_value, language)} ({target.target_period})
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge
                      color={statusColour[target.status]}
                      variant="light"
                      style={{ overflow: 'visible' }}
                      data-testid={`status-${target.id}`}
                    >
                      {t(`targets.status.${target.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setEditing(formOf(target))}
                        aria-label={t('admin.editOf', { name: target.id })}
                      >
                        {t('admin.edit')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          if (window.confirm(t('admin.confirmDelete', { name: target.id })))
                            removeTarget.mutate(target.id);
                        }}
                        aria-label={t('admin.deleteOf', { name: target.id })}
                      >
                        {t('admin.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ),
            )}
            {plan && (
              <TargetRow
                form={draft}
                onChange={setDraft}
                onSave={() => saveTarget.mutate(draft)}
                saving={saveTarget.isPending}
              />
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Paper withBorder p="md" mt="lg" maw={900}>
        <Title order={4} mb="sm">
          {t('admin.newPlan')}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            createPlan.mutate();
          }}
        >
          <Group align="end" wrap="wrap">
            <TextInput
              label={t('admin.code')}
              required
              placeholder="48-NQ/TU"
              value={newPlan.id}
              onChange={(e) => setNewPlan({ ...newPlan, id: e.currentTarget.value })}
            />
            <TextInput
              label={t('admin.name')}
              required
              value={newPlan.name}
              onChange={(e) => setNewPlan({ ...newPlan, name: e.currentTarget.value })}
            />
            <TextInput
              label={t('admin.unit')}
              placeholder="VN-08"
              value={newPlan.unit}
              onChange={(e) => setNewPlan({ ...newPlan, unit: e.currentTarget.value })}
            />
            <TextInput
              label={t('admin.adopted')}
              type="date"
              value={newPlan.adopted_on}
              onChange={(e) => setNewPlan({ ...newPlan, adopted_on: e.currentTarget.value })}
            />
            <Button type="submit" loading={createPlan.isPending}>
              {t('admin.create')}
            </Button>
          </Group>
        </form>
      </Paper>
    </>
  );
}

/** A row of inputs for a new target (the last row) or one being changed. */
function TargetRow({
  form,
  onChange,
  onSave,
  onCancel,
  saving,
  existing = false,
}: {
  form: TargetForm;
  onChange: (f: TargetForm) => void;
  onSave: () => void;
  onCancel?: () => void;
  saving: boolean;
  existing?: boolean;
}) {
  const { t } = useTranslation();
  const field = (key: keyof TargetForm, label: string, placeholder?: string) => (
    <TextInput
      size="xs"
      aria-label={label}
      placeholder={placeholder ?? label}
      value={String(form[key])}
      onChange={(e) => onChange({ ...form, [key]: e.currentTarget.value })}
    />
  );
  const number = (key: 'baseline_value' | 'target_value', label: string) => (
    <NumberInput
      size="xs"
      aria-label={label}
      placeholder={label}
      value={form[key]}
      onChange={(v) => onChange({ ...form, [key]: v })}
      hideControls
      decimalScale={6}
    />
  );
  return (
    <Table.Tr data-testid={existing ? 'target-editing' : 'target-new'}>
      <Table.Td>
        {existing ? (
          <Text size="xs" c="dimmed">
            {form.id}
          </Text>
        ) : (
          field('id', t('admin.targetId'), t('admin.targetIdHint'))
        )}
        {field('name', t('admin.name'))}
      </Table.Td>
      <Table.Td>{field('unit', t('plans.unit'), 'VN-08')}</Table.Td>
      <Table.Td>
        {field('indicator', t('admin.indicator'))}
        <NativeSelect
          size="xs"
          aria-label={t('admin.direction')}
          value={form.direction}
          onChange={(e) => onChange({ ...form, direction: e.currentTarget.value })}
          data={[
            { value: '1', label: t('admin.higherBetter') },
            { value: '-1', label: t('profile.lowerBetter') },
          ]}
        />
      </Table.Td>
      <Table.Td>
        {field('baseline_period', t('admin.baselinePeriod'), '2020')}
        {number('baseline_value', t('admin.baselineValue'))}
      </Table.Td>
      <Table.Td>
        {field('target_period', t('admin.targetPeriod'), '2025')}
        {number('target_value', t('admin.targetValue'))}
      </Table.Td>
      <Table.Td />
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" onClick={onSave} loading={saving}>
            {existing ? t('admin.save') : t('admin.add')}
          </Button>
          {onCancel && (
            <Button size="compact-xs" variant="subtle" onClick={onCancel}>
              {t('admin.cancel')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
