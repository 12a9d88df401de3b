import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatNumber, nameIn } from '../format.js';
import classes from './ReportingTable.module.css';
import type { ReportingStatus } from './reportingApi.js';
import { StatusBadge, TimelinessBadge } from './StatusBadge.js';

/** Every expected unit: its name, status, submission and approval times, timeliness and values. */
export function ReportingTable({ status }: { status: ReportingStatus }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const columns = {
    unit: t('reporting.column.unit'),
    status: t('reporting.column.status'),
    submitted: t('reporting.column.submitted'),
    approved: t('reporting.column.approved'),
    timeliness: t('reporting.column.timeliness'),
    values: t('reporting.column.values'),
  };
  return (
    <Table striped className={classes.table} data-testid="reporting-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{columns.unit}</Table.Th>
          <Table.Th>{columns.status}</Table.Th>
          <Table.Th>{columns.submitted}</Table.Th>
          <Table.Th>{columns.approved}</Table.Th>
          <Table.Th>{columns.timeliness}</Table.Th>
          <Table.Th className={classes.number}>{columns.values}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {status.items.map((item) => (
          <Table.Tr key={item.unit} data-testid={`reporting-${item.unit}`}>
            <Table.Td fw={600}>{nameIn(item.names, language)}</Table.Td>
            <Table.Td data-label={columns.status}>
              <StatusBadge item={item} />
            </Table.Td>
            <Table.Td data-label={columns.submitted}>
              {formatInstant(item.submitted_at, language) || '–'}
            </Table.Td>
            <Table.Td data-label={columns.approved}>
              {formatInstant(item.approved_at, language) || '–'}
            </Table.Td>
            <Table.Td data-label={columns.timeliness}>
              <TimelinessBadge item={item} />
            </Table.Td>
            <Table.Td data-label={columns.values} className={classes.number}>
              {`${formatNumber(item.values, language)} / ${formatNumber(status.dataset.elements, language)}`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
