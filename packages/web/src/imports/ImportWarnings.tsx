import { Alert, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../api.js';
import { warningText } from '../entry/qualityNotes.js';
import { formatNumber } from '../format.js';
import { useNames } from '../names.js';

/**
 * An import's data-quality warnings: warning rules broken and outliers against the period's peers
 * or the unit's previous value, each with its rows, in the reader's language. They never refuse a
 * file: they ask the importer to look again before (or after) importing.
 */
export function ImportWarnings({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const text = useNames();
  const warnings = report.warnings ?? [];
  const total = report.warnings_total ?? warnings.length;
  return (
    <>
      {warnings.length > 0 && (
        <>
          <Alert color="yellow" data-testid="import-warnings-summary">
            {t('import.warnings', { count: total })}
          </Alert>
          <Table striped data-testid="import-warnings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.row')}</Table.Th>
                <Table.Th>{t('import.unit')}</Table.Th>
                <Table.Th>{t('import.field')}</Table.Th>
                <Table.Th>{t('import.warning')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {warnings.map((w) => (
                <Table.Tr
                  key={`${w.rows.join(',')}|${w.unit}|${w.kind === 'rule' ? w.rule : `${w.element}|${w.test}`}`}
                >
                  <Table.Td>{w.rows.map((r) => formatNumber(r, language)).join(', ')}</Table.Td>
                  <Table.Td>{w.unit}</Table.Td>
                  <Table.Td>
                    {w.kind === 'rule' ? (
                      <code>{w.expression}</code>
                    ) : (
                      text.name('element', w.element)
                    )}
                  </Table.Td>
                  <Table.Td>{warningText(w, t, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {report.outliers_checked === false && (
        <Text size="sm" c="dimmed" data-testid="import-outliers-unchecked">
          {t('import.outliersUnchecked')}
        </Text>
      )}
    </>
  );
}
