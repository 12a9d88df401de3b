import type { Sql } from '../../db/database.js';
import { NotFound, ValidationFailed } from '../../http/problems.js';
import { periodRange } from '../../imports/periodRange.js';
import type { WorkflowState } from '../workflow.js';
import { calendarOf, type ReportingCalendar } from './calendars.js';
import { reportingDataset, reportingLevel } from './dataset.js';

type Names = { en: string; vi: string | null; ar: string | null };

export interface ReportingItem {
  unit: string;
  names: Names;
  parent: string | null;
  state: WorkflowState;
  /** When the submission that stands was made (submitted or approved), else null. */
  submitted_at: string | null;
  /** When it was approved, while approved, else null. */
  approved_at: string | null;
  /** Submitted on or before the due date (UTC days); null when not submitted or no calendar. */
  on_time: boolean | null;
  /** Not submitted and the due date has passed. */
  overdue: boolean;
  /** How many of the data set's elements have a value for the unit and period. */
  values: number;
}

export interface ReportingSummary {
  expected: number;
  with_values: number;
  submitted: number;
  on_time: number;
  late: number;
  overdue: number;
  approved: number;
  /** Share of the expected (unit x element) values present, 0 to 1. */
  value_completeness: number;
}

export interface ReportingStatus {
  dataset: { id: string; kind: 'framework' | 'criteria'; name: string; elements: number };
  period: string;
  level: string;
  parent: string;
  calendar: ReportingCalendar | null;
  summary: ReportingSummary;
  items: ReportingItem[];
}

interface Row {
  code: string;
  parent: string | null;
  name_en: string;
  name_vi: string | null;
  name_ar: string | null;
  state: WorkflowState | null;
  n: number;
  submitted_at: Date | string | null;
  approved_at: Date | string | null;
}

/**
 * Completeness and timeliness of a data set's reporting for a period under `parent` (at any
 * depth): the units expected (those of the data set's level that existed at the period's end, so a
 * unit merged away during the period reports through its successor), their workflow state, when
 * the standing submission and the approval were made (from the audit trail), whether it was on
 * time by the calendar, and how many of the data set's values are present. Two queries.
 */
export async function reportingStatus(
  sql: Sql,
  q: { dataset: string; period: string; parent: string; level?: string | undefined },
  today = new Date().toISOString().slice(0, 10),
): Promise<ReportingStatus> {
  const range = periodRange(q.period);
  if (!range)
    throw new ValidationFailed('not a period', [
      { field: 'query.period', message: 'not a period', value: q.period },
    ]);
  const dataset = await reportingDataset(sql, q.dataset, 'query.dataset');
  const { rows: parents } = await sql.query('select 1 from units where code = $1', [q.parent]);
  if (parents.length === 0) throw new NotFound(`there is no unit "${q.parent}"`);
  const level = q.level ?? (await reportingLevel(sql, dataset.elements)) ?? 'province';
  const calendar = (await calendarOf(sql, dataset.id, q.period)) ?? null;
  const { rows } = await sql.query<Row>(
    `with recursive below(code) as (
       select code from units where code = $1
       union
       select u.code from units u join below b on u.parent = b.code),
     expected as (
       select u.code, u.parent, u.name_en, u.name_vi, u.name_ar, u.code || $5 as key
         from units u join below b on b.code = u.code
        where u.level = $2 and u.valid_from <= $3::date
          and (u.valid_to is null or u.valid_to >= $3::date)),
     present as (
       select d.unit, count(*)::int as n from data_values d join expected e on e.code = d.unit
        where d.period = $4 and d.element = any($6::text[]) and d.value is not null
        group by d.unit),
     events as (
       select a.entity_key,
              max(a.at) filter (where a.action = 'submit') as submitted_at,
              max(a.at) filter (where a.action = 'approve') as approved_at
         from audit_log a join expected e on a.entity_key = e.key
        where a.entity = 'workflow'
        group by a.entity_key)
     select e.code, e.parent, e.name_en, e.name_vi, e.name_ar, w.state, coalesce(p.n, 0) as n,
            case when w.state in ('submitted', 'approved') then ev.submitted_at end as submitted_at,
            case when w.state = 'approved' then ev.approved_at end as approved_at
       from expected e
       left join present p on p.unit = e.code
       left join workflow_states w on w.unit = e.code and w.dataset = $7 and w.period = $4
       left join events ev on ev.entity_key = e.key
      order by e.code`,
    [
      q.parent,
      level,
      range.end,
      q.period,
      `|${dataset.id}|${q.period}`,
      dataset.elements,
      dataset.id,
    ],
  );
  const items = rows.map((r) => toItem(r, calendar, today));
  return {
    dataset: {
      id: dataset.id,
      kind: dataset.kind,
      name: dataset.name,
      elements: dataset.elements.length,
    },
    period: q.period,
    level,
    parent: q.parent,
    calendar,
    summary: summarise(items, dataset.elements.length),
    items,
  };
}

function iso(at: Date | string | null): string | null {
  return at === null ? null : new Date(at).toISOString();
}

const isSubmitted = (state: WorkflowState) => state === 'submitted' || state === 'approved';

function toItem(r: Row, calendar: ReportingCalendar | null, today: string): ReportingItem {
  const submittedAt = iso(r.submitted_at);
  const state = r.state ?? 'draft';
  return {
    unit: r.code,
    names: { en: r.name_en, vi: r.name_vi, ar: r.name_ar },
    parent: r.parent,
    state,
    submitted_at: submittedAt,
    approved_at: iso(r.approved_at),
    on_time:
      submittedAt === null || calendar === null
        ? null
        : submittedAt.slice(0, 10) <= calendar.due_on,
    overdue: !isSubmitted(state) && calendar !== null && today > calendar.due_on,
    values: r.n,
  };
}

function summarise(items: ReportingItem[], elements: number): ReportingSummary {
  const count = (f: (i: ReportingItem) => boolean) => items.filter(f).length;
  const present = items.reduce((sum, i) => sum + Math.min(i.values, elements), 0);
  const possible = items.length * elements;
  return {
    expected: items.length,
    with_values: count((i) => i.values > 0),
    submitted: count((i) => isSubmitted(i.state)),
    on_time: count((i) => i.on_time === true),
    late: count((i) => i.on_time === false),
    overdue: count((i) => i.overdue),
    approved: count((i) => i.state === 'approved'),
    value_completeness: possible === 0 ? 0 : present / possible,
  };
}
