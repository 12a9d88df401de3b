import { Alert, Anchor, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getJson, type PlanSummary } from '../api.js';
import { StatusBar } from '../components/StatusBar.js';
import { formatDate } from '../format.js';
import { useNames } from '../names.js';

/** Every plan or resolution with its scorecard: how many of its targets are achieved. */
export function Plans() {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const [params] = useSearchParams();
  const plans = useQuery({
    queryKey: ['plans'],
    queryFn: ({ signal }) => getJson<{ items: PlanSummary[] }>('/api/plans', signal),
  });
  const keep = params.get('lang') ? `?lang=${params.get('lang')}` : '';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={2}>{t('plans.title')}</Title>
        <Group gap="sm">
          <Anchor size="sm" href="/api/exports/targets.csv">
            {t('overview.download')} CSV
          </Anchor>
          <Anchor size="sm" href="/api/exports/targets.xlsx">
            XLSX
          </Anchor>
        </Group>
      </Group>
      {plans.isLoading && <Loader size="sm" />}
      {plans.error && (
        <Alert color="red">{t('state.error', { message: (plans.error as Error).message })}</Alert>
      )}
      {plans.data?.items.length === 0 && <Text>{t('plans.none')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {plans.data?.items.map((plan) => (
          <Card key={plan.id} withBorder padding="md" data-testid={`plan-${plan.id}`}>
            <Stack gap="xs">
              <Anchor component={Link} to={`/plans/${encodeURIComponent(plan.id)}${keep}`} fw={600}>
                {names.name('plan', plan.id, plan.name)}
              </Anchor>
              <Text size="sm" c="dimmed">
                {plan.id}
                {plan.unit ? ` · ${plan.unit}` : ''}
                {plan.adopted_on
                  ? ` · ${t('plans.adopted', { date: formatDate(plan.adopted_on, i18n.language) })}`
                  : ''}
              </Text>
              <Text fw={700} data-testid="scorecard">
                {t('plans.scorecard', {
                  achieved: plan.summary.achieved,
                  count: plan.summary.total,
                })}
              </Text>
              <StatusBar summary={plan.summary} />
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
