import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Database, openDatabase } from '../src/db/database.js';
import { loadDemo } from '../src/demo/loadDemo.js';
import { databaseKinds, freshDatabase, onEachDatabase } from './databases.js';
import { demoSessions, type Headers, testApp } from './fixtures.js';

interface Counts {
  total: number;
  achieved: number;
  on_track: number;
  off_track: number;
  regressing: number;
  insufficient_data: number;
}

interface Dashboard {
  unit: { code: string; level: string };
  framework: { id: string };
  period: string;
  tiles: {
    score: {
      kind: string;
      score: number | null;
      rank: number | null;
      units: number;
      previous_period: string | null;
      score_change: number | null;
      rank_change: number | null;
      top: { code: string; score: number } | null;
      bottom: { code: string; score: number } | null;
    } | null;
    targets: Counts & { plans: string[] };
    criteria: { model: string; period: string; units: number; met: number }[];
    reporting?: {
      dataset: string;
      period: string;
      expected: number;
      submitted: number;
      approved: number;
      on_time: number;
      overdue: number;
    } | null;
    quality?: { blocking: number; warnings: number; outliers: number } | null;
  };
  alerts: {
    id: string;
    kind: string;
    severity: string;
    unit: { code: string; names: { en: string; vi: string | null; ar: string | null } };
    link: string;
    since: string;
  }[];
  map: { level: string; items: { code: string; score: number | null }[] } | null;
}

interface Problem {
  fields: { field: string }[];
}

// The leaders' dashboard on the demo, its tiles checked against the endpoints the other screens
// read (GET /api/results, /plans, /targets, /units/:code/profile, /criteria, /reporting,
// /quality/run), its cut by viewer, its ETag and a live approval.
onEachDatabase('the leaders dashboard', (database) => {
  let app: FastifyInstance;
  let as: Record<string, Headers>;
  before(async () => {
    await loadDemo(database());
    app = await testApp(database());
    as = await demoSessions(app, [
      ['analyst', 'analyst@demo.dxmon.org'],
      ['approver', 'approver@demo.dxmon.org'],
      ['tuyenquang', 'officer.tuyenquang@demo.dxmon.org'],
      ['ninhbinh', 'officer.ninhbinh@demo.dxmon.org'],
      ['viewer', 'viewer@demo.dxmon.org'],
    ]);
  });
  after(() => app?.close());

  const get = async <T>(url: string, who = 'anonymous'): Promise<T> => {
    const res = await app.inject({ url, headers: as[who] });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json() as T;
  };
  const dashboard = (query: string, who = 'anonymous') =>
    get<Dashboard>(`/api/dashboard${query}`, who);

  test('the country: its provinces summarised, every plan, the map', async () => {
    const d = await dashboard('');
    assert.equal(d.unit.code, 'VN', 'the country by default');
    const framework = await get<{ periods: string[] }>('/api/frameworks/dti-province');
    assert.equal(d.period, framework.periods.at(-1), 'the latest published period');
    const results = await get<{ items: { unit: string; score: number | null; rank: number }[] }>(
      `/api/results?framework=dti-province&period=${d.period}&level=province`,
    );
    const scores = results.items.map((i) => i.score).filter((s): s is number => s !== null);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const score = d.tiles.score;
    assert.ok(score);
    assert.equal(score.kind, 'country');
    assert.ok(Math.abs((score.score ?? 0) - mean) < 1e-9);
    assert.equal(score.units, scores.length);
    const best = [...results.items].sort((a, b) => a.rank - b.rank);
    assert.equal(score.top?.code, best[0]?.unit);
    assert.equal(score.bottom?.code, best.at(-1)?.unit);
    const before = framework.periods.filter((p) => p < d.period).at(-1);
    assert.equal(score.previous_period, before);
    const previous = await get<{ items: { score: number | null }[] }>(
      `/api/results?framework=dti-province&period=${before}&level=province`,
    );
    const old = previous.items.map((i) => i.score).filter((s): s is number => s !== null);
    const oldMean = old.reduce((a, b) => a + b, 0) / old.length;
    assert.ok(Math.abs((score.score_change ?? 0) - (mean - oldMean)) < 1e-9);
    assert.equal(d.map?.items.length, results.items.length);
    assert.equal(d.map?.level, 'province');

    // Every plan of the demo is of a unit in the country: their counts add up.
    const plans = await get<{ items: { id: string; summary: Counts }[] }>('/api/plans');
    assert.deepEqual([...d.tiles.targets.plans].sort(), plans.items.map((p) => p.id).sort());
    for (const key of ['total', 'achieved', 'on_track', 'off_track', 'regressing'] as const) {
      const sum = plans.items.reduce((n, p) => n + p.summary[key], 0);
      assert.equal(d.tiles.targets[key], sum, key);
    }
    // Alerts on targets: one per target off track or regressing, as GET /api/targets says.
    const targets = await get<{ items: { id: string; status: string }[] }>('/api/targets');
    const bad = targets.items.filter((t) => t.status === 'off-track' || t.status === 'regressing');
    assert.ok(bad.length > 0, 'the demo has targets off track');
    assert.deepEqual(
      d.alerts
        .filter((a) => a.kind.startsWith('target-'))
        .map((a) => a.id)
        .sort(),
      bad.map((t) => `target:${t.id}`).sort(),
    );
    // Criteria: the commune model over the country's communes, as GET /api/criteria says.
    const model = d.tiles.criteria.find((c) => c.model === 'commune-dx-model');
    assert.ok(model, JSON.stringify(d.tiles.criteria));
    const criteria = await get<{ summary: { units: number; met: number } }>(
      `/api/criteria/commune-dx-model/results?period=${model.period}&parent=VN`,
    );
    assert.equal(model.units, criteria.summary.units);
    assert.equal(model.met, criteria.summary.met);

    // Anonymous readers see the published figures only.
    assert.equal('reporting' in d.tiles, false);
    assert.equal('quality' in d.tiles, false);
    assert.ok(d.alerts.every((a) => a.kind.startsWith('target-')));
  });

  test('signed in: the current round and its data quality, as /reporting and /quality/run', async () => {
    const d = await dashboard('?unit=VN', 'analyst');
    const round = d.tiles.reporting;
    assert.ok(round);
    assert.deepEqual([round.dataset, round.period], ['dti-province', '2026']);
    const reporting = await get<{
      summary: Record<string, number>;
      items: { unit: string; overdue: boolean; on_time: boolean | null; state: string }[];
    }>('/api/reporting?dataset=dti-province&period=2026&parent=VN', 'analyst');
    for (const [key, value] of Object.entries(reporting.summary))
      assert.equal(round[key as keyof typeof round], value, key);
    const overdue = reporting.items.filter((i) => i.overdue).map((i) => i.unit);
    assert.ok(overdue.length > 0);
    assert.deepEqual(
      d.alerts
        .filter((a) => a.kind === 'report-overdue')
        .map((a) => a.unit.code)
        .sort(),
      overdue.sort(),
    );
    const waiting = reporting.items.filter((i) => i.state === 'submitted').map((i) => i.unit);
    assert.deepEqual(
      d.alerts.filter((a) => a.kind === 'awaiting-approval').map((a) => a.unit.code),
      waiting,
    );
    const run = await get<{ summary: { blocking: number; warnings: number; outliers: number } }>(
      '/api/quality/run?dataset=dti-province&period=2026',
      'analyst',
    );
    assert.deepEqual(d.tiles.quality, {
      dataset: 'dti-province',
      period: '2026',
      ...run.summary,
    });
    assert.equal(
      d.alerts.filter((a) => a.kind === 'quality-blocking').length,
      run.summary.blocking,
    );
    for (const a of d.alerts) {
      assert.ok(!Number.isNaN(Date.parse(a.since)), a.since);
      assert.match(a.link, /^\//);
      assert.ok(a.unit.names.en);
    }
  });

  test('tiles a viewer may not see are left out, not refused', async () => {
    // Ninh Binh's viewer: the country's round is outside their units; no quality for viewers.
    const country = await dashboard('?unit=VN', 'viewer');
    assert.equal('reporting' in country.tiles, false);
    assert.equal('quality' in country.tiles, false);
    const own = await dashboard('?unit=VN-37', 'viewer');
    assert.ok(own.tiles.reporting, 'its own round: the commune model');
    assert.equal(own.tiles.reporting.dataset, 'commune-dx-model');
    assert.equal('quality' in own.tiles, false);
    const reporting = await get<{ summary: { expected: number; submitted: number } }>(
      '/api/reporting?dataset=commune-dx-model&period=2024&parent=VN-37',
      'viewer',
    );
    assert.equal(own.tiles.reporting.expected, reporting.summary.expected);
    assert.equal(own.tiles.reporting.submitted, reporting.summary.submitted);
    // Ninh Binh's officer sees its own communes' quality only.
    const officer = await dashboard('?unit=VN-37', 'ninhbinh');
    assert.ok(officer.tiles.quality !== undefined);
  });

  test('a province: its profile, plans through lineage; ETag, 304 and a live approval', async () => {
    const url = '/api/dashboard?unit=VN25-08';
    const first = await app.inject({ url, headers: as.tuyenquang });
    assert.equal(first.statusCode, 200, first.body);
    const d = first.json() as Dashboard;
    const profile = await get<{
      score: number;
      rank: number;
      rank_change: number | null;
      units: number;
      history: { period: string; score: number | null }[];
    }>(`/api/units/VN25-08/profile?framework=dti-province&period=${d.period}`);
    assert.equal(d.tiles.score?.kind, 'unit');
    assert.equal(d.tiles.score?.score, profile.score);
    assert.equal(d.tiles.score?.rank, profile.rank);
    assert.equal(d.tiles.score?.units, profile.units);
    assert.equal(d.tiles.score?.rank_change, profile.rank_change);
    const previous = profile.history.filter((h) => h.period < d.period).at(-1);
    assert.equal(d.tiles.score?.previous_period, previous?.period);
    assert.ok(
      Math.abs((d.tiles.score?.score_change ?? 0) - (profile.score - (previous?.score ?? 0))) <
        1e-9,
    );
    // Resolution 48-NQ/TU of the old Tuyen Quang (VN-08) goes on under the merged province.
    const unit = await get<{ predecessors: { code: string }[] }>('/api/units/VN25-08');
    const codes = ['VN25-08', ...unit.predecessors.map((p) => p.code)];
    assert.ok(codes.includes('VN-08'));
    const covering = (
      await Promise.all(
        codes.map((c) => get<{ items: { id: string; summary: Counts }[] }>(`/api/plans?unit=${c}`)),
      )
    ).flatMap((r) => r.items);
    assert.deepEqual(d.tiles.targets.plans, covering.map((p) => p.id).sort());
    assert.ok(covering.some((p) => p.id === '48-NQ/TU'));
    assert.equal(
      d.tiles.targets.total,
      covering.reduce((n, p) => n + p.summary.total, 0),
    );
    assert.equal(
      d.tiles.targets.achieved + d.tiles.targets.on_track,
      covering.reduce((n, p) => n + p.summary.achieved + p.summary.on_track, 0),
    );
    // Its 2026 submission waits for the ministry's approver.
    assert.deepEqual(
      [d.tiles.reporting?.expected, d.tiles.reporting?.submitted, d.tiles.reporting?.approved],
      [1, 1, 0],
    );
    assert.ok(d.alerts.some((a) => a.id === 'awaiting:VN25-08|dti-province|2026'));
    assert.equal(d.map, null);

    const etag = first.headers.etag as string;
    assert.match(etag, /^"d[\w-]+"$/);
    const again = await app.inject({ url, headers: { ...as.tuyenquang, 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const anonymous = await app.inject({ url, headers: { 'if-none-match': etag } });
    assert.equal(anonymous.statusCode, 200, 'another viewer, another ETag');
    assert.notEqual(anonymous.headers.etag, etag);

    const approved = await app.inject({
      method: 'POST',
      url: '/api/workflow/approve',
      headers: as.approver,
      payload: { unit: 'VN25-08', dataset: 'dti-province', period: '2026' },
    });
    assert.equal(approved.statusCode, 200, approved.body);
    const after = await app.inject({ url, headers: { ...as.tuyenquang, 'if-none-match': etag } });
    assert.equal(after.statusCode, 200, 'the approval changed the ETag');
    assert.notEqual(after.headers.etag, etag);
    const now = after.json() as Dashboard;
    assert.equal(now.tiles.reporting?.approved, 1);
    assert.ok(!now.alerts.some((a) => a.kind === 'awaiting-approval'));
    // The approved value enters the published score: the tile follows the profile.
    const profileNow = await get<{ score: number }>(
      `/api/units/VN25-08/profile?framework=dti-province&period=${d.period}`,
    );
    assert.equal(now.tiles.score?.score, profileNow.score);

    // Reopening an approved report changes no value (no new content revision), yet the round
    // changes: the ETag follows the workflow states too.
    const revision = async () =>
      (
        await database().query<{ value: number }>(
          "select value from meta where key = 'content_revision'",
        )
      ).rows[0]?.value;
    const contentBefore = await revision();
    const reopened = await app.inject({
      method: 'POST',
      url: '/api/workflow/reopen',
      headers: as.approver,
      payload: { unit: 'VN25-08', dataset: 'dti-province', period: '2026', reason: 'check' },
    });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(await revision(), contentBefore, 'no content revision');
    const later = await app.inject({
      url,
      headers: { ...as.tuyenquang, 'if-none-match': after.headers.etag as string },
    });
    assert.equal(later.statusCode, 200);
    const reopenedNow = later.json() as Dashboard;
    assert.deepEqual(
      [reopenedNow.tiles.reporting?.submitted, reopenedNow.tiles.reporting?.approved],
      [0, 0],
    );
  });

  test('bad input is a problem naming the field', async () => {
    const unknown = await app.inject('/api/dashboard?unit=XX-99');
    assert.equal(unknown.statusCode, 404);
    assert.equal((unknown.json() as Problem).fields[0]?.field, 'query.unit');
    const period = await app.inject('/api/dashboard?period=20x6');
    assert.equal(period.statusCode, 400);
    assert.match(period.body, /query\.period|period/);
    const framework = await app.inject('/api/dashboard?framework=nope');
    assert.equal(framework.statusCode, 400);
    assert.equal((framework.json() as Problem).fields[0]?.field, 'query.framework');
  });
});

// Two server processes on one PostgreSQL database (each with its own pool and caches): an
// approval through one changes the ETag and the tile the other serves at once.
if (databaseKinds().includes('postgres')) {
  describe('the dashboard across two server processes [postgres]', () => {
    let one: FastifyInstance;
    let two: FastifyInstance;
    let first: Database;
    let second: Database;
    let drop: () => Promise<void>;
    before(async () => {
      const fresh = await freshDatabase('postgres');
      first = fresh.database;
      drop = fresh.drop;
      await loadDemo(first);
      second = await openDatabase({ databaseUrl: fresh.url });
      one = await testApp(first);
      two = await testApp(second);
    });
    after(async () => {
      await one?.close();
      await two?.close();
      await second?.close();
      await first?.close();
      await drop?.();
    });

    test('an approval through the other process shows on the next poll', async () => {
      const watcher = (
        await demoSessions(one, [['tuyenquang', 'officer.tuyenquang@demo.dxmon.org']])
      ).tuyenquang as Headers;
      const approver = (await demoSessions(two, [['approver', 'approver@demo.dxmon.org']]))
        .approver as Headers;
      const url = '/api/dashboard?unit=VN25-08';
      const before = await one.inject({ url, headers: watcher });
      assert.equal(before.statusCode, 200);
      assert.equal((before.json() as Dashboard).tiles.reporting?.approved, 0);
      const etag = before.headers.etag as string;
      assert.equal(
        (await one.inject({ url, headers: { ...watcher, 'if-none-match': etag } })).statusCode,
        304,
      );
      const approved = await two.inject({
        method: 'POST',
        url: '/api/workflow/approve',
        headers: approver,
        payload: { unit: 'VN25-08', dataset: 'dti-province', period: '2026' },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      const started = performance.now();
      const after = await one.inject({ url, headers: { ...watcher, 'if-none-match': etag } });
      const took = performance.now() - started;
      assert.equal(after.statusCode, 200);
      assert.equal((after.json() as Dashboard).tiles.reporting?.approved, 1);
      assert.ok(took < 2000, `recomputed in ${Math.round(took)} ms`);
    });
  });
}
