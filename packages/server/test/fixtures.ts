// Small reference data for the API tests: three provinces of 2024 that merge into one in 2025.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { dataElements, lineageEvents, units } from '../src/db/schema.js';
import { startJobs } from '../src/services/jobs.js';

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

/** The real app on a test database, with the job queue and its workers running. */
export async function testApp(database: Database): Promise<FastifyInstance> {
  const jobs = await startJobs(database, { workers: true });
  const app = await buildApp({ config: loadConfig({ logLevel: 'silent' }, {}), database, jobs });
  app.addHook('onClose', () => jobs.stop());
  return app;
}
