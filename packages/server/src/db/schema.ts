// The database schema (Drizzle). Migrations in packages/server/drizzle are generated from this
// file by drizzle-kit (`npm run db:generate -w @dxmon/server`); the same SQL runs on PGlite and
// PostgreSQL. Table rows are not the API's shapes: routes map them explicitly.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** An administrative unit over the dates it existed: a country, province, district or commune. */
export const units = pgTable(
  'units',
  {
    code: text('code').primaryKey(),
    level: text('level').notNull(),
    parent: text('parent'),
    nameEn: text('name_en').notNull(),
    nameVi: text('name_vi'),
    nameAr: text('name_ar'),
    /** First and last day of the unit's existence; valid_to null while it exists. */
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    /** Unit attributes such as region, used for groups and peer ranks. */
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    /** The unit's outline as a GeoJSON geometry (Polygon or MultiPolygon, WGS 84), for maps. */
    geometry: jsonb('geometry').$type<{ type: string; coordinates: unknown }>(),
  },
  (t) => [
    index('units_parent_idx').on(t.parent),
    index('units_level_idx').on(t.level),
    check('units_validity', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Boundary changes: each row links one predecessor to one successor on a date. */
export const lineageEvents = pgTable(
  'lineage_events',
  {
    id: serial('id').primaryKey(),
    event: text('event').notNull(), // merge | split | rename
    date: date('date').notNull(),
    predecessor: text('predecessor')
      .notNull()
      .references(() => units.code),
    successor: text('successor')
      .notNull()
      .references(() => units.code),
    note: text('note'),
  },
  (t) => [
    index('lineage_predecessor_idx').on(t.predecessor),
    index('lineage_successor_idx').on(t.successor),
  ],
);

/**
 * A raw variable or an indicator series that data values are recorded for. `aggregation` says how
 * values of merged units combine: sum (counts), mean, weighted mean (by `weightElement`), or none.
 */
export const dataElements = pgTable('data_elements', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  unitOfMeasure: text('unit_of_measure'),
  aggregation: text('aggregation').notNull().default('mean'),
  weightElement: text('weight_element'),
});

/**
 * One value of one element for one unit and period, with its provenance.
 *
 * No foreign keys to units and data elements, and no index but the key: the per-row checks of
 * those would triple the cost of a million-value import (20 s instead of 7 on PostgreSQL here).
 * Every writer checks the unit and element exist before writing, under the import lock, and
 * neither units nor data elements are ever deleted (a unit ends with `valid_to`). Every query
 * reads by unit first, which the key serves.
 */
export const dataValues = pgTable(
  'data_values',
  {
    unit: text('unit').notNull(),
    element: text('element').notNull(),
    period: text('period').notNull(),
    value: doublePrecision('value'),
    source: text('source'),
    evidence: text('evidence'),
    status: text('status').notNull().default('approved'),
    author: text('author'),
    importId: integer('import_id'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The last approved value and its version: what the public and the published results see
     * while a correction is a draft or under review. Null version: never approved.
     */
    approvedValue: doublePrecision('approved_value'),
    approvedVersion: integer('approved_version'),
  },
  (t) => [primaryKey({ columns: [t.unit, t.element, t.period] })],
);

/** Earlier versions of data values: a value is never silently overwritten. */
export const dataValueHistory = pgTable(
  'data_value_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unit: text('unit').notNull(),
    element: text('element').notNull(),
    period: text('period').notNull(),
    value: doublePrecision('value'),
    source: text('source'),
    version: integer('version').notNull(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
    replacedBy: text('replaced_by'),
    importId: integer('import_id'),
  },
  (t) => [index('data_value_history_cell_idx').on(t.unit, t.element, t.period)],
);

/** Versioned definitions: frameworks and criteria models, as the engine reads them. */
export const frameworks = pgTable(
  'frameworks',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').notNull(),
    /** How scores of merged units are shown under their successor (e.g. mean of predecessors). */
    lineageMethod: text('lineage_method').notNull().default('mean'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

export const criteriaModels = pgTable(
  'criteria_models',
  {
    id: text('id').notNull(),
    version: text('version').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

export const plans = pgTable('plans', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  unit: text('unit').references(() => units.code),
  adoptedOn: date('adopted_on'),
});

export const targets = pgTable(
  'targets',
  {
    id: text('id').primaryKey(),
    plan: text('plan')
      .notNull()
      .references(() => plans.id),
    unit: text('unit')
      .notNull()
      .references(() => units.code),
    indicator: text('indicator').notNull(),
    name: text('name'),
    targetPeriod: text('target_period').notNull(),
    targetValue: doublePrecision('target_value').notNull(),
    direction: integer('direction').notNull().default(1),
    baselinePeriod: text('baseline_period'),
    baselineValue: doublePrecision('baseline_value'),
  },
  (t) => [index('targets_plan_idx').on(t.plan), index('targets_unit_idx').on(t.unit)],
);

/** A data import: its report is kept, whether it was applied or refused. */
export const imports = pgTable('imports', {
  id: serial('id').primaryKey(),
  filename: text('filename'),
  format: text('format').notNull(),
  dryRun: integer('dry_run').notNull().default(0),
  status: text('status').notNull(), // applied | refused | checked
  rows: integer('rows').notNull().default(0),
  problems: jsonb('problems').notNull().default([]),
  author: text('author'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An assessment run: a framework, a period, a unit set (by date and level) and settings. */
export const assessmentRuns = pgTable(
  'assessment_runs',
  {
    id: serial('id').primaryKey(),
    frameworkId: text('framework_id').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    period: text('period').notNull(),
    level: text('level').notNull(),
    at: date('at').notNull(),
    settings: jsonb('settings').notNull().default({}),
    status: text('status').notNull(), // queued | running | done | failed
    progress: doublePrecision('progress').notNull().default(0),
    error: text('error'),
    /** The data revision the results were computed from; a later revision makes them stale. */
    dataRevision: integer('data_revision').notNull().default(0),
    record: jsonb('record'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('runs_key_idx').on(t.frameworkId, t.period, t.level, t.at)],
);

/** Every node's score and rank for every unit of a run. */
export const runResults = pgTable(
  'run_results',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => assessmentRuns.id, { onDelete: 'cascade' }),
    unit: text('unit').notNull(),
    node: text('node').notNull(),
    score: doublePrecision('score'),
    rank: integer('rank'),
    /** The unit's rank on this node in the period before, computed with the same settings. */
    previousRank: integer('previous_rank'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.node, t.unit] })],
);

/** Counters: `data_revision` rises with every change to data values. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
});

/**
 * A person who signs in. Roles: admin; analyst (national: frameworks, runs, imports anywhere);
 * officer (enters and submits data for the subtree of `unit`); approver (approves the submissions
 * of the units below `unit`); viewer (reads the non-public data of its subtree).
 */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** Stored lower-case: one account per address. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    language: text('language').notNull().default('en'),
    /** Whether reminders and notices also go by e-mail (the user's choice); in-app always. */
    emailNotifications: boolean('email_notifications').notNull().default(true),
    /** argon2id PHC string; null for an account that may only use API tokens. */
    passwordHash: text('password_hash'),
    role: text('role').notNull(),
    unit: text('unit').references(() => units.code),
    active: integer('active').notNull().default(1),
    /** Consecutive failed sign-ins; at the limit the account is locked until `locked_until`. */
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'users_role_check',
      sql`${t.role} in ('admin', 'analyst', 'officer', 'approver', 'viewer')`,
    ),
  ],
);

/** A signed-in browser session. Only the SHA-256 of its secret is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Sent back in `x-csrf-token` with every cookie-authenticated write. */
    csrfToken: text('csrf_token').notNull(),
    address: text('address'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A personal API token for scripts, revocable. Only the SHA-256 of its secret is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/**
 * The state of one (unit, data set, period) in the submission workflow: draft, submitted,
 * approved (locked) or reopened. A data set is a framework or a criteria model: its indicators'
 * data elements are what the state covers. `version` rises with every transition.
 */
export const workflowStates = pgTable(
  'workflow_states',
  {
    unit: text('unit')
      .notNull()
      .references(() => units.code),
    dataset: text('dataset').notNull(),
    period: text('period').notNull(),
    state: text('state').notNull(),
    reason: text('reason'),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.unit, t.dataset, t.period] }),
    check(
      'workflow_state_check',
      sql`${t.state} in ('draft', 'submitted', 'approved', 'reopened')`,
    ),
  ],
);

/**
 * Who changed what, when, from where, with the record before and after. Rows are only ever
 * inserted: a trigger (migration 0003) refuses updates and deletes.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    actor: text('actor'),
    /** session, token, cli or system */
    via: text('via').notNull(),
    tokenId: integer('token_id'),
    address: text('address'),
    entity: text('entity').notNull(),
    entityKey: text('entity_key').notNull(),
    unit: text('unit'),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityKey),
    index('audit_unit_idx').on(t.unit),
    index('audit_user_idx').on(t.userId),
    index('audit_at_idx').on(t.at),
  ],
);

/**
 * Names of named things in the three languages, with a short name for column headers: the
 * framework (key: its id), its nodes (`framework/code`), data elements (code), criteria models
 * (id) and criteria (`model/code`), plans and targets (id), regions (the region as units carry
 * it). The English name stays where the thing is defined; a row here may override it and gives
 * the others. Units keep their names in their own columns.
 */
export const translations = pgTable(
  'translations',
  {
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    lang: text('lang').notNull(),
    name: text('name'),
    short: text('short'),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.key, t.lang] }),
    check('translations_lang', sql`${t.lang} in ('en', 'vi', 'ar')`),
    check(
      'translations_kind',
      sql`${t.kind} in ('framework', 'node', 'element', 'model', 'criterion', 'plan', 'target', 'region')`,
    ),
  ],
);

/** Binary data: a document's bytes. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * Report documents (a unit's or a plan's report as PDF, XLSX, HTML or JSON) by a hash of their
 * request and the content revision they were built from (a draft's also by its user): the same
 * inputs and revision give the same bytes. Rows of older revisions are pruned as new ones come.
 */
export const reportCache = pgTable(
  'report_cache',
  {
    key: text('key').primaryKey(),
    revision: integer('revision').notNull(),
    contentType: text('content_type').notNull(),
    filename: text('filename').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_cache_revision_idx').on(t.revision)],
);

/**
 * Batches of unit reports (POST /api/reports/batch): every unit of a level's report for a period,
 * made by a job that counts them (`done` of `total`) and keeps their ZIP archive here, where every
 * server process on the database can serve it.
 */
export const reportBatches = pgTable(
  'report_batches',
  {
    id: serial('id').primaryKey(),
    status: text('status').notNull(),
    level: text('level').notNull(),
    frameworkId: text('framework_id').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    period: text('period').notNull(),
    lang: text('lang').notNull(),
    format: text('format').notNull(),
    /** The codes of the units reported, in order, fixed when the batch is asked for. */
    units: jsonb('units').$type<string[]>().notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull(),
    error: text('error'),
    /** Who asked for it: the account's e-mail, or the command line's user. */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The archive, once done, and its size in bytes. */
    zip: bytea('zip'),
    size: integer('size'),
  },
  (t) => [
    check('report_batches_status', sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
    check('report_batches_format', sql`${t.format} in ('pdf', 'xlsx')`),
    check('report_batches_lang', sql`${t.lang} in ('en', 'vi', 'ar')`),
  ],
);

/**
 * A reporting round's calendar: for one data set (a framework or a criteria model) and period,
 * the day entry opens, the day submissions are due (on or before it is on time) and the last day
 * late entry is accepted. Set by admins and analysts (PUT /api/reporting/calendars).
 */
export const reportingCalendars = pgTable(
  'reporting_calendars',
  {
    datasetKind: text('dataset_kind').notNull(),
    dataset: text('dataset').notNull(),
    period: text('period').notNull(),
    opensOn: date('opens_on').notNull(),
    dueOn: date('due_on').notNull(),
    lateUntil: date('late_until').notNull(),
    /** Who set it last: the account's e-mail, or the command line's user. */
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.datasetKind, t.dataset, t.period] }),
    check('reporting_calendars_kind', sql`${t.datasetKind} in ('framework', 'criteria')`),
    check(
      'reporting_calendars_dates',
      sql`${t.opensOn} <= ${t.dueOn} and ${t.dueOn} <= ${t.lateUntil}`,
    ),
  ],
);

/**
 * Validation rules between data elements (`ehr_people <= population`), per data set (a framework
 * or a criteria model): a warning or a blocking rule, checked at entry, at import and in a
 * data-quality run. The expression is stored as typed; its message in the languages given.
 */
export const qualityRules = pgTable(
  'quality_rules',
  {
    id: text('id').primaryKey(),
    dataset: text('dataset').notNull(),
    expression: text('expression').notNull(),
    severity: text('severity').notNull(),
    messageEn: text('message_en'),
    messageVi: text('message_vi'),
    messageAr: text('message_ar'),
    /** Who set it last: the account's e-mail, or the command line's user. */
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('quality_rules_severity', sql`${t.severity} in ('warning', 'blocking')`),
    index('quality_rules_dataset').on(t.dataset),
  ],
);

/**
 * A user's notification (the bell): a reminder to report before or on a due date, or a notice that
 * a submission waits for approval. `dedupe_key` is unique: a reminder or notice is inserted with
 * ON CONFLICT DO NOTHING, so restarts and concurrent processes never make it twice. The e-mail
 * goes out once: pending -> sending (claimed by one process) -> sent, or back to pending after a
 * failure until `email_attempts` reaches the limit (failed); skipped when the user wants no
 * e-mail or none is configured.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    dataset: text('dataset').notNull(),
    period: text('period').notNull(),
    /** The unit concerned, when there is one (a submission; a reminder for one unit). */
    unit: text('unit').references(() => units.code),
    dedupeKey: text('dedupe_key').notNull().unique(),
    /** What the message says besides the columns: due date, units not submitted, who submitted. */
    details: jsonb('details').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailState: text('email_state').notNull().default('pending'),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailSentAt: timestamp('email_sent_at', { withTimezone: true }),
    emailError: text('email_error'),
  },
  (t) => [
    check('notifications_kind', sql`${t.kind} in ('reminder', 'submitted')`),
    check(
      'notifications_email_state',
      sql`${t.emailState} in ('pending', 'sending', 'sent', 'failed', 'skipped')`,
    ),
    index('notifications_user').on(t.userId, t.createdAt),
    index('notifications_email_pending').on(t.emailState),
  ],
);
