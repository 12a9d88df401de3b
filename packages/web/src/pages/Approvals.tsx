import {
  Alert,
  Anchor,
  Badge,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { approves, useApprovalQueue } from '../entry/approvalQueue.js';
import { formatInstant, formatNumber, nameIn } from '../format.js';
import { useMe } from '../session.js';
import classes from './Approvals.module.css';

/**
 * The submissions waiting for the signed-in approver's (or admin's) approval, oldest first: a
 * row each with its unit, data set, period, when and by whom it was submitted and how many values
 * it holds and its data-quality issues (rules broken, outliers), linking to its data entry page, where it is approved or reopened with a reason.
 */
export function Approvals() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const me = useMe();
  const [params] = useSearchParams();
  const queue = useApprovalQueue(me.data);

  if (me.isLoading) return <Loader size="sm" />;
  if (!me.data)
    return (
      <Navigate to={{ pathname: '/sign-in', search: `next=/approvals&${params.toString()}` }} />
    );

  const lang = params.get('lang');
  const entryLink = (unit: string, dataset: string, period: string) => {
    const search = new URLSearchParams({ dataset, unit, period });
    if (lang) search.set('lang', lang);
    return { pathname: '/entry', search: search.toString() };
  };
  const total = queue.data?.total ?? 0;
  const n = formatNumber(total, language);

  return (
    <Stack gap="md">
      <Title order={2}>{t('approvals.title')}</Title>
      {!approves(me.data) ? (
        <Alert color="gray" data-testid="approvals-summary">
          {t('approvals.notApprover')}
        </Alert>
      ) : (
        <>
          <Text size="sm">{t('approvals.intro')}</Text>
          {queue.isLoading && <Loader size="sm" />}
          {queue.error && (
            <Alert color="red" role="alert">
              {t('state.error', { message: (queue.error as Error).message })}
            </Alert>
          )}
          {queue.data && (
            <Text fw={600} data-testid="approvals-summary">
              {total === 0 ? t('approvals.none') : t('approvals.count', { count: total, n })}
            </Text>
          )}
          {queue.data && queue.data.items.length > 0 && (
            <Table striped className={classes.queue} data-testid="approval-queue">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('approvals.unit')}</Table.Th>
                  <Table.Th>{t('entry.dataset')}</Table.Th>
                  <Table.Th>{t('overview.period')}</Table.Th>
                  <Table.Th>{t('approvals.submitted')}</Table.Th>
                  <Table.Th>{t('approvals.by')}</Table.Th>
                  <Table.Th className={classes.number}>{t('approvals.values')}</Table.Th>
                  <Table.Th>{t('quality.column')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('approvals.review')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data.items.map((item) => {
                  const unitName = nameIn(item.unit_names, language);
                  const datasetName = nameIn(item.dataset_names, language);
                  const dataset =
                    item.dataset_kind === 'criteria'
                      ? `${datasetName} (${t('entry.checklist')})`
                      : datasetName;
                  return (
                    <Table.Tr
                      key={`${item.unit}|${item.dataset}|${item.period}`}
                      data-testid={`queue-${item.unit}-${item.dataset}-${item.period}`}
                    >
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {unitName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {item.unit}
                        </Text>
                      </Table.Td>
                      <Table.Td data-label={t('entry.dataset')}>
                        <Text size="sm">{dataset}</Text>
                      </Table.Td>
                      <Table.Td data-label={t('overview.period')}>
                        <Text size="sm">{item.period}</Text>
                      </Table.Td>
                      <Table.Td data-label={t('approvals.submitted')}>
                        <Text size="sm">
                          <time dateTime={item.submitted_at}>
                            {formatInstant(item.submitted_at, language)}
                          </time>
                        </Text>
                      </Table.Td>
                      <Table.Td data-label={t('approvals.by')}>
                        <Text size="sm" title={item.submitted_by?.email}>
                          {item.submitted_by?.name ?? t('approvals.system')}
                        </Text>
                      </Table.Td>
                      <Table.Td data-label={t('approvals.values')} className={classes.number}>
                        <Text size="sm">{formatNumber(item.values, language)}</Text>
                      </Table.Td>
                      <Table.Td data-label={t('quality.column')}>
                        {item.quality.blocking + item.quality.warnings + item.quality.outliers ===
                        0 ? (
                          <Text size="sm" c="dimmed" data-testid="queue-quality">
                            {t('quality.none')}
                          </Text>
                        ) : (
                          <Badge
                            color={item.quality.blocking > 0 ? 'red' : 'orange'}
                            variant="light"
                            data-testid="queue-quality"
                          >
                            {t('quality.counts', {
                              blocking: formatNumber(item.quality.blocking, language),
                              warnings: formatNumber(item.quality.warnings, language),
                              outliers: formatNumber(item.quality.outliers, language),
                            })}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={entryLink(item.unit, item.dataset, item.period)}
                          size="sm"
                          fw={600}
                          data-testid="queue-review"
                        >
                          {t('approvals.review')}
                          <VisuallyHidden>
                            {`: ${unitName}, ${dataset}, ${item.period}`}
                          </VisuallyHidden>
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
