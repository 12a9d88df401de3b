import { Alert, Button, FileInput, Group, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError, type ImportReport, importFile } from '../api.js';
import { ImportWarnings } from '../imports/ImportWarnings.js';
import { useMe } from '../session.js';

/**
 * Upload a CSV or XLSX file, read the dry run's report (every bad row with its line, field, value
 * and reason, and the data-quality warnings with their rows), then import it for real: all of it
 * or nothing.
 */
export function ImportWizard() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me.isLoading) return null;
  if (!me.data)
    return <Navigate to={{ pathname: '/sign-in', search: `next=/import&${params.toString()}` }} />;

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const report = await importFile(file, dryRun);
      if (dryRun) setCheck(report);
      else {
        setDone(report);
        await client.invalidateQueries();
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const step = done?.status === 'applied' ? 3 : check?.status === 'checked' ? 2 : file ? 1 : 0;
  const report = done ?? check;

  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>{t('import.title')}</Title>
      <Stepper active={step} size="sm">
        <Stepper.Step label={t('import.stepFile')} />
        <Stepper.Step label={t('import.stepCheck')} />
        <Stepper.Step label={t('import.stepImport')} />
      </Stepper>
      <Text size="sm" c="dimmed">
        {t('import.formats')}
      </Text>
      <Group align="end">
        <FileInput
          label={t('import.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            setCheck(null);
            setDone(null);
          }}
          w={360}
          data-testid="import-file"
        />
        <Button
          onClick={() => run(true)}
          disabled={!file || busy}
          loading={busy && !check}
          data-testid="check"
        >
          {t('import.check')}
        </Button>
        <Button
          color="teal"
          onClick={() => run(false)}
          disabled={check?.status !== 'checked' || busy || done !== null}
          data-testid="import"
        >
          {t('import.confirm', { count: check?.values ?? 0 })}
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {report && report.status !== 'refused' && (
        <Alert
          color={report.status === 'applied' ? 'teal' : 'blue'}
          role="status"
          data-testid="import-summary"
        >
          {t(report.status === 'applied' ? 'import.applied' : 'import.checked', {
            rows: report.rows,
            inserted: report.inserted,
            updated: report.updated,
            unchanged: report.unchanged,
          })}
        </Alert>
      )}
      {report && report.status !== 'refused' && <ImportWarnings report={report} />}
      {report?.status === 'refused' && (
        <>
          <Alert color="red" role="alert" data-testid="import-summary">
            {t('import.refused', { count: report.problems_total, rows: report.rows })}
          </Alert>
          <Table striped data-testid="import-problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.row')}</Table.Th>
                <Table.Th>{t('import.field')}</Table.Th>
                <Table.Th>{t('profile.value')}</Table.Th>
                <Table.Th>{t('import.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.problems.map((p) => (
                <Table.Tr key={`${p.row}-${p.field}-${p.message}`}>
                  <Table.Td>{p.row}</Table.Td>
                  <Table.Td>{p.field}</Table.Td>
                  <Table.Td>
                    <code>{p.value}</code>
                  </Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
