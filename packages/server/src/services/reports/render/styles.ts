import type { Language } from '../../translations.js';
import { statusColour } from './charts/palette.js';
import { bodyFont, mathFont, uiFont } from './fonts.js';

/** Margins of an A4 page; pdf.ts gives Chromium the same, and sets its header and footer in them. */
export const pageMargins = { top: '22mm', right: '17mm', bottom: '20mm', left: '17mm' } as const;

/** A status's badge: its colour's tint behind its name in the colour. */
function statusRules(): string {
  return Object.entries(statusColour)
    .map(
      ([status, colour]) =>
        `.status-${status}{color:${colour};background:${colour}14;border-inline-start-color:${colour}}`,
    )
    .join('\n');
}

/**
 * The report's stylesheet, on screen and in print: A4 pages, calm type in the Noto fonts, tables
 * whose rows do not split and whose headers repeat on each page, headings kept with what follows,
 * figures kept whole. Logical properties (start, end, inline) make it right to left in Arabic.
 */
export function reportStyles(lang: Language): string {
  const arabic = lang === 'ar';
  // Letter-spacing would break Arabic's joined letters.
  const spaced = (em: number) => (arabic ? '0' : `${em}em`);
  return `
@page { size: A4; margin: ${pageMargins.top} ${pageMargins.right} ${pageMargins.bottom} ${pageMargins.left}; }
:root {
  --ink: #1d2733; --muted: #5b6675; --rule: #d5dbe3; --soft: #f3f6f9;
  --primary: #1f3a5f; --secondary: #2a7f8f; --accent: #c8741a; --danger: #b3261e;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: #fff; color: var(--ink);
  font-family: ${bodyFont(lang)}; font-size: ${arabic ? '10.5pt' : '9.5pt'};
  line-height: ${arabic ? 1.65 : 1.5};
  font-kerning: normal; text-rendering: optimizeLegibility;
}
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 14mm 17mm; } }
/* On a phone's screen (the web app frames the document): narrow margins, key figures two by two,
   wide tables scroll inside their box. Print keeps A4's layout. */
@media screen and (max-width: 600px) {
  body { padding: 5mm 4mm; }
  h1 { font-size: 18pt; }
  .key-figures { flex-wrap: wrap; }
  .key-figures > * { width: calc((100% - 3mm) / 2); }
  .contents ol { columns: 1; }
  table { display: block; overflow-x: auto; }
  svg { max-width: 100%; height: auto; }
}
h1, h2, h3 { color: var(--primary); line-height: 1.3; break-after: avoid; page-break-after: avoid; }
h2 + *, h3 + *, .lead + * { break-before: avoid; page-break-before: avoid; }
h1 { font-size: 24pt; font-weight: 700; margin: 0 0 1.5mm; }
h2 {
  font-size: 14pt; font-weight: 700; margin: 8mm 0 3.5mm; padding-bottom: 1.5mm;
  border-bottom: 1.2pt solid var(--primary);
}
h3 { font-size: 11pt; font-weight: 700; margin: 6mm 0 2mm; }
p { margin: 0 0 2.5mm; orphans: 3; widows: 3; }
a { color: var(--secondary); text-decoration: none; }
.section-number {
  display: inline-block; min-width: 8mm; color: var(--secondary);
  font-family: ${uiFont(lang)}; font-variant-numeric: tabular-nums;
}
.muted { color: var(--muted); }
.note { font-size: 8pt; color: var(--muted); }
.lead { font-size: ${arabic ? '11.5pt' : '10.5pt'}; }
.strong { font-weight: 700; }

/* Cover */
.cover { border-top: 3.5pt solid var(--primary); padding-top: 6mm; margin-bottom: 7mm; }
.kicker {
  font-family: ${uiFont(lang)}; font-size: 8.5pt; font-weight: 600; color: var(--secondary);
  text-transform: uppercase; letter-spacing: ${spaced(0.1)}; margin: 0 0 3mm;
}
.subtitle { font-size: 12pt; color: var(--muted); margin: 0 0 5mm; }
.facts { display: flex; flex-wrap: wrap; gap: 2mm 9mm; margin: 0; font-family: ${uiFont(lang)}; }
.facts dt {
  font-size: 7pt; color: var(--muted); text-transform: uppercase; letter-spacing: ${spaced(0.06)};
}
.facts dd { margin: 0; font-size: 9pt; font-weight: 600; }
.facts-plain { margin-bottom: 3mm; }
.draft-notice {
  margin: 5mm 0 0; padding: 2.5mm 4mm; color: #8a1c15; background: #fdf1f0; font-weight: 600;
  border: 0.75pt solid var(--danger); border-inline-start-width: 4pt;
}

/* Contents */
.contents { background: var(--soft); padding: 4mm 6mm 3mm; margin: 0 0 4mm; break-inside: avoid; }
.contents h2 { margin: 0 0 2mm; padding: 0; border: 0; font-size: 11pt; }
.contents ol { list-style: none; margin: 0; padding: 0; columns: 2; column-gap: 10mm; }
.contents li { margin: 0 0 1.2mm; break-inside: avoid; }
.contents a { color: var(--ink); }

/* Key figures */
.key-figures {
  display: flex; gap: 3mm; margin: 1mm 0 4mm; break-inside: avoid; font-family: ${uiFont(lang)};
}
.key-figures > * { flex: none; width: calc((100% - 9mm) / 4); }
.key-figure { border: 0.75pt solid var(--rule); border-top: 2.5pt solid var(--primary); padding: 2.5mm 3mm; }
.key-label { font-size: 7.5pt; color: var(--muted); text-transform: uppercase; letter-spacing: ${spaced(0.05)}; }
.key-value {
  font-size: 20pt; font-weight: 700; color: var(--primary); line-height: 1.25;
  font-variant-numeric: tabular-nums; white-space: nowrap;
}
.key-note { font-size: 7.5pt; color: var(--muted); line-height: 1.35; }

/* Tables */
table {
  width: 100%; border-collapse: collapse; margin: 2mm 0 4mm;
  font-family: ${uiFont(lang)}; font-size: 8.3pt; line-height: 1.35;
}
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr, figure, .key-figure, .target { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 1.3mm 2mm; text-align: start; vertical-align: top; border-bottom: 0.5pt solid var(--rule); }
thead th {
  background: #e9eef4; color: var(--primary); font-size: 7.6pt; font-weight: 600;
  vertical-align: bottom; border-bottom: 1pt solid var(--primary);
}
tbody th { font-weight: 500; }
tfoot th, tfoot td { border-top: 1pt solid var(--primary); border-bottom: 0; font-weight: 700; }
.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th.num { white-space: normal; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.code { display: block; font-size: 7pt; font-weight: 400; color: var(--muted); }
.code-cell { font-size: 7.5pt; color: var(--muted); white-space: nowrap; }
.period { display: block; font-size: 7pt; color: var(--muted); }
table.compact th, table.compact td { padding: 0.8mm 2mm; }
tr.derived th, tr.derived td { background: #f6f7f9; color: var(--muted); }
tr.sub th { padding-inline-start: 8mm; font-weight: 400; color: var(--muted); }
.mark { color: var(--accent); margin-inline-start: 0.6mm; font-weight: 700; }
.targets-table th.name { width: 32%; }
.annex .evidence { font-size: 7.3pt; word-break: break-all; }
.annex .date { white-space: nowrap; }
.state-approved { color: #2e7d32; }
.state-submitted { color: #b86e00; }
.state-draft, .state-reopened { color: var(--danger); }
.weights, .status-counts { width: auto; min-width: 60%; }
.ranking-columns { columns: 2; column-gap: 8mm; }
.ranking-columns table { margin-top: 0; }

/* Statuses */
.status {
  display: inline-block; padding: 0.3mm 1.8mm; border-radius: 0.8mm; border-inline-start: 2.5pt solid;
  font-family: ${uiFont(lang)}; font-size: 7.6pt; font-weight: 600; line-height: 1.4;
}
${statusRules()}

/* Figures */
.chart { margin: 2mm 0 4mm; }
.chart-svg svg { display: block; width: 100%; height: auto; }
figure { margin: 0; }
figcaption { font-family: ${uiFont(lang)}; font-size: 7.6pt; color: var(--muted); margin-top: 1mm; }
.formula {
  margin: 2mm 0 4mm; padding: 3mm 5mm; background: var(--soft);
  border-inline-start: 2.5pt solid var(--secondary);
}
.formula figcaption { margin: 0 0 1mm; font-size: 8pt; font-weight: 600; color: var(--primary); }
math { font-family: ${mathFont}; font-size: 12.5pt; }
.formula-math { margin: 1mm 0; }
.where { margin: 1mm 0 0; font-size: 8pt; color: var(--muted); }
.criteria { margin: 0 0 3mm; padding-inline-start: 5mm; font-size: ${arabic ? '11pt' : '10pt'}; }
.criteria li { margin-bottom: 1mm; }

/* Plans and targets */
.plan-meta {
  display: flex; flex-wrap: wrap; gap: 1mm 5mm; margin: -1mm 0 2mm;
  font-family: ${uiFont(lang)}; font-size: 8.3pt; color: var(--muted);
}
.plan-meta .code { display: inline; font-size: inherit; }
.plan-meta .strong { color: var(--ink); }
.target { border: 0.75pt solid var(--rule); border-radius: 1mm; padding: 3mm 4mm; margin: 0 0 4mm; }
.target-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 4mm; margin-bottom: 2mm; }
.target-head h3 { margin: 0; font-size: 10.5pt; break-after: auto; }
/* Kept with the heading inside the row, the badge would let Chromium split the target instead. */
.target-head h3 + * { break-before: auto; }
.target-head .status { flex: none; }
.target-body { display: flex; gap: 5mm; align-items: flex-start; }
.target-facts { flex: none; width: calc(46% - 2.5mm); }
.target-body > .target-chart { flex: none; width: calc(54% - 2.5mm); }
.target-facts { margin: 0; font-family: ${uiFont(lang)}; font-size: 8pt; }
.target-facts div { display: flex; justify-content: space-between; gap: 3mm; padding: 0.7mm 0; border-bottom: 0.5pt dotted var(--rule); }
.target-facts dt { color: var(--muted); }
.target-facts dd { margin: 0; font-weight: 600; text-align: end; }
.target-chart { margin: 0; }

/* End matter */
.colophon {
  margin-top: 10mm; padding-top: 2mm; border-top: 0.5pt solid var(--rule);
  font-family: ${uiFont(lang)}; font-size: 7.5pt; color: var(--muted);
}

/* A draft's watermark, repeated on every printed page */
.watermark {
  position: fixed; inset: 0; z-index: 10; pointer-events: none;
  display: flex; align-items: center; justify-content: center;
}
.watermark span {
  transform: rotate(-35deg); white-space: nowrap;
  font-family: ${uiFont(lang)}; font-size: 104pt; font-weight: 700; letter-spacing: ${spaced(0.06)};
  color: rgba(179, 38, 30, 0.1);
}
`;
}
