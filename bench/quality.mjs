#!/usr/bin/env node
// Data-quality run: `qualityRun` (the work behind GET /api/quality/run) over one data set and
// period of 1,000,000 values: 50,000 communes under 50 provinces x 20 elements in 2024, with the
// same for 2023 (the history the jump test reads). The data set is a criteria model of the 20
// elements with 5 validation rules (some broken). Every rule for every commune, every element's
// peers (modified z-score) and every value's jump from 2023. In-process, on PostgreSQL in a fresh
// database when DATABASE_URL is set, else on PGlite in memory (or both with --pglite).
// Median over the runs (after one warm-up). Goal: <= 10 s on PostgreSQL.
// Usage: [DATABASE_URL=postgres://...] node bench/quality.mjs [--runs 3] [--pglite] [--quick]
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const { openDatabase } = await import(`${root}packages/server/dist/db/database.js`);
const { qualityRun } = await import(`${root}packages/server/dist/services/quality/run.js`);

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pglite: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
  },
});
const runs = Number(options.runs);
const communes = options.quick ? 5000 : 50000;
const provinces = 50;
const elements = 20;
const goalSeconds = 10;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

const rules = [
  ['r1', 'q_e1 <= 100', 'blocking'],
  ['r2', 'q_e2 + q_e3 <= 150', 'warning'],
  ['r3', 'q_e4 <= q_e5 * 2', 'warning'],
  ['r4', 'q_e6 / (q_e7 + 1) <= 20', 'warning'],
  ['r5', 'q_e8 - q_e9 != 0', 'warning'],
];

/** Provinces QV-01.., their communes, two periods of values, the model and its rules. */
async function seed(database) {
  const statements = [
    `insert into units (code, level, parent, name_en, valid_from)
       values ('QV', 'country', null, 'Qualityland', '2000-01-01')`,
    `insert into units (code, level, parent, name_en, valid_from)
       select 'QV-' || lpad(p::text, 2, '0'), 'province', 'QV', 'Province ' || p, '2000-01-01'
         from generate_series(1, ${provinces}) p`,
    `insert into units (code, level, parent, name_en, valid_from)
       select 'QV-' || lpad((c % ${provinces} + 1)::text, 2, '0') || '-' || lpad(c::text, 5, '0'),
              'commune', 'QV-' || lpad((c % ${provinces} + 1)::text, 2, '0'), 'Commune ' || c,
              '2000-01-01'
         from generate_series(1, ${communes}) c`,
    `insert into data_elements (code, name, aggregation)
       select 'q_e' || e, 'Quality element ' || e, 'mean' from generate_series(1, ${elements}) e`,
    `insert into criteria_models (id, version, name, definition)
       values ('quality-model', '1.0', 'Quality model', (select jsonb_build_object('criteria',
         jsonb_agg(jsonb_build_object('code', 'C' || e, 'indicator', 'q_e' || e, 'op', '>=',
                                      'value', 1, 'mandatory', true)))
         from generate_series(1, ${elements}) e))`,
    // Values 0 to 99 in 2023, 3 more in 2024; one 2024 value in 1,000 typed ten times too large.
    `insert into data_values (unit, element, period, value)
       select u.code, 'q_e' || e, p::text,
              (abs(hashtext(u.code || e)) % 100 + (p - 2023) * 3)::float8
                * case when p = 2024 and abs(hashtext(u.code || e || 'x')) % 1000 = 0
                       then 10 else 1 end
         from units u, generate_series(1, ${elements}) e, generate_series(2023, 2024) p
        where u.level = 'commune'`,
    'analyze',
  ];
  for (const statement of statements) await database.query(statement);
  for (const [id, expression, severity] of rules) {
    await database.query(
      `insert into quality_rules (id, dataset, expression, severity, created_by)
       values ($1, 'quality-model', $2, $3, 'bench')`,
      [id, expression, severity],
    );
  }
}

async function measure(kind) {
  let database;
  let drop = async () => {};
  if (kind === 'pglite') {
    database = await openDatabase({ dataDir: 'memory://' });
  } else {
    const name = `dxmon_bench_quality_${process.pid}`;
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
    const first = await qualityRun(database, 'quality-model', '2024');
    const samples = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await qualityRun(database, 'quality-model', '2024');
      samples.push((performance.now() - t0) / 1000);
    }
    const s = median(samples);
    console.error(
      `${kind}: quality run over ${first.values} values of ${first.units} units in ${round(s)} s (median of ${runs}); goal <= ${goalSeconds} s: ${s <= goalSeconds ? 'met' : 'NOT met'}`,
    );
    const byTest = {};
    for (const item of first.items) {
      const key = item.kind === 'rule' ? `rule ${item.rule}` : `outlier ${item.test}`;
      byTest[key] = (byTest[key] ?? 0) + 1;
    }
    return {
      kind,
      median_s: round(s),
      runs_s: samples.map((x) => round(x)),
      values: first.values,
      units: first.units,
      rules: first.rules,
      summary: first.summary,
      found: byTest,
      goal_met: kind === 'postgres' && !options.quick ? s <= goalSeconds : null,
    };
  } finally {
    await database.close();
    await drop();
  }
}

const kinds = process.env.DATABASE_URL
  ? [...(options.pglite ? ['pglite'] : []), 'postgres']
  : ['pglite'];
const results = [];
for (const kind of kinds) results.push(await measure(kind));
console.log(
  JSON.stringify(
    {
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
      data: { communes, provinces, elements, periods: 2, values_in_period: communes * elements },
      goal_s: goalSeconds,
      databases: results,
      ...(process.env.DATABASE_URL ? {} : { note: 'DATABASE_URL is not set: PostgreSQL skipped' }),
    },
    null,
    2,
  ),
);
