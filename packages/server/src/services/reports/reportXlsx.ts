import ExcelJS from 'exceljs';
import type { Language } from '../translations.js';
import type { PlanReport, Report, ReportTarget, UnitReport } from './model.js';
import { type LabelKey, label, stateLabel } from './xlsxLabels.js';

/**
 * A report as a workbook: a sheet per section, each with the report's title in its first row
 * (DRAFT first in a draft's, and in every page's header), its column headers in the report's
 * language in the second, then the rows. Numbers are stored as numbers with a number format
 * (scores 0.0, shares and growth 0.0%), dates as dates; Arabic sheets read right to left.
 */
export async function reportXlsx(report: Report): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const at = new Date(report.produced_at);
  workbook.creator = 'dxmon';
  workbook.title = report.title;
  // The same report gives the same properties: its data's time, not the time it was written.
  workbook.created = at;
  workbook.modified = at;
  const tables = report.kind === 'unit' ? unitTables(report) : planTables(report);
  for (const table of tables) addSheet(workbook, report, table);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A number with its format (for key-value sheets, where each row has its own). */
interface Formatted {
  number: number | null;
  format: string;
}
/** A label of xlsxLabels.ts, written in the report's language. */
interface Term {
  term: LabelKey;
}
type Cell = string | number | Date | null | Formatted | Term | { text: string; hyperlink: string };

interface Column {
  label: LabelKey;
  format?: string;
}

interface Table {
  sheet: LabelKey;
  /** Said after the sheet's name in its title row (a peers sheet's region). */
  subtitle?: string | null;
  columns: Column[];
  rows: Cell[][];
  /** Indent levels of the rows' second column (pillars under pillars). */
  indent?: number[];
}

const formats = {
  score: '0.0',
  change: '+0.0;-0.0;0.0',
  rank: '0',
  places: '+0;-0;0',
  share: '0.0%',
  growth: '0.0%',
  value: '#,##0.####',
  date: 'yyyy-mm-dd hh:mm',
} as const;

const num = (number: number | null, format: string): Formatted => ({ number, format });
const term = (key: LabelKey): Term => ({ term: key });
/** Shares the engine gives as percentages (0 to 100), stored as fractions for the % format. */
const percent = (x: number | null) => (x === null ? null : x / 100);

function unitTables(r: UnitReport): Table[] {
  const { lang } = r;
  const tables: Table[] = [
    unitSummary(r),
    {
      sheet: 'pillars',
      columns: [
        { label: 'code' },
        { label: 'pillar' },
        { label: 'score', format: formats.score },
        { label: 'rank', format: formats.rank },
        { label: 'change', format: formats.change },
        { label: 'regionMean', format: formats.score },
        { label: 'nationalMean', format: formats.score },
      ],
      rows: r.pillars.map((p) => [
        p.code,
        p.name,
        p.score,
        p.rank,
        p.change,
        p.region_mean,
        p.national_mean,
      ]),
      indent: r.pillars.map((p) => Math.max(0, (p.depth ?? 1) - 1)),
    },
    {
      sheet: 'history',
      columns: [
        { label: 'period' },
        { label: 'score', format: formats.score },
        { label: 'rank', format: formats.rank },
        { label: 'units', format: formats.rank },
        { label: 'derived' },
      ],
      rows: r.history.map((h) => [h.period, h.score, h.rank, h.units, yesNo(h.derived, lang)]),
    },
    {
      sheet: 'peers',
      subtitle: r.peers.region,
      columns: [
        { label: 'rank', format: formats.rank },
        { label: 'code' },
        { label: 'unit' },
        { label: 'score', format: formats.score },
        { label: 'self' },
      ],
      rows: r.peers.items.map((p) => [
        p.rank,
        p.unit,
        p.name,
        p.score,
        p.self ? label('yes', lang) : null,
      ]),
    },
    {
      sheet: 'whatLifts',
      columns: [
        { label: 'code' },
        { label: 'indicator' },
        { label: 'value', format: formats.value },
        { label: 'assumedValue', format: formats.value },
        { label: 'scoreGain', format: formats.change },
        { label: 'rankAfter', format: formats.rank },
      ],
      rows: r.what_lifts.map((w) => [
        w.indicator,
        w.name,
        w.value,
        w.assumed_value,
        w.score_gain,
        w.rank_after,
      ]),
    },
    targetsTable(
      r.plans.flatMap((p) => p.targets.map((t) => ({ plan: p.name, target: t }))),
      lang,
      true,
    ),
  ];
  if (r.children) tables.push(...childTables(r.children));
  tables.push(annexTable(r), methodologyTable(r));
  return tables;
}

function unitSummary(r: UnitReport): Table {
  const { lang, headline: h } = r;
  const interval = h.rank_interval;
  return keyValues('summary', [
    [term('unit'), r.unit.name],
    [term('code'), r.unit.code],
    [term('level'), r.unit.level],
    [term('framework'), r.framework.name],
    [term('version'), num(r.framework.version, formats.rank)],
    [term('period'), r.period],
    [term('score'), num(h.score, formats.score)],
    [term('rank'), num(h.rank, formats.rank)],
    [term('units'), num(h.units, formats.rank)],
    [term('previousPeriod'), h.previous_period],
    [term('scoreChange'), num(h.score_change, formats.change)],
    [term('rankChange'), num(h.rank_change, formats.places)],
    [term('rankP05'), num(interval?.p05 ?? null, formats.rank)],
    [term('rankMedian'), num(interval?.median ?? null, formats.rank)],
    [term('rankP95'), num(interval?.p95 ?? null, formats.rank)],
    [term('derived'), yesNo(h.derived, lang)],
    ...provenanceRows(r),
  ]);
}

function planTables(r: PlanReport): Table[] {
  const { plan, lang } = r;
  const s = plan.summary;
  return [
    keyValues('summary', [
      [term('plan'), plan.name],
      [term('code'), plan.id],
      [term('unit'), plan.unit?.name ?? null],
      [term('adoptedOn'), plan.adopted_on],
      [term('asOf'), r.as_of],
      [term('total'), num(s.total, formats.rank)],
      [term('achieved'), num(s.achieved, formats.rank)],
      [term('on-track'), num(s.on_track, formats.rank)],
      [term('off-track'), num(s.off_track, formats.rank)],
      [term('regressing'), num(s.regressing, formats.rank)],
      [term('insufficient-data'), num(s.insufficient_data, formats.rank)],
      [term('shareAchieved'), num(percent(s.share_achieved), formats.share)],
      ...provenanceRows(r),
    ]),
    targetsTable(
      plan.targets.map((target) => ({ plan: plan.name, target })),
      lang,
      false,
    ),
    {
      sheet: 'observations',
      columns: [
        { label: 'code' },
        { label: 'target' },
        { label: 'period' },
        { label: 'value', format: formats.value },
      ],
      rows: plan.targets.flatMap((t) => t.series.map((o) => [t.id, t.name, o.period, o.value])),
    },
  ];
}

function provenanceRows(r: Report): [Cell, Cell][] {
  return [
    [term('dataRevision'), num(r.data_revision, formats.rank)],
    [term('producedAt'), new Date(r.produced_at)],
  ];
}

function targetsTable(
  targets: { plan: string; target: ReportTarget }[],
  lang: Language,
  withPlan: boolean,
): Table {
  const columns: Column[] = [
    ...(withPlan ? [{ label: 'plan' as const }] : []),
    { label: 'code' },
    { label: 'target' },
    { label: 'indicator' },
    { label: 'measure' },
    { label: 'baselinePeriod' },
    { label: 'baseline', format: formats.value },
    { label: 'latestPeriod' },
    { label: 'latest', format: formats.value },
    { label: 'targetPeriod' },
    { label: 'targetValue', format: formats.value },
    { label: 'projection', format: formats.value },
    { label: 'requiredGrowth', format: formats.growth },
    { label: 'observedGrowth', format: formats.growth },
    { label: 'status' },
    { label: 'grade' },
  ];
  const rows = targets.map(({ plan, target: t }): Cell[] => [
    ...(withPlan ? [plan] : []),
    t.id,
    t.name,
    t.indicator_name,
    t.unit_of_measure,
    t.baseline_period,
    t.baseline_value,
    t.latest_period,
    t.latest_value,
    t.target_period,
    t.target_value,
    t.projected_value,
    t.required_growth,
    t.observed_growth,
    stateLabel(t.status, lang),
    t.grade === null ? null : stateLabel(t.grade, lang),
  ]);
  return { sheet: 'targets', columns, rows };
}

function childTables(children: NonNullable<UnitReport['children']>): Table[] {
  return [
    {
      sheet: 'criteria',
      columns: [
        { label: 'model' },
        { label: 'version' },
        { label: 'units', format: formats.rank },
        { label: 'met', format: formats.rank },
        { label: 'share', format: formats.share },
      ],
      rows: children.criteria.map((c) => [c.name, c.version, c.units, c.met, percent(c.share)]),
    },
    {
      sheet: 'children',
      columns: [
        { label: 'rank', format: formats.rank },
        { label: 'code' },
        { label: 'unit' },
        { label: 'score', format: formats.score },
      ],
      rows: children.ranking.map((c) => [c.rank, c.unit, c.name, c.score]),
    },
  ];
}

function annexTable(r: UnitReport): Table {
  return {
    sheet: 'annex',
    columns: [
      { label: 'code' },
      { label: 'element' },
      { label: 'measure' },
      { label: 'value', format: formats.value },
      { label: 'source' },
      { label: 'evidence' },
      { label: 'state' },
      { label: 'updatedAt', format: formats.date },
    ],
    rows: r.annex.map((a) => [
      a.element,
      a.name,
      a.unit_of_measure,
      a.value,
      a.source,
      link(a.evidence),
      stateLabel(a.state, r.lang),
      new Date(a.updated_at),
    ]),
  };
}

function methodologyTable(r: UnitReport): Table {
  const m = r.methodology;
  const u = m.uncertainty;
  const rows: [Cell, Cell][] = [
    [term('normalisation'), m.normalisation.method],
    [term('normalisationRange'), m.normalisation.range ? m.normalisation.range.join('–') : null],
    [term('aggregation'), m.aggregation],
    [term('dataThreshold'), num(m.data_threshold, 'General')],
    ...m.weights.map((w): [Cell, Cell] => [
      `${label('weight', r.lang)}: ${w.name}`,
      num(w.weight, 'General'),
    ]),
  ];
  if (u)
    rows.push(
      [term('uncertaintyRuns'), num(u.runs, formats.rank)],
      [term('uncertaintySeed'), num(u.seed, formats.rank)],
      [term('weightsSpread'), num(u.weights_spread, formats.share)],
      [term('uncertaintyNormalise'), u.normalise.join(', ')],
      [term('uncertaintyAggregate'), u.aggregate.join(', ')],
    );
  return keyValues('methodology', rows);
}

/** A sheet of labelled values, each row with its own number format. */
function keyValues(sheet: LabelKey, rows: [Cell, Cell][]): Table {
  return { sheet, columns: [{ label: 'item' }, { label: 'value' }], rows };
}

function yesNo(x: boolean, lang: Language): string {
  return label(x ? 'yes' : 'no', lang);
}

function link(evidence: string | null): Cell {
  return evidence && /^https?:\/\//.test(evidence)
    ? { text: evidence, hyperlink: evidence }
    : evidence;
}

/** `&` starts a code in Excel's headers and footers. */
const headerText = (text: string) => text.replaceAll('&', '&&');

function addSheet(workbook: ExcelJS.Workbook, report: Report, table: Table): void {
  const { lang } = report;
  const name = label(table.sheet, lang);
  const marker = report.draft ? `${label('draftMarker', lang)}: ` : '';
  const title = `${marker}${report.title} – ${name}${table.subtitle ? `: ${table.subtitle}` : ''}`;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2, rightToLeft: lang === 'ar' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToHeight: 0 },
    headerFooter: {
      oddHeader: report.draft
        ? `&C&"-,Bold"${headerText(label('draftMarker', lang))}`
        : `&C${headerText(report.title)}`,
      oddFooter: `&L${headerText(marker + report.title)}&R&P / &N`,
    },
  });
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const header = sheet.addRow(table.columns.map((c) => label(c.label, lang)));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF2' } };
  table.rows.forEach((cells, i) => {
    const row = sheet.addRow([]);
    cells.forEach((cell, j) => {
      writeCell(row.getCell(j + 1), cell, table.columns[j], lang);
    });
    const indent = table.indent?.[i];
    if (indent) row.getCell(2).alignment = { indent };
  });
  fitColumns(sheet, table);
}

function writeCell(
  target: ExcelJS.Cell,
  cell: Cell,
  column: Column | undefined,
  lang: Language,
): void {
  if (cell === null) return;
  if (typeof cell === 'object' && 'term' in cell) {
    target.value = label(cell.term, lang);
    return;
  }
  if (typeof cell === 'object' && 'format' in cell) {
    if (cell.number === null) return;
    target.value = cell.number;
    target.numFmt = cell.format;
    return;
  }
  target.value = cell;
  if (cell instanceof Date) target.numFmt = column?.format ?? formats.date;
  else if (typeof cell === 'number' && column?.format) target.numFmt = column.format;
}

function fitColumns(sheet: ExcelJS.Worksheet, table: Table): void {
  table.columns.forEach((c, j) => {
    const lengths = table.rows.map((r) => {
      const cell = r[j];
      if (cell === null || cell === undefined) return 0;
      if (typeof cell === 'string') return cell.length;
      if (cell instanceof Date) return 16;
      if (typeof cell === 'object') return 'text' in cell ? cell.text.length : 14;
      return 10;
    });
    const longest = Math.max(label(c.label, 'en').length, ...lengths);
    sheet.getColumn(j + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
}
