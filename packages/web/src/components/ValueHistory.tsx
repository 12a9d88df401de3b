import { Loader, Modal, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api.js';
import { formatNumber, localeOf } from '../format.js';

interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  via: string;
  action: string;
  before: { value?: number | null; status?: string } | null;
  after: { value?: number | null; status?: string; evidence?: string | null } | null;
}

/** Who changed one value, when, from what to what: its audit trail. */
export function ValueHistory({ cell, onClose }: { cell: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({
    queryKey: ['audit', cell],
    enabled: cell !== null,
    queryFn: ({ signal }) =>
      getJson<{ items: AuditRow[] }>(
        `/api/audit?entity=data_value&key=${encodeURIComponent(cell ?? '')}`,
        signal,
      ),
  });
  const when = new Intl.DateTimeFormat(localeOf(i18n.language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <Modal opened={cell !== null} onClose={onClose} title={t('entry.history')} size="lg" centered>
      {history.isLoading && <Loader size="sm" />}
      {history.data && history.data.items.length === 0 && <Text>{t('entry.noHistory')}</Text>}
      {history.data && history.data.items.length > 0 && (
        <Table striped data-testid="value-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('entry.when')}</Table.Th>
              <Table.Th>{t('entry.who')}</Table.Th>
              <Table.Th>{t('entry.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{when.format(new Date(r.at))}</Table.Td>
                <Table.Td>
                  {r.actor} ({r.via})
                </Table.Td>
                <Table.Td>
                  {r.before ? formatNumber(r.before.value, i18n.language) : '–'} →{' '}
                  {formatNumber(r.after?.value, i18n.language)} ({r.after?.status})
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
