// Small reference data for the API tests: three provinces of 2024 that merge into one in 2025.

import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { systemActor } from '../src/auth/actor.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { dataElements, lineageEvents, units } from '../src/db/schema.js';
import { demoPassword } from '../src/demo/loadDemo.js';
import { createApiToken } from '../src/services/apiTokens.js';
import { startJobs } from '../src/services/jobs.js';
import { createUser } from '../src/services/users.js';

export async function seedProvinces(database: Database): Promise<void> {
  const db = database.db;
  await db.insert(units).values([
    { code: 'VN', level: 'country', nameEn: 'Viet Nam', validFrom: '1976-07-02' },
    {
      code: 'VN-01',
      level: 'province',
      parent: 'VN',
      nameEn: 'Ha Noi',
      validFrom: '2008-08-01',
      attributes: { region: 'Red River Delta' },
    },
    {
      code: 'VN-02',
      level: 'province',
      parent: 'VN',
      nameEn: 'Ha Giang',
      validFrom: '1991-08-12',
      validTo: '2025-06-30',
      attributes: { region: 'North' },
    },
    {
      code: 'VN-08',
      level: 'province',
      parent: 'VN',
      nameEn: 'Tuyen Quang',
      validFrom: '1991-08-12',
      validTo: '2025-06-30',
      attributes: { region: 'North' },
    },
    {
      code: 'VN25-08',
      level: 'province',
      parent: 'VN',
      nameEn: 'Tuyen Quang',
      validFrom: '2025-07-01',
      attributes: { region: 'North' },
    },
  ]);
  await db.insert(lineageEvents).values([
    { event: 'merge', date: '2025-07-01', predecessor: 'VN-02', successor: 'VN25-08' },
    { event: 'merge', date: '2025-07-01', predecessor: 'VN-08', successor: 'VN25-08' },
  ]);
  await db.insert(dataElements).values([
    {
      code: 'online_share',
      name: 'Public services fully online',
      unitOfMeasure: '%',
      aggregation: 'weighted_mean',
      weightElement: 'population',
    },
    { code: 'population', name: 'Population', aggregation: 'sum' },
    { code: 'ehr_people', name: 'People with an electronic health record', aggregation: 'sum' },
    {
      code: 'days',
      name: 'Average days to settle a file',
      unitOfMeasure: 'days',
      aggregation: 'mean',
    },
  ]);
}

// Two indicators under one pillar each; min-max to [0, 100] and arithmetic means.
export const miniFramework = `id: mini
name: Mini DX index
nodes:
  - {code: DTI, name: DX index}
  - {code: GOV, name: Digital government, parent: DTI}
  - {code: SOC, name: Digital society, parent: DTI}
  - {code: online_share, parent: GOV}
  - {code: days, parent: GOV, direction: -1}
  - {code: ehr_share, parent: SOC, numerator: ehr_people, denominator: population, factor: 100}
`;

// 2024: online 80, 40, 60; days 4, 10, 7; ehr people / population = 50%, 20%, 35%.
//   online  -> (x - 40) / 40 * 100  = 100, 0, 50
//   days    -> lower is better; 4 best, 10 worst -> 100, 0, 50
//   ehr     -> (x - 20) / 30 * 100  = 100, 0, 50
//   GOV = 100, 0, 50; SOC = 100, 0, 50; DTI = 100, 0, 50 -> ranks 1, 3, 2
// 2023 (for rank changes): VN-02 best, then VN-01, then VN-08 on every indicator.
export const miniData = `unit,indicator,period,value
VN-01,online_share,2024,80
VN-02,online_share,2024,40
VN-08,online_share,2024,60
VN-01,days,2024,4
VN-02,days,2024,10
VN-08,days,2024,7
VN-01,ehr_people,2024,500
VN-01,population,2024,1000
VN-02,ehr_people,2024,200
VN-02,population,2024,1000
VN-08,ehr_people,2024,700
VN-08,population,2024,2000
VN-01,online_share,2023,50
VN-02,online_share,2023,70
VN-08,online_share,2023,30
VN-01,days,2023,8
VN-02,days,2023,5
VN-08,days,2023,9
VN-01,ehr_people,2023,300
VN-01,population,2023,1000
VN-02,ehr_people,2023,400
VN-02,population,2023,1000
VN-08,ehr_people,2023,200
VN-08,population,2023,2000
`;

/** The real app on a test database, with the job queue and its workers running. */
export async function testApp(database: Database): Promise<FastifyInstance> {
  const jobs = await startJobs(database, { workers: true });
  const app = await buildApp({ config: loadConfig({ logLevel: 'silent' }, {}), database, jobs });
  app.addHook('onClose', () => jobs.stop());
  return app;
}

const admins = new WeakMap<Database, string>();

/** `Bearer <token>` of an admin account, created on first use for the database. */
export async function adminAuthorization(database: Database): Promise<string> {
  let token = admins.get(database);
  if (!token) {
    const user = await createUser(
      database,
      { email: 'admin@dxmon.test', name: 'Test admin', role: 'admin' },
      systemActor,
    );
    token = (await createApiToken(database, user.id, 'tests', systemActor)).token;
    admins.set(database, token);
  }
  return `Bearer ${token}`;
}

export type Headers = Record<string, string>;

/**
 * Signs each demo account in through the API and returns its Bearer header by name, with
 * `anonymous` (no header) beside them.
 */
export async function demoSessions(
  app: FastifyInstance,
  accounts: readonly (readonly [string, string])[],
): Promise<Record<string, Headers>> {
  const as: Record<string, Headers> = { anonymous: {} };
  for (const [who, email] of accounts) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: demoPassword },
    });
    assert.equal(res.statusCode, 200, res.body);
    as[who] = { authorization: `Bearer ${res.json().token}` };
  }
  return as;
}

/** A JSON write to the app as one of `as`'s callers. */
export function sendAs(
  app: FastifyInstance,
  as: Record<string, Headers>,
  who: string,
  method: 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: Record<string, unknown>,
) {
  return app.inject({
    method,
    url,
    headers: as[who] as Headers,
    ...(payload === undefined ? {} : { payload }),
  });
}
