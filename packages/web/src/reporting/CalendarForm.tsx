import { Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { send } from '../api.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import type { ReportingCalendar } from './reportingApi.js';

/**
 * Sets the round's calendar (admins and analysts): the day entry opens, the due day and the
 * last day for late entry, as dates. The server checks their order and names a wrong one.
 */
export function CalendarForm({
  dataset,
  period,
  calendar,
}: {
  dataset: string;
  period: string;
  calendar: ReportingCalendar | null;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opensOn, setOpensOn] = useState(calendar?.opens_on ?? '');
  const [dueOn, setDueOn] = useState(calendar?.due_on ?? '');
  const [lateUntil, setLateUntil] = useState(calendar?.late_until ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await send('PUT', '/api/reporting/calendars', {
        dataset,
        period,
        opens_on: opensOn,
        due_on: dueOn,
        late_until: lateUntil,
      });
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['reporting'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={save} data-testid="calendar-form">
      <Text fw={600} mb="xs">
        {t('reporting.calendar.title')}
      </Text>
      <Group align="end" gap="sm">
        <TextInput
          type="date"
          label={t('reporting.calendar.opensOn')}
          value={opensOn}
          onChange={(e) => setOpensOn(e.currentTarget.value)}
          required
        />
        <TextInput
          type="date"
          label={t('reporting.calendar.dueOn')}
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          required
        />
        <TextInput
          type="date"
          label={t('reporting.calendar.lateUntil')}
          value={lateUntil}
          onChange={(e) => setLateUntil(e.currentTarget.value)}
          required
        />
        <Button type="submit" loading={busy}>
          {t('reporting.calendar.save')}
        </Button>
      </Group>
      {saved && (
        <Text size="sm" mt="xs" role="status">
          {t('reporting.calendar.saved')}
        </Text>
      )}
      <ProblemAlert error={error} testId="calendar-problem" />
    </Paper>
  );
}
