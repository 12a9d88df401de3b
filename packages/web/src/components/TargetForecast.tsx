import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TargetAssessment } from '../api.js';
import { chanceKey, formatChance, reasonText } from '../forecast/forecastWords.js';
import { localeOf } from '../format.js';
import { statusColour } from './targetStatus.js';

/** A target value in the reader's locale: a share as a percentage, other values as numbers (units of measure are not translated). */
export function targetValueText(target: TargetAssessment, language: string): string {
  const locale = localeOf(language);
  if (target.unit_of_measure === '%')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
      target.target_value / 100,
    );
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(target.target_value);
}

/**
 * The forecast's probability of meeting the target, in words, with Open SDG's status beside it
 * so that readers compare the two; without a forecast, why not.
 */
export function TargetForecast({ target }: { target: TargetAssessment }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const f = target.forecast;
  const p = f?.probability ?? null;
  return (
    <Group gap="xs" wrap="wrap" align="center" data-testid={`forecast-${target.id}`}>
      {f && p !== null ? (
        <Text size="sm" fw={600} data-testid={`probability-${target.id}`}>
          {t(`forecast.${chanceKey(p)}${target.direction === -1 ? 'Down' : ''}`, {
            chance: formatChance(p, localeOf(language)),
            target: targetValueText(target, language),
            period: target.target_period,
          })}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" data-testid={`forecast-reason-${target.id}`}>
          {f?.reason ? reasonText(f.reason, t) : t('forecast.reasonOther')}
        </Text>
      )}
      <Group gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t('forecast.openSdg')}
        </Text>
        <Badge color={statusColour[target.status]} variant="light" style={{ flexShrink: 0 }}>
          {t(`targets.status.${target.status}`)}
        </Badge>
      </Group>
    </Group>
  );
}
