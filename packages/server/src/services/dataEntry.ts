import type { Actor } from '../auth/actor.js';
import { dataWriteScope, requireActor } from '../auth/permissions.js';
import type { Database, Sql } from '../db/database.js';
import { Conflict, Forbidden, type ProblemField, UnprocessableContent } from '../http/problems.js';
import { periodRange } from '../imports/periodRange.js';
import { auditInsert } from './audit.js';
import { type RevisionRaise, raiseAtCommit, raiseNow } from './dataRevision.js';
import { lockUnitDataWrites } from './dataWriteLock.js';
import { checkEntry, type EntryWarning } from './quality/entryChecks.js';
import { type LockedState, lockedStates, workflowLocksOf } from './workflow.js';

export interface EnteredValue {
  unit: string;
  indicator: string;
  period: string;
  value: number | null;
  source?: string | null | undefined;
  evidence?: string | null | undefined;
  /**
   * The version the client saw (0 or none for a new cell): required to change a cell that has a
   * value; a different current version is a 409.
   */
  version?: number | undefined;
}

/** The values as stored, and the data-quality warnings about them (rules and outliers). */
export interface EntryResult {
  items: StoredValue[];
  warnings: EntryWarning[];
}

export interface StoredValue {
  unit: string;
  indicator: string;
  period: string;
  value: number | null;
  source: string | null;
  evidence: string | null;
  status: string;
  version: number;
}

interface CellRow {
  unit: string;
  element: string;
  period: string;
  value: number | null;
  source: string | null;
  evidence: string | null;
  status: string;
  version: number;
}

/**
 * Writes values entered in a form, all or none: every value is checked (unit, indicator, period,
 * the unit's existence in the period, the actor's right to the unit, the cell not locked by a
 * submitted or approved data set, the version the client saw: required to change a cell that has
 * a value) before anything is written. The checks read the database under the units' write lock,
 * so they still hold when the values are written. Each change is audited with the value before
 * and after; a changed value keeps its old version in the history. An officer's values are drafts
 * until approved; an admin's or analyst's are approved at once, like their imports. Last, the
 * data-quality rules: a blocking rule broken refuses the form (422 naming the values), warning
 * rules and outliers come back with the values stored.
 */
export async function enterValues(
  database: Database,
  actorOrNone: Actor | undefined,
  values: EnteredValue[],
): Promise<EntryResult> {
  const actor = requireActor(actorOrNone);
  const status = actor.role === 'admin' || actor.role === 'analyst' ? 'approved' : 'draft';
  const units = [...new Set(values.map((v) => v.unit))];
  return database.transaction(async (sql) => {
    // PGlite runs one transaction at a time (one connection): nobody can come between.
    if (database.kind !== 'pglite') await lockUnitDataWrites(sql, units);
    const found = await readCells(sql, actor, units, values);
    checkValues(actor, values, found);
    await checkLocks(sql, values, found.locks);
    const current = new Map(found.cells.map((r) => [cellKeyOf(r), r]));
    checkVersions(values, current);
    const warnings = await checkEntry(sql, values);

    // Unchanged values keep their version and get no audit row; the others are written.
    const stored = values.map((v) => current.get(keyOf(v)));
    const changes: Change[] = [];
    for (const [i, v] of values.entries()) {
      const before = stored[i];
      const next = {
        value: v.value,
        source: v.source?.trim() || null,
        evidence: v.evidence?.trim() || null,
      };
      if (
        !before ||
        before.value !== next.value ||
        before.source !== next.source ||
        before.evidence !== next.evidence
      )
        changes.push({ i, v, before, next });
    }
    if (changes.length > 0) {
      // On PostgreSQL forms run side by side: they raise the revisions as they commit.
      const raise = database.kind === 'pglite' ? raiseNow : raiseAtCommit;
      const written = await writeCells(sql, actor, changes, status, raise);
      for (const c of changes) stored[c.i] = written.get(keyOf(c.v));
    }
    return { items: stored.map((r) => storedOf(r as CellRow)), warnings };
  });
}

const keyOf = (v: EnteredValue) => `${v.unit}|${v.indicator}|${v.period}`;

/** A value to write: its place in the form, what was there and what replaces it. */
interface Change {
  i: number;
  v: EnteredValue;
  before: CellRow | undefined;
  next: Written;
}

interface Written {
  value: number | null;
  source: string | null;
  evidence: string | null;
}

/** What a form's checks read, in one statement. */
interface FoundCells {
  units: { code: string; valid_from: string; valid_to: string | null }[];
  elements: string[];
  /** The units the actor may write to, when that is some units only. */
  within: string[];
  locks: LockedState[];
  /** The cells that have a value, locked for update. */
  cells: CellRow[];
}

/**
 * Reads what the checks need in one round trip: the units and elements named, the submitted or
 * approved data sets of those units and periods, the cells that have a value (locked until the
 * transaction ends) and, for an officer writing units below their own, which of those lie below
 * it (as `canWriteData`: walking up at most 20 levels, like `ancestorsOf`).
 */
async function readCells(
  sql: Sql,
  actor: Actor,
  units: string[],
  values: EnteredValue[],
): Promise<FoundCells> {
  const scope = dataWriteScope(actor);
  const root = typeof scope === 'object' ? scope.within : null;
  // An officer's own unit is within their units: only the others need the walk up the tree.
  const below = units.filter((u) => root !== null && u !== root);
  const { rows } = await sql.query<FoundCells>(below.length > 0 ? readWithWalk : readPlain, [
    values.map((v) => v.unit),
    values.map((v) => v.indicator),
    values.map((v) => v.period),
    units,
    [...new Set(values.map((v) => v.period))],
    lockedStates,
    [...new Set(values.map((v) => v.indicator))],
    ...(below.length > 0 ? [below, root] : []),
  ]);
  const found = rows[0] as FoundCells;
  if (root !== null && units.includes(root)) found.within.push(root);
  return found;
}

/** `readCells`'s statement; with `walk`, also the units of $8 at or below the unit $9. */
function readCellsSql(walk: boolean): string {
  return `with recursive
       wanted(unit, element, period) as (
         select * from unnest($1::text[], $2::text[], $3::text[])),
       found_units as (
         select code, valid_from::text as valid_from, valid_to::text as valid_to
           from units where code = any($4::text[])),
       locks as (
         select unit, dataset, period, state from workflow_states
          where unit = any($4::text[]) and period = any($5::text[]) and state = any($6::text[])),
       cells as (
         select d.unit, d.element, d.period, d.value, d.source, d.evidence, d.status, d.version
           from data_values d
           join wanted w on d.unit = w.unit and d.element = w.element and d.period = w.period
            for update of d)${
              walk
                ? `,
       up(origin, code, parent, depth) as (
         select code, code, parent, 0 from units where code = any($8::text[])
         union all
         select up.origin, u.code, u.parent, up.depth + 1 from units u join up on u.code = up.parent
          where up.depth < 20)`
                : ''
            }
     select coalesce((select json_agg(found_units) from found_units), '[]') as units,
            coalesce((select json_agg(code) from data_elements where code = any($7::text[])), '[]')
              as elements,
            ${walk ? `coalesce((select json_agg(distinct origin) from up where code = $9), '[]')` : `'[]'::json`} as within,
            coalesce((select json_agg(locks) from locks), '[]') as locks,
            coalesce((select json_agg(cells) from cells), '[]') as cells`;
}
const readPlain = readCellsSql(false);
const readWithWalk = readCellsSql(true);

/** The form's own problems (422), then the units the actor may not write to (403). */
function checkValues(actor: Actor, values: EnteredValue[], found: FoundCells): void {
  const unitsFound = new Map(found.units.map((r) => [r.code, r]));
  const elements = new Set(found.elements);
  const scope = dataWriteScope(actor);
  const within = new Set(found.within);
  const problems: ProblemField[] = [];
  const forbidden: ProblemField[] = [];
  const seen = new Map<string, number>();
  for (const [i, v] of values.entries()) {
    const at = `body.values[${i}]`;
    const unit = unitsFound.get(v.unit);
    if (!unit) problems.push({ field: `${at}.unit`, message: 'no such unit', value: v.unit });
    if (!elements.has(v.indicator))
      problems.push({
        field: `${at}.indicator`,
        message: 'not a known indicator or data element',
        value: v.indicator,
      });
    const range = periodRange(v.period);
    if (!range) {
      problems.push({ field: `${at}.period`, message: 'not a period', value: v.period });
    } else if (
      unit &&
      (range.end < unit.valid_from || (unit.valid_to && range.start > unit.valid_to))
    ) {
      problems.push({
        field: `${at}.period`,
        message: `${v.unit} did not exist in ${v.period}`,
        value: v.period,
      });
    }
    if (v.evidence && !/^https?:\/\/\S+$/.test(v.evidence))
      problems.push({
        field: `${at}.evidence`,
        message: 'a link: http:// or https://',
        value: v.evidence,
      });
    const key = `${v.unit}|${v.indicator}|${v.period}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({ field: at, message: `the same cell as body.values[${first}]`, value: key });
    else seen.set(key, i);
    if (unit && scope !== 'all' && !within.has(v.unit))
      forbidden.push({
        field: `${at}.unit`,
        message: 'outside the units you may enter data for',
        value: v.unit,
      });
  }
  if (problems.length > 0)
    throw new UnprocessableContent(
      `${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`,
      problems,
    );
  if (forbidden.length > 0)
    throw new Forbidden(
      `you may not enter data for ${[...new Set(forbidden.map((f) => f.value))].join(', ')}`,
      forbidden,
    );
}

/** Cells of a submitted or approved data set (409): it must be reopened first. */
async function checkLocks(sql: Sql, values: EnteredValue[], locks: LockedState[]): Promise<void> {
  const lockOf = await workflowLocksOf(sql, locks);
  const problems: ProblemField[] = [];
  for (const [i, v] of values.entries()) {
    const l = lockOf(v.unit, v.indicator, v.period);
    if (l)
      problems.push({
        field: `body.values[${i}]`,
        message: `locked: ${l.dataset} for ${v.unit} ${v.period} is ${l.state}; it must be reopened first`,
        value: `${v.unit}|${v.indicator}|${v.period}`,
      });
  }
  if (problems.length > 0)
    throw new Conflict(
      `${problems.length} value${problems.length === 1 ? ' is' : 's are'} locked; nothing was written`,
      problems,
    );
}

/**
 * The version each value was read at (409 if the cell changed since): required for a cell that
 * has a value, so that nobody replaces a value they have not seen; 0 or none for a new cell.
 */
function checkVersions(values: EnteredValue[], current: Map<string, CellRow>): void {
  const problems: ProblemField[] = [];
  for (const [i, v] of values.entries()) {
    const have = current.get(`${v.unit}|${v.indicator}|${v.period}`)?.version ?? 0;
    const field = `body.values[${i}].version`;
    if (v.version === undefined && have > 0)
      problems.push({
        field,
        message: `required to change a value: send the version you read (the current version is ${have})`,
      });
    else if (v.version !== undefined && v.version !== have)
      problems.push({
        field,
        message: `changed since you saw it: the current version is ${have}`,
        value: v.version,
      });
  }
  if (problems.length > 0)
    throw new Conflict(
      `${problems.length} value${problems.length === 1 ? ' was' : 's were'} changed by someone else or sent without the version read; reload them; nothing was written`,
      problems,
    );
}

/**
 * Writes the changed cells, their audit rows and the raising of the revisions in one statement
 * (one round trip): the values replaced go to the history, the new ones take the next version (an
 * approved value also becomes the published copy). Under the units' lock, with the cells read for
 * update, each row written is known beforehand, so the audit rows are built first; the rows
 * written are checked against them.
 */
async function writeCells(
  sql: Sql,
  actor: Actor,
  changes: Change[],
  status: string,
  raise: RevisionRaise,
): Promise<Map<string, CellRow>> {
  const author = actor.email ?? actor.name;
  const replaced = changes.flatMap((c) => (c.before ? [c.before] : []));
  const expected = changes.map(({ v, before, next }) => ({
    before,
    after: {
      unit: v.unit,
      element: v.indicator,
      period: v.period,
      ...next,
      status,
      version: (before?.version ?? 0) + 1,
    },
  }));
  const audit = auditInsert(
    actor,
    expected.map(({ before, after }) => ({
      entity: 'data_value',
      key: cellKeyOf(after),
      unit: after.unit,
      action: before ? 'update' : 'create',
      before: before ? storedOf(before) : null,
      after: storedOf(after),
    })),
    15,
  );
  const { rows } = await sql.query<CellRow>(
    `with history as (
       insert into data_value_history (unit, element, period, value, source, version, replaced_by)
       select h.*, $13 from unnest($7::text[], $8::text[], $9::text[], $10::float8[], $11::text[],
                                   $12::int[]) as h),
     written as (
       insert into data_values (unit, element, period, value, source, evidence, status, author,
                                version, approved_value, approved_version)
       select c.unit, c.element, c.period, c.value, c.source, c.evidence, $14, $13, 1,
              case when $14 = 'approved' then c.value end, case when $14 = 'approved' then 1 end
         from unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::text[])
              as c(unit, element, period, value, source, evidence)
       on conflict (unit, element, period) do update
          set value = excluded.value, source = excluded.source, evidence = excluded.evidence,
              status = excluded.status, author = excluded.author, import_id = null,
              version = data_values.version + 1, updated_at = now(),
              approved_value = case when excluded.status = 'approved' then excluded.value
                                    else data_values.approved_value end,
              approved_version = case when excluded.status = 'approved' then data_values.version + 1
                                      else data_values.approved_version end
       returning unit, element, period, value, source, evidence, status, version),
     audit as (${audit.text}),
     ${raise.with}
     select written.*, ${raise.select} from written`,
    [
      changes.map((c) => c.v.unit),
      changes.map((c) => c.v.indicator),
      changes.map((c) => c.v.period),
      changes.map((c) => c.next.value),
      changes.map((c) => c.next.source),
      changes.map((c) => c.next.evidence),
      replaced.map((r) => r.unit),
      replaced.map((r) => r.element),
      replaced.map((r) => r.period),
      replaced.map((r) => r.value),
      replaced.map((r) => r.source),
      replaced.map((r) => r.version),
      author,
      status,
      ...audit.params,
    ],
  );
  const written = new Map(rows.map((r) => [cellKeyOf(r), r]));
  for (const { after } of expected) {
    const row = written.get(cellKeyOf(after));
    if (row?.version !== after.version || row.status !== after.status)
      throw new Error(
        `${cellKeyOf(after)}: written as ${JSON.stringify(row)}, audited as ${JSON.stringify(after)}`,
      );
  }
  return written;
}

const cellKeyOf = (r: { unit: string; element: string; period: string }) =>
  `${r.unit}|${r.element}|${r.period}`;

function storedOf(r: CellRow): StoredValue {
  return {
    unit: r.unit,
    indicator: r.element,
    period: r.period,
    value: r.value,
    source: r.source,
    evidence: r.evidence,
    status: r.status,
    version: r.version,
  };
}
