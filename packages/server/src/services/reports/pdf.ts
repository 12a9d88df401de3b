import { withPage } from './browser.js';
import { labelsFor } from './labels.js';
import type { Report } from './model.js';
import { uiFont } from './render/fonts.js';
import { renderReportHtml } from './render/index.js';
import { pageMargins } from './render/styles.js';

export { closeBrowser } from './browser.js';
export { ChromiumMissing } from './chromium.js';

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/**
 * The page header and footer: Chromium renders them apart from the document, so they carry their
 * own font and size, and their own direction. The header names the report (and says DRAFT on a
 * draft); the footer gives the data revision and "page N of M".
 */
function pageTemplates(report: Report): { header: string; footer: string } {
  const labels = labelsFor(report.lang);
  const box = (content: string) =>
    `<div dir="${labels.dir}" style="box-sizing:border-box;width:100%;padding:0 ${pageMargins.left};display:flex;justify-content:space-between;align-items:baseline;gap:8mm;font-family:${escapeHtml(uiFont(report.lang))};font-size:7.5pt;line-height:1.3;color:#5b6675;-webkit-print-color-adjust:exact;">${content}</div>`;
  const title = `<span style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap;">${escapeHtml(report.title)}</span>`;
  const draft = report.draft
    ? `<span style="flex:none;color:#b3261e;font-weight:700;font-size:9pt;">${escapeHtml(labels.document.draftMark)}</span>`
    : '';
  const page = escapeHtml(labels.document.pageOf('\u0001', '\u0002'))
    .replace('\u0001', '<span class="pageNumber"></span>')
    .replace('\u0002', '<span class="totalPages"></span>');
  return {
    header: box(`${title}${draft}`),
    footer: box(
      `<span>${escapeHtml(labels.document.dataRevision(String(report.data_revision)))}</span><span style="flex:none;">${page}</span>`,
    ),
  };
}

/**
 * A report as an A4 PDF, printed by headless Chromium from the report's HTML: fonts embedded,
 * vector charts, the headings as the PDF's outline, tagged for accessibility, a header and page
 * numbers on every page. One browser serves the process; each report has a page of its own while
 * it prints (browser.ts), so reports print concurrently. ChromiumMissing when there is no
 * Chromium.
 */
export async function printPdf(report: Report): Promise<Uint8Array> {
  const html = renderReportHtml(report);
  const { header, footer } = pageTemplates(report);
  const pdf = await withPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    return page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: header,
      footerTemplate: footer,
      margin: pageMargins,
      outline: true,
      tagged: true,
    });
  });
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
