import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { getJson, type PlanSummary, type TargetAssessment } from '../api.js';
import { StatusBar } from '../components/StatusBar.js';
import { statusColour, TargetCard } from '../components/TargetCard.js';
import { chanceKey, formatChance } from '../forecast/forecastWords.js';
import { formatNumber, localeOf } from '../format.js';
import { useNames } from '../names.js';
import { ReportLinks } from '../reports/ReportLinks.js';

/** One plan: its scorecard, each target with its status and progress chart, and a table. */
export function Plan() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const names = useNames();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const plans = useQuery({
    queryKey: ['plans'],
    queryFn: ({ signal }) => getJson<{ items: PlanSummary[] }>('/api/plans', signal),
  });
  const targets = useQuery({
    queryKey: ['targets', id],
    queryFn: ({ signal }) =>
      getJson<{ items: TargetAssessment[] }>(`/api/targets?plan=${encodeURIComponent(id)}`, signal),
  });
  const plan = plans.data?.items.find((p) => p.id === id);
  const keep = params.get('lang') ? `?lang=${params.get('lang')}` : '';
  const failure = plans.error ?? targets.error;
  if (failure)
    return <Alert color="red">{t('state.error', { message: (failure as Error).message })}</Alert>;
  if (plans.isLoading || targets.isLoading) return <Loader size="sm" />;
  if (!plan) return <Alert color="yellow">{t('plans.notFound', { id })}</Alert>;
  const items = targets.data?.items ?? [];
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/plans${keep}`}>
        {t('plans.back')}
      </Anchor>
      <Title order={2}>{names.name('plan', plan.id, plan.name)}</Title>
      <Group gap="lg" align="center">
        <Text fw={700} size="lg" data-testid="scorecard">
          {t('plans.scorecard', { achieved: plan.summary.achieved, count: plan.summary.total })}
        </Text>
        <div style={{ minWidth: 260, flex: 1, maxWidth: 480 }}>
          <StatusBar summary={plan.summary} />
        </div>
        <Anchor size="sm" href={`/api/exports/targets.csv?plan=${encodeURIComponent(id)}`}>
          {t('overview.download')} CSV
        </Anchor>
        <Anchor size="sm" href={`/api/exports/targets.xlsx?plan=${encodeURIComponent(id)}`}>
          XLSX
        </Anchor>
      </Group>
      <ReportLinks subject={{ kind: 'plan', id }} />
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {items.map((target) => (
          <TargetCard key={target.id} target={target} />
        ))}
      </SimpleGrid>
      <Title order={3}>{t('plans.table')}</Title>
      <Table.ScrollContainer
        minWidth={880}
        // Scrolled sideways on phones: reachable and named for the keyboard (axe).
        scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('plans.table') } }}
      >
        <Table striped data-testid="targets-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plans.target')}</Table.Th>
              <Table.Th>{t('plans.unit')}</Table.Th>
              <Table.Th>{t('plans.baseline')}</Table.Th>
              <Table.Th>{t('plans.latest')}</Table.Th>
              <Table.Th>{t('plans.projected')}</Table.Th>
              <Table.Th>{t('targets.target')}</Table.Th>
              <Table.Th>{t('plans.status')}</Table.Th>
              <Table.Th>{t('forecast.probabilityColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>
                  {names.name('target', x.id, x.name ?? names.name('element', x.indicator))}
                </Table.Td>
                <Table.Td>{x.unit}</Table.Td>
                <Table.Td>
                  {formatNumber(x.baseline_value, language)} ({x.baseline_period ?? '–'})
                </Table.Td>
                <Table.Td>
                  {formatNumber(x.latest_value, language)} ({x.latest_period ?? '–'})
                </Table.Td>
                <Table.Td>{formatNumber(x.projected_value, language)}</Table.Td>
                <Table.Td>
                  {formatNumber(x.target_value, language)} ({x.target_period})
                </Table.Td>
                <Table.Td>
                  <Badge color={statusColour[x.status]} variant="light">
                    {t(`targets.status.${x.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{chanceCell(x.forecast?.probability ?? null, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A probability in the table: a percentage, '<1%' and '>99%' at the ends, a dash without one. */
function chanceCell(p: number | null, language: string): string {
  if (p === null) return '–';
  const key = chanceKey(p);
  const chance = formatChance(p, localeOf(language));
  return key === 'chanceBelow' ? `<${chance}` : key === 'chanceAbove' ? `>${chance}` : chance;
}
