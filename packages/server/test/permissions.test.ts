// The permission matrix: every role (and anonymous) against every protected endpoint, for a unit
// of its own, one below it, a sibling and an ancestor. The expected answers are the rules
// written out as a table, not derived from the code: any unexpected allow or deny fails.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../src/auth/actor.js';
import { units } from '../src/db/schema.js';
import { createApiToken } from '../src/services/apiTokens.js';
import { saveFramework } from '../src/services/frameworks.js';
import { createUser } from '../src/services/users.js';
import { onEachDatabase } from './databases.js';
import { miniFramework, seedProvinces, testApp } from './fixtures.js';

type Who = 'anonymous' | 'admin' | 'analyst' | 'officer' | 'approver' | 'viewer';
type Where = 'own' | 'below' | 'sibling' | 'ancestor';

// Every account with a unit acts for VN-01 (Ha Noi). Below it: a commune; its sibling: VN-08;
// its ancestor: the country.
const unitOf: Record<Where, string> = {
  own: 'VN-01',
  below: 'VN-01-C1',
  sibling: 'VN-08',
  ancestor: 'VN',
};
const everywhere: readonly Where[] = ['own', 'below', 'sibling', 'ancestor'];
const subtree: readonly Where[] = ['own', 'below'];

/** Where each role may act, per kind of action (the rules). */
const allowed: Record<string, Record<Who, readonly Where[]>> = {
  // Officers enter, import and submit data for their unit and the units below it.
  write: {
    anonymous: [],
    admin: everywhere,
    analyst: everywhere,
    officer: subtree,
    approver: [],
    viewer: [],
  },
  // Approval is by an approver of an ancestor unit: strictly above, never one's own unit.
  approve: {
    anonymous: [],
    admin: everywhere,
    analyst: [],
    officer: [],
    approver: ['below'],
    viewer: [],
  },
  // Non-public reads: national roles everywhere, the others in their subtree.
  readPrivate: {
    anonymous: [],
    admin: everywhere,
    analyst: everywhere,
    officer: subtree,
    approver: subtree,
    viewer: subtree,
  },
};

/** Endpoints without a unit: who may call them at all. */
const allowedGlobal: Record<string, readonly Who[]> = {
  runs: ['admin', 'analyst'],
  listUsers: ['admin'],
  createUser: ['admin'],
  me: ['admin', 'analyst', 'officer', 'approver', 'viewer'],
  audit: ['admin', 'analyst', 'officer', 'approver', 'viewer'],
  tokens: ['admin', 'analyst', 'officer', 'approver', 'viewer'],
  publicResults: ['anonymous', 'admin', 'analyst', 'officer', 'approver', 'viewer'],
  publicProfile: ['anonymous', 'admin', 'analyst', 'officer', 'approver', 'viewer'],
};

const roleAccounts: { who: Exclude<Who, 'anonymous'>; unit: string | null }[] = [
  { who: 'admin', unit: null },
  { who: 'analyst', unit: 'VN' },
  { who: 'officer', unit: 'VN-01' },
  { who: 'approver', unit: 'VN-01' },
  { who: 'viewer', unit: 'VN-01' },
];

onEachDatabase('permission matrix', (database) => {
  let app: FastifyInstance;
  const headers: Record<Who, Record<string, string>> = {
    anonymous: {},
    admin: {},
    analyst: {},
    officer: {},
    approver: {},
    viewer: {},
  };
  before(async () => {
    await seedProvinces(database());
    await database().db.insert(units).values({
      code: 'VN-01-C1',
      level: 'commune',
      parent: 'VN-01',
      nameEn: 'Commune 1',
      validFrom: '2008-08-01',
    });
    await saveFramework(database().db, miniFramework);
    for (const { who, unit } of roleAccounts) {
      const user = await createUser(
        database(),
        { email: `${who}@matrix.test`, name: who, role: who, unit },
        systemActor,
      );
      const { token } = await createApiToken(database(), user.id, 'matrix', systemActor);
      headers[who] = { authorization: `Bearer ${token}` };
    }
    app = await testApp(database());
  });
  after(() => app?.close());

  const call = (who: Who, method: 'GET' | 'POST', url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: {
        ...headers[who],
        ...(typeof body === 'string' ? { 'content-type': 'text/csv' } : {}),
      },
      ...(body === undefined ? {} : { payload: body as string | object }),
    });

  const unitRequests: Record<
    string,
    { kind: string; send: (who: Who, unit: string) => ReturnType<typeof call> }
  > = {
    'POST /api/data-values': {
      kind: 'write',
      send: (who, unit) =>
        call(who, 'POST', '/api/data-values', {
          values: [{ unit, indicator: 'online_share', period: '2024', value: 50 }],
        }),
    },
    'POST /api/imports': {
      kind: 'write',
      send: (who, unit) =>
        call(
          who,
          'POST',
          '/api/imports?dry_run=true',
          `unit,indicator,period,value\n${unit},days,2024,3\n`,
        ),
    },
    'POST /api/workflow/submit': {
      kind: 'write',
      send: (who, unit) =>
        call(who, 'POST', '/api/workflow/submit', { unit, dataset: 'mini', period: '2023' }),
    },
    'POST /api/workflow/approve': {
      kind: 'approve',
      send: (who, unit) =>
        call(who, 'POST', '/api/workflow/approve', { unit, dataset: 'mini', period: '2022' }),
    },
    'POST /api/workflow/reopen': {
      kind: 'approve',
      send: (who, unit) =>
        call(who, 'POST', '/api/workflow/reopen', {
          unit,
          dataset: 'mini',
          period: '2022',
          reason: 'matrix',
        }),
    },
    'GET /api/workflow': {
      kind: 'readPrivate',
      send: (who, unit) => call(who, 'GET', `/api/workflow?unit=${unit}&dataset=mini&period=2024`),
    },
  };

  const globalRequests: Record<string, (who: Who) => ReturnType<typeof call>> = {
    runs: (who) => call(who, 'POST', '/api/runs', { framework: 'mini', period: '2024' }),
    listUsers: (who) => call(who, 'GET', '/api/users'),
    createUser: (who) =>
      call(who, 'POST', '/api/users', {
        email: `made-by-${who}@matrix.test`,
        name: 'New',
        role: 'viewer',
        unit: 'VN-01',
      }),
    me: (who) => call(who, 'GET', '/api/me'),
    audit: (who) => call(who, 'GET', '/api/audit'),
    tokens: (who) => call(who, 'GET', '/api/tokens'),
    publicResults: (who) => call(who, 'GET', '/api/results?framework=mini&period=2024'),
    publicProfile: (who) => call(who, 'GET', '/api/units/VN-01/profile?framework=mini&period=2024'),
  };

  const whos: Who[] = ['anonymous', 'admin', 'analyst', 'officer', 'approver', 'viewer'];

  test('every role, every unit endpoint, own unit, below, sibling and ancestor', async () => {
    const unexpected: string[] = [];
    let cases = 0;
    for (const [name, { kind, send }] of Object.entries(unitRequests)) {
      for (const who of whos) {
        for (const where of ['own', 'below', 'sibling', 'ancestor'] as const) {
          cases++;
          const res = await send(who, unitOf[where]);
          assert.ok(res.statusCode < 500, `${name} ${who} ${where}: ${res.statusCode} ${res.body}`);
          const denied = res.statusCode === 401 || res.statusCode === 403;
          const expectAllow = allowed[kind]?.[who].includes(where) ?? false;
          if (denied === expectAllow) {
            unexpected.push(
              `${name} as ${who} on ${where} (${unitOf[where]}): ${res.statusCode} but ${expectAllow ? 'allowed' : 'denied'} expected: ${res.body.slice(0, 160)}`,
            );
          }
          if (denied) {
            assert.equal(
              res.statusCode,
              who === 'anonymous' ? 401 : 403,
              `${name} ${who} ${where}`,
            );
            assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
          }
        }
      }
    }
    assert.equal(cases, 6 * 6 * 4);
    assert.deepEqual(unexpected, []);
  });

  test('every role against the endpoints without a unit', async () => {
    const unexpected: string[] = [];
    for (const [name, send] of Object.entries(globalRequests)) {
      for (const who of whos) {
        const res = await send(who);
        assert.ok(res.statusCode < 500, `${name} ${who}: ${res.statusCode} ${res.body}`);
        const denied = res.statusCode === 401 || res.statusCode === 403;
        const expectAllow = allowedGlobal[name]?.includes(who) ?? false;
        if (denied === expectAllow) {
          unexpected.push(
            `${name} as ${who}: ${res.statusCode}, ${expectAllow ? 'allowed' : 'denied'} expected`,
          );
        }
      }
    }
    assert.deepEqual(unexpected, []);
  });

  test("the audit trail shows a viewer only its own subtree's rows", async () => {
    const rows = (await call('viewer', 'GET', '/api/audit?limit=10000')).json().items as {
      unit: string | null;
    }[];
    assert.ok(rows.length > 0, 'the matrix wrote audited values in VN-01');
    for (const r of rows)
      assert.ok(r.unit === 'VN-01' || r.unit === 'VN-01-C1', `row of ${r.unit}`);
    const all = (await call('admin', 'GET', '/api/audit?limit=10000')).json().items as {
      unit: string | null;
    }[];
    assert.ok(
      all.some((r) => r.unit === 'VN-08'),
      'the admin sees the sibling province too',
    );
  });
});
