import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.js';
import type { ReportingStatus } from './reportingApi.js';

/** The round at a glance: units expected, submitted, on time, approved, and values present. */
export function SummaryTiles({ status }: { status: ReportingStatus }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const s = status.summary;
  const n = (x: number) => formatNumber(x, language);
  const percent = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : language, {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(s.value_completeness);
  const tiles = [
    {
      key: 'expected',
      value: n(s.expected),
      note: t('reporting.withValues', { n: n(s.with_values) }),
    },
    {
      key: 'submitted',
      value: n(s.submitted),
      note: t('reporting.ofExpected', { n: n(s.expected) }),
    },
    {
      key: 'onTime',
      value: n(s.on_time),
      note: t('reporting.lateOverdue', { late: n(s.late), overdue: n(s.overdue) }),
    },
    {
      key: 'approved',
      value: n(s.approved),
      note: t('reporting.ofExpected', { n: n(s.expected) }),
    },
    {
      key: 'completeness',
      value: percent,
      note: t('reporting.elements', { n: n(status.dataset.elements) }),
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" data-testid="reporting-summary">
      {tiles.map((tile) => (
        <Paper key={tile.key} withBorder p="sm" data-testid={`tile-${tile.key}`}>
          <Text size="sm" c="dimmed" fw={600}>
            {t(`reporting.tile.${tile.key}`)}
          </Text>
          <Text size="xl" fw={700} data-testid={`tile-${tile.key}-value`}>
            {tile.value}
          </Text>
          <Text size="xs" c="dimmed">
            {tile.note}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
