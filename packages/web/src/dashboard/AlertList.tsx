import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatInstant, formatNumber, nameIn } from '../format.js';
import { useNames } from '../names.js';
import classes from './Dashboard.module.css';
import type { DashboardAlert } from './dashboardApi.js';
import { isNew, type Visit } from './lastVisit.js';

const severityColour = { critical: 'red.9', warning: '#8a4600', info: 'blue.9' } as const;

type Texts = Record<string, string | null> | undefined;

/** Alerts listed before "show all": a screen's worth on a wall, a few thumbs on a phone. */
const shortList = 8;

/**
 * What needs attention, most severe and most recent first: each alert in the reader's language,
 * its unit, when it arose, where to act, and "new" when it arose since the reader's last visit.
 */
export function AlertList({
  alerts,
  visit,
  keepLanguage,
}: {
  alerts: DashboardAlert[];
  visit: Visit | null;
  keepLanguage: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const names = useNames();
  const dataset = (id: unknown) =>
    names.short('framework', String(id), names.short('model', String(id)));
  const [all, setAll] = useState(false);

  const message = (a: DashboardAlert): string => {
    const p = a.params;
    const unit = nameIn(a.unit.names, language);
    switch (a.kind) {
      case 'target-off-track':
      case 'target-regressing':
        return t(`dashboard.alert.${a.kind}`, {
          target: names.name('target', String(p.target), (p.target_name as string | null) ?? null),
          plan: String(p.plan),
          latest: formatNumber(p.latest_value as number | null, language),
          target_value: formatNumber(p.target_value as number, language),
          target_period: p.target_period,
        });
      case 'quality-blocking': {
        const own = p.rule_message as Texts;
        const rule =
          (language === 'vi' ? own?.vi : language === 'ar' ? own?.ar : own?.en) ??
          own?.en ??
          String(p.expression);
        return t('dashboard.alert.quality-blocking', { unit, rule, period: p.period });
      }
      default:
        return t(`dashboard.alert.${a.kind}`, {
          unit,
          dataset: dataset(p.dataset),
          period: p.period,
          due: formatDate(p.due_on as string | undefined, language),
        });
    }
  };

  if (alerts.length === 0)
    return (
      <Text data-testid="no-alerts" size="lg">
        {t('dashboard.noAlerts')}
      </Text>
    );
  const fresh = alerts.filter((a) => isNew(visit, a)).length;
  // New ones first, then as the server orders them (most severe, most recent).
  const ordered = [
    ...alerts.filter((a) => isNew(visit, a)),
    ...alerts.filter((a) => !isNew(visit, a)),
  ];
  const shown = all ? ordered : ordered.slice(0, shortList);
  return (
    <>
      {fresh > 0 && (
        <Text size="sm" mb="xs" data-testid="new-count">
          {t('dashboard.newSince', { count: fresh, n: formatNumber(fresh, language) })}
        </Text>
      )}
      <ul className={classes.alerts} data-testid="alerts">
        {shown.map((a) => {
          const isFresh = isNew(visit, a);
          return (
            <li
              key={a.id}
              className={`${classes.alert} ${classes[a.severity]} ${isFresh ? classes.fresh : ''}`}
              data-testid={`alert-${a.id}`}
              data-kind={a.kind}
            >
              <Group gap="xs" wrap="wrap" mb={4}>
                <Badge color={severityColour[a.severity]} size="sm">
                  {t(`dashboard.severity.${a.severity}`)}
                </Badge>
                {isFresh && (
                  <Badge color="teal.9" size="sm" data-testid="alert-new">
                    {t('dashboard.new')}
                  </Badge>
                )}
                <Text size="sm" c="gray.8">
                  {formatInstant(a.since, language)}
                </Text>
              </Group>
              <Anchor
                component={Link}
                to={`${a.link}${keepLanguage ? `${a.link.includes('?') ? '&' : '?'}${keepLanguage}` : ''}`}
                inherit
              >
                {message(a)}
              </Anchor>
            </li>
          );
        })}
      </ul>
      {ordered.length > shortList && (
        <Button
          variant="subtle"
          mt="xs"
          onClick={() => setAll(!all)}
          aria-expanded={all}
          data-testid="alerts-all"
        >
          {all
            ? t('dashboard.fewerAlerts')
            : t('dashboard.allAlerts', { n: formatNumber(ordered.length, language) })}
        </Button>
      )}
    </>
  );
}
