import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { targetsFromRecords } from '@dxmon/engine';
import { parse } from 'csv-parse/sync';
import { systemActor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { dataElements, lineageEvents, plans, targets, units } from '../db/schema.js';
import { importData } from '../imports/importData.js';
import type { ImportReport } from '../imports/importReport.js';
import { csvRows } from '../imports/tableRows.js';
import { recordAudit } from '../services/audit.js';
import { saveCriteriaModel } from '../services/criteria.js';
import { bumpContentRevision } from '../services/dataRevision.js';
import { saveFramework } from '../services/frameworks.js';
import { importTranslations } from '../services/translationTable.js';
import { createUser, type User } from '../services/users.js';
import { loadDemoQuality } from './demoQuality.js';
import { loadDemoRound, remindDemoRounds } from './demoRound.js';
import { submitDemoData } from './demoSubmissions.js';

/** The demo data set shipped in the repository (data/demo). */
export const demoFolder = new URL('../../../../data/demo', import.meta.url).pathname;

/**
 * Accounts to try the workflow with, all with the password `demoPassword`. The server listens on
 * 127.0.0.1 unless told otherwise; remove them (or use a fresh database) before exposing it.
 */
export const demoPassword = 'dxmon-demo-2026';
export const demoAccounts = [
  { email: 'admin@demo.dxmon.org', name: 'Demo administrator', role: 'admin' },
  { email: 'analyst@demo.dxmon.org', name: 'National analyst', role: 'analyst', unit: 'VN' },
  { email: 'approver@demo.dxmon.org', name: 'Ministry reviewer', role: 'approver', unit: 'VN' },
  {
    email: 'officer.ninhbinh@demo.dxmon.org',
    name: 'Ninh Binh data officer',
    role: 'officer',
    unit: 'VN-37',
    language: 'vi',
  },
  {
    email: 'approver.ninhbinh@demo.dxmon.org',
    name: 'Ninh Binh reviewer',
    role: 'approver',
    unit: 'VN-37',
    language: 'vi',
  },
  {
    email: 'officer.tuyenquang@demo.dxmon.org',
    name: 'Tuyen Quang data officer',
    role: 'officer',
    unit: 'VN25-08',
    language: 'vi',
  },
  { email: 'viewer@demo.dxmon.org', name: 'Ninh Binh viewer', role: 'viewer', unit: 'VN-37' },
  // Ho Chi Minh City has not submitted its 2026 data: its officer has reminders waiting.
  {
    email: 'officer.hcmc@demo.dxmon.org',
    name: 'Ho Chi Minh City data officer',
    role: 'officer',
    unit: 'VN25-79',
  },
];

export interface DemoSummary {
  units: number;
  lineage: number;
  framework: string;
  values: number;
  plans: number;
  targets: number;
  communeValues: number;
  accounts: number;
}

/**
 * Loads the demo into an empty database through the same paths users take: the framework through
 * the engine's checks, the data through the importer. Refuses a database that already has units.
 */
export async function loadDemo(
  database: Database,
  folder = demoFolder,
  onStep: (step: string) => void = () => {},
): Promise<DemoSummary> {
  const { rows } = await database.query<{ n: string }>('select count(*) as n from units');
  if (Number(rows[0]?.n) > 0)
    throw new Error('the database already has data; the demo loads into an empty one');
  const db = database.db;
  const csv = (name: string) =>
    parse(readFileSync(join(folder, name)), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];

  onStep('units');
  const unitRows = csv('units.csv');
  const empty = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
  for (let i = 0; i < unitRows.length; i += 1000) {
    await db.insert(units).values(
      unitRows.slice(i, i + 1000).map((u) => ({
        code: u.code as string,
        level: u.level as string,
        parent: empty(u.parent),
        nameEn: u.name_en as string,
        nameVi: empty(u.name_vi),
        nameAr: empty(u.name_ar),
        validFrom: u.valid_from as string,
        validTo: empty(u.valid_to),
        attributes: (u.region ? { region: u.region } : {}) as Record<string, string>,
      })),
    );
  }
  const shapesPath = join(folder, 'shapes.geojson');
  if (existsSync(shapesPath)) {
    const shapes = JSON.parse(readFileSync(shapesPath, 'utf8')) as {
      features: { properties: { code: string }; geometry: unknown }[];
    };
    await database.query(
      `update units set geometry = s.geometry
         from jsonb_to_recordset($1::jsonb) as s(code text, geometry jsonb)
        where units.code = s.code`,
      [
        JSON.stringify(
          shapes.features.map((f) => ({ code: f.properties.code, geometry: f.geometry })),
        ),
      ],
    );
  }
  const lineageRows = csv('lineage.csv');
  if (lineageRows.length > 0) {
    await db.insert(lineageEvents).values(
      lineageRows.map((l) => ({
        event: l.event as string,
        date: l.date as string,
        predecessor: l.predecessor as string,
        successor: l.successor as string,
        note: empty(l.note),
      })),
    );
  }

  onStep('framework');
  // Data elements with their aggregation rules (how a merged unit's value derives from its
  // predecessors'), before the framework registers any element it reads with the default rule.
  if (existsSync(join(folder, 'elements.csv'))) {
    await db.insert(dataElements).values(
      csv('elements.csv').map((e) => ({
        code: e.code as string,
        name: e.name as string,
        unitOfMeasure: empty(e.unit_of_measure),
        aggregation: empty(e.aggregation) ?? 'mean',
        weightElement: empty(e.weight_element),
      })),
    );
  }
  const framework = await saveFramework(db, readFileSync(join(folder, 'framework.yaml'), 'utf8'));
  const modelPath = join(folder, 'commune-model.yaml');
  const model = existsSync(modelPath)
    ? await saveCriteriaModel(db, readFileSync(modelPath, 'utf8'))
    : undefined;
  const targetRecords = csv('targets.csv');
  // Series read by targets but by no framework indicator are data elements too.
  const extra = [...new Set(targetRecords.map((t) => t.indicator).filter(Boolean))];
  if (extra.length > 0) {
    await db
      .insert(dataElements)
      .values(extra.map((code) => ({ code: code as string, name: code as string })))
      .onConflictDoNothing();
  }

  onStep('data');
  const data = await importFile(database, join(folder, 'data.csv'));

  onStep('plans');
  const planRows = csv('plans.csv');
  await db.insert(plans).values(
    planRows.map((p) => ({
      id: p.id as string,
      name: p.name as string,
      unit: empty(p.unit),
      adoptedOn: empty(p.adopted_on),
    })),
  );
  const parsed = targetsFromRecords(targetRecords);
  if (parsed.problems.length > 0) {
    throw new Error(
      `targets.csv: ${parsed.problems.map((p) => `target ${p.index + 1} ${p.field ?? ''}: ${p.message}`).join('; ')}`,
    );
  }
  await db.insert(targets).values(
    parsed.targets.map((t) => ({
      id: t.id,
      plan: t.plan,
      unit: t.unit,
      indicator: t.indicator,
      name: t.name ?? null,
      targetPeriod: t.target_period,
      targetValue: t.target_value,
      direction: t.direction,
      baselinePeriod: t.baseline_period ?? null,
      baselineValue: t.baseline_value ?? null,
    })),
  );

  let communeValues = 0;
  if (model) {
    onStep('communes');
    communeValues = (await importFile(database, join(folder, 'commune-data.csv'))).values;
  }
  // The rows written directly above, in the audit trail like every other change.
  await recordAudit(database, systemActor, [
    ...unitRows.map((u) => ({
      entity: 'unit' as const,
      key: u.code as string,
      unit: u.code as string,
      action: 'create',
      after: u,
    })),
    ...parsed.targets.map((t) => ({
      entity: 'target' as const,
      key: t.id,
      unit: t.unit,
      action: 'create',
      after: t,
    })),
  ]);

  // Names of the framework, elements, criteria, plans, targets and regions in vi and ar, through
  // the translation table's import as an administrator would send it.
  const translationsPath = join(folder, 'translations.csv');
  if (existsSync(translationsPath)) {
    onStep('names');
    await importTranslations(database, systemActor, csvRows(createReadStream(translationsPath)));
  }

  onStep('accounts');
  const accounts: User[] = [];
  for (const account of demoAccounts) {
    accounts.push(await createUser(database, { ...account, password: demoPassword }, systemActor));
  }
  // A few data sets submitted by their officers, waiting in the approvers' queues.
  onStep('submissions');
  await loadDemoQuality(database, accounts);
  await submitDemoData(database, accounts);
  // The reporting calendars and the 2026 round as it went: some provinces on time, some late.
  await loadDemoRound(database, accounts);
  // The reminders the rounds' officers had by their due dates, made as the schedule makes them.
  await remindDemoRounds(database);
  // Units, lineage, plans and targets went in directly: cached responses are stale now.
  await bumpContentRevision(database);
  return {
    units: unitRows.length,
    lineage: lineageRows.length,
    framework: `${framework.id} v${framework.version}`,
    values: data.values,
    plans: planRows.length,
    targets: parsed.targets.length,
    communeValues,
    accounts: demoAccounts.length,
  };
}

async function importFile(database: Database, path: string): Promise<ImportReport> {
  const report = await importData(database, csvRows(createReadStream(path)), {
    actor: systemActor,
    format: 'csv',
    filename: path.split('/').at(-1),
    dryRun: false,
    author: 'demo',
  });
  if (report.status !== 'applied') {
    const first = report.problems
      .slice(0, 5)
      .map((p) => `row ${p.row} ${p.field} "${p.value}": ${p.message}`);
    throw new Error(`${path}: ${report.problems_total} problems, e.g. ${first.join('; ')}`);
  }
  return report;
}
