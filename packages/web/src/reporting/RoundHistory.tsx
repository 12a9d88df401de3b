import { Anchor, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, localeOf } from '../format.js';
import classes from './ReportingTable.module.css';
import type { ReportingHistory } from './reportingApi.js';

/**
 * A data set's rounds over time: per period the units expected (those that existed then), how
 * many submitted, on time, approved, and the share of values present; a period opens its round.
 */
export function RoundHistory({
  history,
  current,
  onOpen,
}: {
  history: ReportingHistory;
  current: string | undefined;
  onOpen: (period: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const n = (x: number) => formatNumber(x, language);
  const percent = new Intl.NumberFormat(localeOf(language), {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const columns = {
    expected: t('reporting.tile.expected'),
    submitted: t('reporting.tile.submitted'),
    onTime: t('reporting.tile.onTime'),
    approved: t('reporting.tile.approved'),
    completeness: t('reporting.tile.completeness'),
  };
  // Newest first: the round in hand is at the top.
  const rounds = [...history.items].reverse();
  return (
    <section aria-labelledby="round-history-title">
      <Title order={3} size="h4" id="round-history-title">
        {t('reporting.history.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('reporting.history.caption')}
      </Text>
      <Table striped className={classes.table} data-testid="round-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reporting.history.period')}</Table.Th>
            {Object.values(columns).map((label) => (
              <Table.Th key={label} className={classes.number}>
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rounds.map(({ period, summary: s }) => (
            <Table.Tr key={period} data-testid={`round-${period}`}>
              <Table.Td fw={600}>
                {period === current ? (
                  <span aria-current="true">{period}</span>
                ) : (
                  <Anchor
                    component="button"
                    type="button"
                    onClick={() => onOpen(period)}
                    aria-label={t('reporting.history.open', { period })}
                  >
                    {period}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td data-label={columns.expected} className={classes.number}>
                {n(s.expected)}
              </Table.Td>
              <Table.Td data-label={columns.submitted} className={classes.number}>
                {n(s.submitted)}
              </Table.Td>
              <Table.Td data-label={columns.onTime} className={classes.number}>
                {n(s.on_time)}
              </Table.Td>
              <Table.Td data-label={columns.approved} className={classes.number}>
                {n(s.approved)}
              </Table.Td>
              <Table.Td data-label={columns.completeness} className={classes.number}>
                {percent.format(s.value_completeness)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
