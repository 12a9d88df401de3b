import { Badge, Group, Loader, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, type Names } from '../../api.js';
import { formatDate, nameIn } from '../../format.js';
import { NewUnitForms } from './NewUnitForms.js';
import { UnitEditor } from './UnitEditor.js';

interface Unit {
  code: string;
  level: string;
  parent: string | null;
  names: Names;
  valid_from: string;
  valid_to: string | null;
  attributes: Record<string, string>;
}

interface UnitDetail extends Unit {
  predecessors: { code: string; event: string; date: string }[];
  successors: { code: string; event: string; date: string }[];
}

/**
 * Units of a level on a date, with their validity and, for one chosen, its lineage; admins also
 * change the chosen unit, create units and record boundary changes.
 */
export function UnitsAdmin({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [level, setLevel] = useState('province');
  const [at, setAt] = useState('2024-12-31');
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const units = useQuery({
    queryKey: ['units', level, at],
    queryFn: ({ signal }) =>
      getJson<{ items: Unit[]; total: number }>(
        `/api/units?level=${level}&at=${at}&limit=1000`,
        signal,
      ),
  });
  const detail = useQuery({
    queryKey: ['unit', chosen],
    enabled: chosen !== null,
    queryFn: ({ signal }) =>
      getJson<UnitDetail>(`/api/units/${encodeURIComponent(chosen ?? '')}`, signal),
  });
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (units.data?.items ?? []).filter(
      (u) =>
        !f ||
        u.code.toLowerCase().includes(f) ||
        nameIn(u.names, i18n.language).toLowerCase().includes(f),
    );
  }, [units.data, filter, i18n.language]);
  const lineage = (links: UnitDetail['predecessors']) =>
    links
      .map(
        (l) =>
          `${l.code} (${t(`admin.event.${l.event}`, l.event)}, ${formatDate(l.date, i18n.language)})`,
      )
      .join(', ');

  return (
    <>
      <Group align="end" mb="sm">
        <NativeSelect
          label={t('admin.level')}
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value)}
          data={['country', 'province', 'commune']}
        />
        <TextInput
          label={t('admin.onDate')}
          type="date"
          value={at}
          onChange={(e) => setAt(e.currentTarget.value)}
        />
        <TextInput
          label={t('admin.search')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
        <Text size="sm" c="dimmed">
          {t('admin.unitCount', { count: rows.length })}
        </Text>
      </Group>
      {units.isLoading && <Loader size="sm" />}
      {chosen && detail.data && (
        <Text mb="sm" data-testid="unit-lineage">
          <strong>{nameIn(detail.data.names, i18n.language)}</strong> ({detail.data.code}):{' '}
          {detail.data.predecessors.length > 0 &&
            `${t('admin.predecessors')}: ${lineage(detail.data.predecessors)}. `}
          {detail.data.successors.length > 0 &&
            `${t('admin.successors')}: ${lineage(detail.data.successors)}.`}
          {detail.data.predecessors.length + detail.data.successors.length === 0 &&
            t('admin.noLineage')}
        </Text>
      )}
      {canEdit && chosen && detail.data && (
        <UnitEditor
          key={`${chosen}|${detail.dataUpdatedAt}`}
          unit={detail.data}
          onSaved={() => {}}
        />
      )}
      {canEdit && <NewUnitForms onSaved={(code) => setChosen(code)} />}
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover data-testid="units-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.code')}</Table.Th>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.parent')}</Table.Th>
              <Table.Th>{t('admin.validity')}</Table.Th>
              <Table.Th>{t('overview.region')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((u) => (
              <Table.Tr
                key={u.code}
                onClick={() => setChosen(u.code)}
                style={{ cursor: 'pointer' }}
                aria-selected={chosen === u.code}
              >
                <Table.Td>
                  <button
                    type="button"
                    onClick={() => setChosen(u.code)}
                    style={{
                      all: 'unset',
                      cursor: 'pointer',
                      textDecoration: 'underline',
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {u.code}
                  </button>
                </Table.Td>
                <Table.Td>{nameIn(u.names, i18n.language)}</Table.Td>
                <Table.Td>{u.parent ?? ''}</Table.Td>
                <Table.Td>
                  {formatDate(u.valid_from, i18n.language)} –{' '}
                  {formatDate(u.valid_to, i18n.language)}{' '}
                  {u.valid_to && (
                    <Badge size="xs" color="gray" variant="light">
                      {t('admin.ended')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{u.attributes.region ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
