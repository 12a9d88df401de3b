import type { Sql } from '../../db/database.js';

/**
 * What a dashboard depends on, in one cheap read: the content revision (data, including drafts,
 * and every public definition) and what changes without raising it: workflow states (a reopened
 * approval), reporting calendars and quality rules. Read on every request, so a change committed
 * by any server process shows at once.
 */
export async function dashboardStamp(sql: Sql): Promise<string> {
  const { rows } = await sql.query<{ stamp: string }>(
    `select concat_ws('|',
       (select value from meta where key = 'content_revision'),
       (select count(*) || '.' || coalesce(sum(version), 0) from workflow_states),
       (select count(*) || '.' || coalesce(max(updated_at)::text, '') from reporting_calendars),
       (select count(*) || '.' || coalesce(max(updated_at)::text, '') from quality_rules)) as stamp`,
  );
  return rows[0]?.stamp ?? '';
}
