/** @jsxRuntime automatic */
import type { Report } from '../model.js';
import { Watermark } from './common/Watermark.js';
import { useReportLanguage } from './context.js';
import { PlanReportView } from './plan/PlanReportView.js';
import { reportStyles } from './styles.js';
import { UnitReportView } from './unit/UnitReportView.js';

/**
 * The whole document: language and direction on the root, the print stylesheet inline, nothing
 * fetched (fonts are the machine's, charts inline SVG), a draft's watermark on every page.
 */
export function ReportDocument({ report }: { report: Report }) {
  const { lang, labels } = useReportLanguage();
  return (
    <html lang={lang} dir={labels.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="dxmon" />
        <title>
          {report.draft ? `${report.title} (${labels.document.draftMark})` : report.title}
        </title>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the report's own stylesheet (styles.ts) */}
        <style dangerouslySetInnerHTML={{ __html: reportStyles(lang) }} />
      </head>
      <body className={report.draft ? `report ${report.kind} draft` : `report ${report.kind}`}>
        {report.draft && <Watermark />}
        {report.kind === 'unit' ? (
          <UnitReportView report={report} />
        ) : (
          <PlanReportView report={report} />
        )}
      </body>
    </html>
  );
}
