import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { labelsFor } from '../labels.js';
import type { Report } from '../model.js';
import { ReportLanguageContext } from './context.js';
import { ReportDocument } from './ReportDocument.js';

/**
 * A report as a complete, standalone HTML document in its reader's language (`lang` and `dir` on
 * the root; right to left in Arabic): A4 print stylesheet, table of contents, charts as inline
 * SVG, fonts from the machine, nothing loaded from anywhere else. The same report gives the same
 * document. The PDF is printed from it (pdf.ts), and the web app shows it.
 */
export function renderReportHtml(report: Report): string {
  const language = { lang: report.lang, labels: labelsFor(report.lang) };
  const markup = renderToStaticMarkup(
    createElement(
      ReportLanguageContext.Provider,
      { value: language },
      createElement(ReportDocument, { report }),
    ),
  );
  return `<!DOCTYPE html>${markup}`;
}
