import type { Sql } from '../../db/database.js';
import { NotFound } from '../../http/problems.js';
import type { ReportingCalendar } from './calendars.js';
import { type ReportingSummary, reportingStatus } from './completeness.js';
import { reportingDataset, reportingLevel } from './dataset.js';

/** One round in a data set's history: its period, calendar and completeness summary. */
export interface ReportingRound {
  period: string;
  calendar: ReportingCalendar | null;
  summary: ReportingSummary;
}

export interface ReportingHistory {
  dataset: string;
  level: string;
  parent: string;
  items: ReportingRound[];
}

/** The rounds a history shows at most (the latest ones): each costs two queries. */
export const historyRounds = 12;

/**
 * Completeness and timeliness of a data set's rounds over time under `parent`: every period with
 * a calendar, a workflow state or a value of the data set (the latest `historyRounds`), oldest
 * first, each counted as `reportingStatus` counts it. Each period expects the units that existed
 * at its end, so a 2024 round counts 63 provinces and a 2025 round 34.
 */
export async function reportingHistory(
  sql: Sql,
  q: { dataset: string; parent: string; level?: string | undefined },
  today?: string,
): Promise<ReportingHistory> {
  const dataset = await reportingDataset(sql, q.dataset, 'query.dataset');
  const { rows: parents } = await sql.query('select 1 from units where code = $1', [q.parent]);
  if (parents.length === 0) throw new NotFound(`there is no unit "${q.parent}"`);
  const level = q.level ?? (await reportingLevel(sql, dataset.elements)) ?? 'province';
  const { rows } = await sql.query<{ period: string }>(
    `select period from reporting_calendars where dataset = $1
     union select period from workflow_states where dataset = $1
     union select distinct period from data_values where element = any($2::text[])
     order by period desc limit $3`,
    [dataset.id, dataset.elements, historyRounds],
  );
  const items: ReportingRound[] = [];
  for (const { period } of rows.reverse()) {
    const status = await reportingStatus(
      sql,
      { dataset: dataset.id, period, parent: q.parent, level },
      today,
    );
    items.push({ period, calendar: status.calendar, summary: status.summary });
  }
  return { dataset: dataset.id, level, parent: q.parent, items };
}
