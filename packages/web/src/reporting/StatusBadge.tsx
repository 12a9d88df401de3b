import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ReportingItem, statusColors, statusOf } from './reportingApi.js';

/** A unit's status in the round, coloured as on the map. */
export function StatusBadge({ item }: { item: ReportingItem }) {
  const { t } = useTranslation();
  const status = statusOf(item);
  return (
    <Badge color={statusColors[status]} variant="filled" data-testid={`status-${item.unit}`}>
      {t(`reporting.status.${status}`)}
    </Badge>
  );
}

/** On time or late, for a submitted unit with a calendar; nothing otherwise. */
export function TimelinessBadge({ item }: { item: ReportingItem }) {
  const { t } = useTranslation();
  if (item.on_time === null) return null;
  return (
    <Badge
      color={item.on_time ? statusColors.approved : statusColors.overdue}
      variant="outline"
      data-testid={`timeliness-${item.unit}`}
    >
      {item.on_time ? t('reporting.onTime') : t('reporting.late')}
    </Badge>
  );
}
