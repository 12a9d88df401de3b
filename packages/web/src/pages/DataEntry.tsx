import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError, type DataValue, getJson, send, type WorkflowStatus } from '../api.js';
import { ValueHistory } from '../components/ValueHistory.js';
import {
  issueNotes,
  type QualityIssue,
  type QualityNotes,
  type QualityWarning,
  refusalNotes,
  warningNotes,
} from '../entry/qualityNotes.js';
import { UnitPicker } from '../entry/UnitPicker.js';
import { defaultPeriod, periodsOfUnit } from '../entry/unitPeriods.js';
import { useDatasetDetail, useDatasets } from '../entry/useDatasets.js';
import { useUnit } from '../entry/useUnit.js';
import { formatDate, nameIn, parseLocaleNumber } from '../format.js';
import { useNames } from '../names.js';
import { useMe } from '../session.js';
import classes from './DataEntry.module.css';

const stateColour = { draft: 'gray', submitted: 'blue', approved: 'teal', reopened: 'orange' };

/**
 * The values of one unit, data set (framework) and period: a row per data element with its
 * current value, status and evidence link, checked as typed; saved all at once with the versions
 * read (a concurrent change is refused and shown); and the workflow state with the actions the
 * user's role allows (the server decides in the end).
 */
export function DataEntry() {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const me = useMe();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const datasets = useDatasets();
  const dataset = params.get('dataset') ?? datasets.data?.[0]?.id ?? '';
  const detail = useDatasetDetail(datasets.data?.find((d) => d.id === dataset));
  const unit = params.get('unit') ?? me.data?.unit ?? '';
  // Only the periods in which the unit existed (VN-37 ended on 2025-06-30: no 2026); the one
  // asked for if it is one of them, else the latest with data, once the unit's dates are known.
  const unitInfo = useUnit(unit);
  const known = !unit || unitInfo.isSuccess || unitInfo.isError;
  const allPeriods = detail.data?.periods ?? [];
  const periods = known ? periodsOfUnit(allPeriods, unitInfo.data) : [];
  const asked = params.get('period');
  const period =
    asked && periods.includes(asked) ? asked : defaultPeriod(periods, detail.data?.latest);
  const values = useQuery({
    queryKey: ['entry', unit, period, me.data?.id],
    enabled: Boolean(unit && period && me.data),
    queryFn: ({ signal }) =>
      getJson<{ items: DataValue[] }>(
        `/api/data?unit=${encodeURIComponent(unit)}&period=${encodeURIComponent(period)}&limit=10000`,
        signal,
      ),
  });
  const workflow = useQuery({
    queryKey: ['workflow', unit, dataset, period, me.data?.id],
    enabled: Boolean(unit && dataset && period && me.data),
    queryFn: ({ signal }) =>
      getJson<WorkflowStatus>(
        `/api/workflow?unit=${encodeURIComponent(unit)}&dataset=${encodeURIComponent(dataset)}&period=${encodeURIComponent(period)}`,
        signal,
      ),
  });

  // The data-quality issues of the values as stored, for the officer and for the approver
  // reviewing a submission (viewers may not run the checks).
  const stored = useQuery({
    queryKey: ['quality', unit, dataset, period, me.data?.id],
    enabled: Boolean(unit && dataset && period && me.data && me.data.role !== 'viewer'),
    queryFn: ({ signal }) =>
      getJson<{ items: QualityIssue[] }>(
        `/api/quality/run?dataset=${encodeURIComponent(dataset)}&period=${encodeURIComponent(period)}&unit=${encodeURIComponent(unit)}`,
        signal,
      ),
  });

  const current = useMemo(
    () => new Map((values.data?.items ?? []).map((v) => [v.indicator, v])),
    [values.data],
  );
  const [edits, setEdits] = useState<Record<string, { value: string; evidence: string }>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [reason, setReason] = useState('');
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  // Data-quality warnings and refusals of the last save, next to their fields.
  const [notes, setNotes] = useState<QualityNotes>({});

  if (me.isLoading) return <Loader size="sm" />;
  if (!me.data)
    return <Navigate to={{ pathname: '/sign-in', search: `next=/entry&${params.toString()}` }} />;

  const invalid = (code: string) => {
    const text = edits[code]?.value.trim();
    if (text === undefined || text === '') return null;
    return Number.isFinite(parseLocaleNumber(text, i18n.language)) ? null : t('entry.notANumber');
  };
  const badEvidence = (code: string) => {
    const text = edits[code]?.evidence.trim();
    return text && !/^https?:\/\/\S+$/.test(text) ? t('entry.notALink') : null;
  };
  const changed = Object.entries(edits).filter(([code, e]) => {
    const had = current.get(code);
    const value = e.value.trim() === '' ? null : parseLocaleNumber(e.value, i18n.language);
    return (
      value !== (had?.value ?? null) || (e.evidence.trim() || null) !== (had?.evidence ?? null)
    );
  });
  const hasErrors = Object.keys(edits).some((code) => invalid(code) || badEvidence(code));
  const role = me.data.role;
  const writer = role === 'officer' || role === 'admin' || role === 'analyst';
  // Approvers and viewers read; submitted and approved data sets are locked for everyone.
  const locked =
    !writer || workflow.data?.state === 'submitted' || workflow.data?.state === 'approved';
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['entry'] });
    await client.invalidateQueries({ queryKey: ['workflow'] });
    await client.invalidateQueries({ queryKey: ['quality'] });
  };
  // Beside each field: what the last save said of it, else the issues of the stored values.
  const storedNotes = issueNotes(stored.data?.items ?? [], t, i18n.language);
  const notesOf = (code: string) => notes[code] ?? storedNotes[code] ?? [];

  const save = async () => {
    setMessage(null);
    setNotes({});
    const codes = changed.map(([code]) => code);
    try {
      const answer = await send<{ warnings?: QualityWarning[] }>('POST', '/api/data-values', {
        values: changed.map(([code, e]) => ({
          unit,
          indicator: code,
          period,
          value: e.value.trim() === '' ? null : parseLocaleNumber(e.value, i18n.language),
          evidence: e.evidence.trim() || null,
          version: current.get(code)?.version ?? 0,
        })),
      });
      setEdits({});
      const warnings = answer?.warnings ?? [];
      setNotes(warningNotes(warnings, codes, t, i18n.language));
      const saved = t('entry.saved', { count: changed.length });
      setMessage({
        ok: true,
        text: warnings.length > 0 ? `${saved} ${t('quality.warningsSaved')}` : saved,
      });
      await refresh();
    } catch (error) {
      setNotes(refusalNotes(error, codes, t) ?? {});
      setMessage({ ok: false, text: describe(error) });
    }
  };
  const act = async (action: 'submit' | 'approve' | 'reopen') => {
    setMessage(null);
    try {
      await send('POST', `/api/workflow/${action}`, {
        unit,
        dataset,
        period,
        version: workflow.data?.version,
        ...(action === 'reopen' ? { reason } : {}),
      });
      setReason('');
      setMessage({ ok: true, text: t(`entry.done.${action}`) });
      await refresh();
    } catch (error) {
      setMessage({ ok: false, text: describe(error) });
    }
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('entry.title')}</Title>
      <ValueHistory cell={historyOf} onClose={() => setHistoryOf(null)} />
      <Group align="end" wrap="wrap">
        <NativeSelect
          label={t('entry.dataset')}
          value={dataset}
          onChange={(e) => set('dataset', e.currentTarget.value)}
          data={(datasets.data ?? []).map((d) => ({
            value: d.id,
            label:
              d.kind === 'criteria'
                ? `${names.name('model', d.id, d.name)} (${t('entry.checklist')})`
                : names.name('framework', d.id, d.name),
          }))}
          data-testid="entry-dataset"
        />
        <NativeSelect
          label={t('overview.period')}
          value={period}
          onChange={(e) => set('period', e.currentTarget.value)}
          data={periods}
          data-testid="entry-period"
        />
        <UnitPicker me={me.data} period={period} unit={unit} onChange={(u) => set('unit', u)} />
        {workflow.data && (
          <Badge size="lg" color={stateColour[workflow.data.state]} data-testid="workflow-state">
            {t(`entry.state.${workflow.data.state}`)}
          </Badge>
        )}
      </Group>
      {unitInfo.data && periods.length < allPeriods.length && (
        <Text size="sm" c="dimmed" data-testid="entry-validity">
          {t(
            periods.length === 0
              ? 'entry.validity.none'
              : unitInfo.data.valid_to === null
                ? 'entry.validity.from'
                : 'entry.validity.between',
            {
              unit: nameIn(unitInfo.data.names, i18n.language),
              from: formatDate(unitInfo.data.valid_from, i18n.language),
              to: formatDate(unitInfo.data.valid_to, i18n.language),
            },
          )}
        </Text>
      )}
      {workflow.data?.reason && (
        <Text size="sm">
          {t('entry.reason')}: {workflow.data.reason}
        </Text>
      )}
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      <Group
        pos="sticky"
        top="var(--app-shell-header-height, 0px)"
        py="xs"
        bg="var(--mantine-color-body)"
        style={{ zIndex: 2 }}
      >
        <Button
          onClick={save}
          disabled={locked || changed.length === 0 || hasErrors}
          data-testid="save"
        >
          {t('entry.save', { count: changed.length })}
        </Button>
        {(role === 'officer' || role === 'admin' || role === 'analyst') && (
          <Button
            variant="light"
            onClick={() => act('submit')}
            disabled={locked || changed.length > 0}
            data-testid="submit"
          >
            {t('entry.submit')}
          </Button>
        )}
        {(role === 'approver' || role === 'admin') && (
          <>
            <Button
              color="teal"
              onClick={() => act('approve')}
              disabled={workflow.data?.state !== 'submitted'}
              data-testid="approve"
            >
              {t('entry.approve')}
            </Button>
            <Textarea
              aria-label={t('entry.reason')}
              placeholder={t('entry.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={1}
            />
            <Button
              color="orange"
              variant="light"
              onClick={() => act('reopen')}
              disabled={
                !(workflow.data?.state === 'submitted' || workflow.data?.state === 'approved') ||
                reason.trim() === ''
              }
              data-testid="reopen"
            >
              {t('entry.reopen')}
            </Button>
          </>
        )}
      </Group>
      {values.isLoading && <Loader size="sm" />}
      {detail.data && values.data && (
        <Table striped className={classes.grid} data-testid="entry-grid">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('entry.element')}</Table.Th>
              <Table.Th>{t('profile.value')}</Table.Th>
              <Table.Th>{t('entry.evidence')}</Table.Th>
              <Table.Th>{t('entry.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('entry.showHistory')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.data.elements.map((e) => {
              const had = current.get(e.code);
              const edit = edits[e.code] ?? {
                value: had?.value === null || had?.value === undefined ? '' : String(had.value),
                evidence: had?.evidence ?? '',
              };
              const name = names.name('element', e.code, e.name);
              return (
                <Table.Tr key={e.code}>
                  <Table.Td>
                    <Text size="sm">{name}</Text>
                    <Text size="xs" c="dimmed">
                      {e.code}
                      {e.unit_of_measure ? ` (${e.unit_of_measure})` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label={t('profile.value')}>
                    <TextInput
                      aria-label={name}
                      inputMode="decimal"
                      value={edit.value}
                      disabled={locked}
                      error={invalid(e.code)}
                      onChange={(ev) => {
                        const value = ev.currentTarget.value;
                        setEdits((all) => ({ ...all, [e.code]: { ...edit, value } }));
                      }}
                      data-testid={`value-${e.code}`}
                    />
                    {notesOf(e.code).map((note) => (
                      <Text
                        key={note.text}
                        size="xs"
                        // Dark red and amber: 4.5:1 or more on the grid's white and striped rows (axe).
                        c={note.blocking ? 'red.9' : '#8a4b00'}
                        role={note.blocking ? 'alert' : 'status'}
                        data-testid={`quality-${e.code}`}
                      >
                        {note.text}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td data-label={t('entry.evidence')}>
                    <TextInput
                      aria-label={`${t('entry.evidence')}: ${name}`}
                      placeholder="https://"
                      // A web address reads left to right in every language.
                      dir="ltr"
                      value={edit.evidence}
                      disabled={locked}
                      error={badEvidence(e.code)}
                      onChange={(ev) => {
                        const evidence = ev.currentTarget.value;
                        setEdits((all) => ({ ...all, [e.code]: { ...edit, evidence } }));
                      }}
                    />
                  </Table.Td>
                  <Table.Td data-label={t('entry.status')}>
                    <Text size="sm">
                      {had
                        ? t(`entry.valueStatus.${had.status}`, { defaultValue: had.status })
                        : '–'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setHistoryOf(`${unit}|${e.code}|${period}`)}
                      aria-label={`${t('entry.showHistory')}: ${name}`}
                      data-testid={`history-${e.code}`}
                    >
                      {t('entry.showHistory')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The server's refusal in words, with the fields it names. */
function describe(error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  const fields = error.fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return fields ? `${error.message} (${fields})` : error.message;
}
