#!/usr/bin/env node
// Reporting completeness: `reportingStatus` (the query behind GET /api/reporting) for one data set
// and period over 3,321 communes under 34 provinces of one country. The data set is a criteria
// model of 10 elements; the communes have values for 2024 to 2026 (about 90% of the cells of
// 2026), 60% of them submitted 2026 (half of those approved) with workflow states and audit rows
// at spread-out times, and a calendar. In-process, on PGlite in memory and on PostgreSQL in a
// fresh database when DATABASE_URL is set. Median over the runs (after one warm-up).
// Usage: [DATABASE_URL=postgres://...] node bench/reporting.mjs [--runs 9]
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const { openDatabase } = await import(`${root}packages/server/dist/db/database.js`);
const { reportingStatus } = await import(
  `${root}packages/server/dist/services/reporting/completeness.js`
);

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
const runs = Number(options.runs);
const communes = 3321;
const provinces = 34;
const elements = 10;
const goalMs = 200;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The country BV, its provinces BV-01.., their communes BV-01-0001.., values, states, audit. */
async function seed(database) {
  const statements = [
    `insert into units (code, level, parent, name_en, valid_from)
       values ('BV', 'country', null, 'Benchland', '2000-01-01')`,
    `insert into units (code, level, parent, name_en, valid_from)
       select 'BV-' || lpad(p::text, 2, '0'), 'province', 'BV', 'Province ' || p, '2000-01-01'
         from generate_series(1, ${provinces}) p`,
    `insert into units (code, level, parent, name_en, name_vi, valid_from)
       select 'BV-' || lpad((c % ${provinces} + 1)::text, 2, '0') || '-' || lpad(c::text, 4, '0'),
              'commune', 'BV-' || lpad((c % ${provinces} + 1)::text, 2, '0'),
              'Commune ' || c, 'Xã ' || c, '2000-01-01'
         from generate_series(1, ${communes}) c`,
    // Communes that ended before the period or began after it: not expected.
    `insert into units (code, level, parent, name_en, valid_from, valid_to)
       select 'BV-01-X' || c, 'commune', 'BV-01', 'Former commune ' || c, '2000-01-01', '2025-06-30'
         from generate_series(1, 50) c`,
    `insert into data_elements (code, name, aggregation)
       select 'b_e' || e, 'Bench element ' || e, 'mean' from generate_series(1, ${elements}) e`,
    `insert into criteria_models (id, version, name, definition)
       values ('bench-model', '1.0', 'Bench model', (select jsonb_build_object('criteria',
         jsonb_agg(jsonb_build_object('code', 'C' || e, 'indicator', 'b_e' || e, 'op', '>=',
                                      'value', 1, 'mandatory', true)))
         from generate_series(1, ${elements}) e))`,
    `insert into data_values (unit, element, period, value)
       select u.code, 'b_e' || e, p::text, (hashtext(u.code || e || p) % 100)::float8
         from units u, generate_series(1, ${elements}) e, generate_series(2024, 2026) p
        where u.level = 'commune' and (p < 2026 or hashtext(u.code || e) % 10 <> 0)`,
    `insert into workflow_states (unit, dataset, period, state, updated_at)
       select code, 'bench-model', '2026',
              case when n % 10 < 3 then 'approved' else 'submitted' end,
              timestamptz '2026-11-01' + (n % 30) * interval '1 day'
         from (select code, row_number() over (order by code) as n from units
                where level = 'commune' and valid_to is null) u
        where n % 10 < 6`,
    `insert into audit_log (via, entity, entity_key, unit, action, at)
       select 'system', 'workflow', unit || '|bench-model|2026', unit, 'submit', updated_at
         from workflow_states where dataset = 'bench-model'`,
    `insert into audit_log (via, entity, entity_key, unit, action, at)
       select 'system', 'workflow', unit || '|bench-model|2026', unit, 'approve',
              updated_at + interval '2 days'
         from workflow_states where dataset = 'bench-model' and state = 'approved'`,
    `insert into reporting_calendars
       (dataset_kind, dataset, period, opens_on, due_on, late_until, created_by)
       values ('criteria', 'bench-model', '2026', '2026-10-01', '2026-11-15', '2026-12-31', 'bench')`,
    'analyze',
  ];
  for (const statement of statements) await database.query(statement);
}

async function measure(kind) {
  let database;
  let drop = async () => {};
  if (kind === 'pglite') {
    database = await openDatabase({ dataDir: 'memory://' });
  } else {
    const name = `dxmon_bench_reporting_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString() });
    drop = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  try {
    await seed(database);
    const query = { dataset: 'bench-model', period: '2026', parent: 'BV' };
    const first = await reportingStatus(database, query);
    const samples = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await reportingStatus(database, query);
      samples.push(performance.now() - t0);
    }
    const ms = median(samples);
    console.error(
      `${kind}: completeness of ${first.summary.expected} communes in ${round(ms)} ms (median of ${runs}); goal <= ${goalMs} ms: ${ms <= goalMs ? 'met' : 'NOT met'}`,
    );
    return {
      kind,
      median_ms: round(ms),
      runs_ms: samples.map((s) => round(s)),
      summary: first.summary,
    };
  } finally {
    await database.close();
    await drop();
  }
}

const kinds = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const results = [];
for (const kind of kinds) results.push(await measure(kind));
console.log(
  JSON.stringify(
    {
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
      data: { communes, provinces, elements, periods: 3 },
      goal_ms: goalMs,
      databases: results,
      ...(process.env.DATABASE_URL ? {} : { note: 'DATABASE_URL is not set: PostgreSQL skipped' }),
    },
    null,
    2,
  ),
);
