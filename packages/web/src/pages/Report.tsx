import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api.js';
import { type ReportSubject, reportUrl } from '../reports/reportAddress.js';
import { useMe } from '../session.js';

/**
 * A report as the reader will print it: the API's HTML document (the same one the PDF is printed
 * from) in a frame, with buttons to print it and to download it as PDF or XLSX. A signed-in user
 * may switch to the draft, which includes their unapproved values and says DRAFT on every page.
 */
export function Report({ kind }: { kind: 'unit' | 'plan' }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { code = '', id = '' } = useParams();
  const [params] = useSearchParams();
  const me = useMe();
  const [draft, setDraft] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(900);
  const subject: ReportSubject =
    kind === 'unit'
      ? {
          kind,
          code,
          framework: params.get('framework') ?? '',
          period: params.get('period') ?? '',
        }
      : { kind, id };
  const html = reportUrl(subject, 'html', language, draft);
  const report = useQuery({
    queryKey: ['report', html],
    queryFn: async ({ signal }) => {
      const res = await fetch(html, { signal, headers: { accept: 'text/html' } });
      if (!res.ok) {
        const problem = await res.json().catch(() => ({}));
        throw new ApiError(res.status, problem.title ?? res.statusText, problem.detail ?? '');
      }
      return res.text();
    },
  });
  const back =
    subject.kind === 'unit'
      ? `/units/${encodeURIComponent(subject.code)}?${new URLSearchParams({ framework: subject.framework, period: subject.period, lang: language })}`
      : `/plans/${encodeURIComponent(subject.id)}?lang=${language}`;
  // The frame grows to its document, so the page scrolls as one.
  const fit = () => {
    const body = frame.current?.contentDocument?.documentElement;
    if (body) setHeight(body.scrollHeight + 16);
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={back}>
        {subject.kind === 'unit' ? t('report.backToProfile') : t('report.backToPlan')}
      </Anchor>
      <Group gap="sm" data-testid="report-toolbar">
        <Button
          onClick={() => frame.current?.contentWindow?.print()}
          disabled={!report.data}
          data-testid="report-print"
        >
          {t('report.print')}
        </Button>
        <Button component="a" variant="light" href={reportUrl(subject, 'pdf', language, draft)}>
          {t('report.downloadAs', { format: 'PDF' })}
        </Button>
        <Button component="a" variant="light" href={reportUrl(subject, 'xlsx', language, draft)}>
          {t('report.downloadAs', { format: 'XLSX' })}
        </Button>
        {me.data && subject.kind === 'unit' && (
          <Switch
            checked={draft}
            onChange={(event) => setDraft(event.currentTarget.checked)}
            label={t('report.draft')}
            data-testid="report-draft"
          />
        )}
      </Group>
      {report.isLoading && (
        <Group>
          <Loader size="sm" />
          <Text>{t('report.preparing')}</Text>
        </Group>
      )}
      {report.error && (
        <Alert color="red" title={(report.error as ApiError).title}>
          {(report.error as Error).message}
        </Alert>
      )}
      {report.data && (
        <Paper withBorder shadow="xs" style={{ overflow: 'hidden' }}>
          <iframe
            ref={frame}
            title={t('report.title')}
            srcDoc={report.data}
            onLoad={fit}
            style={{ width: '100%', height, border: 0, display: 'block' }}
            data-testid="report-frame"
          />
        </Paper>
      )}
    </Stack>
  );
}
