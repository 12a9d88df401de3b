import { Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanSummary, TargetAssessment } from '../api.js';
import { statusColour } from './TargetCard.js';

const order: TargetAssessment['status'][] = [
  'achieved',
  'on-track',
  'off-track',
  'regressing',
  'insufficient-data',
];

/** A plan's targets by status as one stacked bar, with the counts in words beside it. */
export function StatusBar({ summary }: { summary: PlanSummary['summary'] }) {
  const { t } = useTranslation();
  const counts: Record<TargetAssessment['status'], number> = {
    achieved: summary.achieved,
    'on-track': summary.on_track,
    'off-track': summary.off_track,
    regressing: summary.regressing,
    'insufficient-data': summary.insufficient_data,
  };
  const words = order
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${t(`targets.status.${s}`).toLowerCase()}`)
    .join(' · ');
  return (
    <div>
      <div
        role="img"
        aria-label={words}
        style={{ display: 'flex', height: 10, borderRadius: 5, overflow: 'hidden' }}
      >
        {order
          .filter((s) => counts[s] > 0)
          .map((s) => (
            <Tooltip key={s} label={`${t(`targets.status.${s}`)}: ${counts[s]}`}>
              <div
                style={{
                  flex: counts[s],
                  background: `var(--mantine-color-${statusColour[s]}-6)`,
                }}
              />
            </Tooltip>
          ))}
      </div>
      <Group gap="xs" mt={4}>
        <Text size="xs" c="dimmed">
          {words}
        </Text>
      </Group>
    </div>
  );
}
