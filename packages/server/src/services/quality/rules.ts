import { type ParsedRule, parseRule, RuleError } from '@dxmon/engine';
import type { Actor } from '../../auth/actor.js';
import { requireRole } from '../../auth/permissions.js';
import type { Database, Sql } from '../../db/database.js';
import { NotFound, ValidationFailed } from '../../http/problems.js';
import { recordAudit } from '../audit.js';
import { datasetElements } from '../datasets.js';

export type Severity = 'warning' | 'blocking';

/** A rule's message in the languages given (null: none; the expression speaks for itself). */
export interface RuleMessages {
  en: string | null;
  vi: string | null;
  ar: string | null;
}

/** A validation rule, as the API shows it. */
export interface QualityRule {
  id: string;
  dataset: string;
  expression: string;
  severity: Severity;
  message: RuleMessages;
  created_by: string;
  updated_at: string;
}

/** A stored rule with its parsed expression, ready to check. */
export type CheckedRule = QualityRule & ParsedRule;

export interface RuleRequest {
  dataset: string;
  expression: string;
  severity: Severity;
  message?: Partial<RuleMessages> | undefined;
}

interface RuleRow {
  id: string;
  dataset: string;
  expression: string;
  severity: Severity;
  message_en: string | null;
  message_vi: string | null;
  message_ar: string | null;
  created_by: string;
  updated_at: Date | string;
}

const columns =
  'id, dataset, expression, severity, message_en, message_vi, message_ar, created_by, updated_at';

function toRule(r: RuleRow): QualityRule {
  return {
    id: r.id,
    dataset: r.dataset,
    expression: r.expression,
    severity: r.severity,
    message: { en: r.message_en, vi: r.message_vi, ar: r.message_ar },
    created_by: r.created_by,
    updated_at: new Date(r.updated_at).toISOString(),
  };
}

/** The rules, optionally of one data set, by data set then id. */
export async function listRules(sql: Sql, dataset?: string): Promise<QualityRule[]> {
  const { rows } = await sql.query<RuleRow>(
    `select ${columns} from quality_rules where ($1::text is null or dataset = $1)
      order by dataset, id`,
    [dataset ?? null],
  );
  return rows.map(toRule);
}

/**
 * The rules parsed for checking, optionally of one data set. A stored rule was checked when it
 * was set and elements are never removed, so each parses.
 */
export async function checkedRules(sql: Sql, dataset?: string): Promise<CheckedRule[]> {
  return (await listRules(sql, dataset)).map((r) => ({ ...r, ...parseRule(r.expression) }));
}

const writers = ['admin', 'analyst'] as const;

/**
 * Sets (creates or replaces) the rule `id`: admins and analysts, audited. A data set that is
 * neither a framework nor a criteria model is a 400 naming `body.dataset`; an expression with a
 * syntax error or an unknown element a 400 naming `body.expression`, the position and the element.
 */
export async function putRule(
  database: Database,
  actorOrNone: Actor | undefined,
  id: string,
  request: RuleRequest,
): Promise<QualityRule> {
  const actor = requireRole(actorOrNone, writers, 'setting a data-quality rule');
  await requireDataset(database, request.dataset);
  const expression = request.expression.trim();
  const { rows: known } = await database.query<{ code: string }>(
    'select code from data_elements order by code',
  );
  requireExpression(
    expression,
    known.map((r) => r.code),
  );
  const text = (v: string | null | undefined) => v?.trim() || null;
  return database.transaction(async (sql) => {
    const before = (
      await sql.query<RuleRow>(`select ${columns} from quality_rules where id = $1`, [id])
    ).rows[0];
    const { rows } = await sql.query<RuleRow>(
      `insert into quality_rules
         (id, dataset, expression, severity, message_en, message_vi, message_ar, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (id) do update
          set dataset = excluded.dataset, expression = excluded.expression,
              severity = excluded.severity, message_en = excluded.message_en,
              message_vi = excluded.message_vi, message_ar = excluded.message_ar,
              created_by = excluded.created_by, updated_at = now()
       returning ${columns}`,
      [
        id,
        request.dataset,
        expression,
        request.severity,
        text(request.message?.en),
        text(request.message?.vi),
        text(request.message?.ar),
        actor.email ?? actor.name,
      ],
    );
    const after = toRule(rows[0] as RuleRow);
    await recordAudit(sql, actor, [
      {
        entity: 'quality_rule',
        key: id,
        action: before ? 'update' : 'create',
        before: before ? toRule(before) : null,
        after,
      },
    ]);
    return after;
  });
}

/** Removes the rule `id` (admins and analysts, audited), or a 404. */
export async function deleteRule(
  database: Database,
  actorOrNone: Actor | undefined,
  id: string,
): Promise<void> {
  const actor = requireRole(actorOrNone, writers, 'removing a data-quality rule');
  await database.transaction(async (sql) => {
    const { rows } = await sql.query<RuleRow>(
      `delete from quality_rules where id = $1 returning ${columns}`,
      [id],
    );
    const before = rows[0];
    if (!before) throw new NotFound(`there is no data-quality rule "${id}"`);
    await recordAudit(sql, actor, [
      { entity: 'quality_rule', key: id, action: 'delete', before: toRule(before) },
    ]);
  });
}

/** A framework or criteria model, or a 400 naming `body.dataset`. */
async function requireDataset(sql: Sql, dataset: string): Promise<void> {
  try {
    await datasetElements(sql, dataset);
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    throw new ValidationFailed(`body.dataset: ${error.message}`, [
      { field: 'body.dataset', message: error.message, value: dataset },
    ]);
  }
}

/** The expression parses and reads known elements only, or a 400 naming the place. */
function requireExpression(expression: string, known: string[]): void {
  try {
    parseRule(expression, known);
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    throw new ValidationFailed(`body.expression: ${error.message}`, [
      {
        field: 'body.expression',
        message: `${error.reason} at character ${error.position + 1}`,
        value: error.element ?? expression,
      },
    ]);
  }
}
