import type { Sql } from '../../db/database.js';
import { contentRevision, dataRevision } from '../dataRevision.js';

/** The state of the database a report is made from. */
export interface ReportRevision {
  /** Raised by every change to data values (what the figures are computed from). */
  data_revision: number;
  /** Raised by every change to what a report shows: data, names, plans, frameworks, units. */
  content_revision: number;
  /** ISO 8601: when that state was reached (the latest audited change to it). */
  produced_at: string;
}

/** The audit trail's entities whose changes raise the content revision (users and tokens do not). */
const contentEntities = [
  'criteria_model',
  'data_value',
  'framework',
  'import',
  'lineage',
  'plan',
  'target',
  'translation',
  'unit',
  'workflow',
];

/**
 * The revisions and the time of the latest change to the content: the same content revision
 * gives the same `produced_at`, so the same request gives the same document. The audit trail has
 * the time of every change; a database whose values were written without it (none is, but older
 * ones may have been) falls back on the values' own times.
 */
export async function reportRevision(sql: Sql): Promise<ReportRevision> {
  const [data, content, { rows }] = await Promise.all([
    dataRevision(sql),
    contentRevision(sql),
    sql.query<{ at: Date | string | null }>(
      `select coalesce((select max(at) from audit_log where entity = any($1::text[])),
                       (select max(updated_at) from data_values)) as at`,
      [contentEntities],
    ),
  ]);
  const at = rows[0]?.at;
  return {
    data_revision: data,
    content_revision: content,
    produced_at: new Date(at ?? 0).toISOString(),
  };
}
