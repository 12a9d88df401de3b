import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ReportSubject, reportPage, reportUrl } from './reportAddress.js';

/**
 * "Report: open · PDF · XLSX" for a unit's profile or a plan, in the page's language: the report
 * page in the web app (to read and print) and the documents to download.
 */
export function ReportLinks({ subject }: { subject: ReportSubject }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Group gap="xs" data-testid="report-links">
      <Text size="sm" fw={600}>
        {t('report.title')}:
      </Text>
      <Anchor component={Link} size="sm" to={reportPage(subject, language)}>
        {t('report.open')}
      </Anchor>
      <Anchor size="sm" href={reportUrl(subject, 'pdf', language)} download>
        {t('report.downloadAs', { format: 'PDF' })}
      </Anchor>
      <Anchor size="sm" href={reportUrl(subject, 'xlsx', language)} download>
        {t('report.downloadAs', { format: 'XLSX' })}
      </Anchor>
    </Group>
  );
}
