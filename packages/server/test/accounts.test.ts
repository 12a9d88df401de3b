import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../src/auth/actor.js';
import { createUser } from '../src/services/users.js';
import { onEachDatabase } from './databases.js';
import { seedProvinces, testApp } from './fixtures.js';

const password = 'correct horse battery staple';

onEachDatabase('accounts, sessions and tokens', (database) => {
  let app: FastifyInstance;
  before(async () => {
    await seedProvinces(database());
    for (const email of ['lan@hanoi.test', 'locked@hanoi.test']) {
      await createUser(
        database(),
        { email, name: 'Nguyen Lan', role: 'officer', unit: 'VN-01', password },
        systemActor,
      );
    }
    app = await testApp(database());
  });
  after(() => app?.close());

  const login = (email: string, pass: string, address = '10.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: pass },
      remoteAddress: address,
    });
  const cookieOf = (res: Awaited<ReturnType<typeof login>>) =>
    res.cookies.find((c) => c.name === 'dxmon_session');
  const entry = { values: [{ unit: 'VN-01', indicator: 'days', period: '2024', value: 4 }] };

  test('passwords are stored as argon2id hashes, never as given', async () => {
    const { rows } = await database().query<{ password_hash: string }>(
      `select password_hash from users where email = 'lan@hanoi.test'`,
    );
    assert.match(rows[0]?.password_hash ?? '', /^\$argon2id\$/);
    assert.ok(!rows[0]?.password_hash.includes(password));
  });

  test('sign-in sets an httpOnly, SameSite cookie and returns a token and a CSRF token', async () => {
    const res = await login('LAN@hanoi.test', password);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.user.email, 'lan@hanoi.test');
    assert.equal(body.user.password_hash, undefined);
    const cookie = cookieOf(res);
    assert.ok(cookie, 'a session cookie');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.value, body.token);
    // Only the hash of the secret is stored.
    const { rows } = await database().query<{ id: string }>('select id from sessions');
    assert.ok(rows.every((r) => r.id !== body.token));

    const me = await app.inject({ url: '/api/me', cookies: { dxmon_session: cookie.value } });
    assert.equal(me.statusCode, 200, me.body);
    assert.deepEqual(
      [me.json().email, me.json().role, me.json().via],
      ['lan@hanoi.test', 'officer', 'session'],
    );
    const bearer = await app.inject({
      url: '/api/me',
      headers: { authorization: `Bearer ${body.token}` },
    });
    assert.equal(bearer.statusCode, 200);
  });

  test('a cookie write needs the CSRF token; a Bearer write does not', async () => {
    const session = (await login('lan@hanoi.test', password)).json();
    const cookies = { dxmon_session: session.token };
    const forged = await app.inject({
      method: 'POST',
      url: '/api/data-values',
      cookies,
      payload: entry,
    });
    assert.equal(forged.statusCode, 403, forged.body);
    assert.match(forged.json().detail, /x-csrf-token/);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/data-values',
      cookies,
      headers: { 'x-csrf-token': 'csrf_guess' },
      payload: entry,
    });
    assert.equal(wrong.statusCode, 403);
    const good = await app.inject({
      method: 'POST',
      url: '/api/data-values',
      cookies,
      headers: { 'x-csrf-token': session.csrf_token },
      payload: entry,
    });
    assert.equal(good.statusCode, 200, good.body);
    const scripted = await app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: { authorization: `Bearer ${session.token}` },
      // Changing the value just written: with the version read back.
      payload: {
        values: [{ ...entry.values[0], value: 5, version: good.json().items[0].version }],
      },
    });
    assert.equal(scripted.statusCode, 200, scripted.body);
  });

  test('sign-out ends the session', async () => {
    const session = (await login('lan@hanoi.test', password)).json();
    const auth = { authorization: `Bearer ${session.token}` };
    assert.equal((await app.inject({ url: '/api/me', headers: auth })).statusCode, 200);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: auth });
    assert.equal(out.statusCode, 204);
    assert.equal((await app.inject({ url: '/api/me', headers: auth })).statusCode, 401);
  });

  test('unknown email and wrong password fail alike; five failures lock the account', async () => {
    const unknown = await login('nobody@hanoi.test', password, '10.0.0.2');
    const wrong = await login('locked@hanoi.test', 'not the password', '10.0.0.2');
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.json().detail, wrong.json().detail);
    for (let i = 0; i < 4; i++) await login('locked@hanoi.test', 'still wrong', `10.0.1.${i}`);
    const locked = await login('locked@hanoi.test', password, '10.0.2.1');
    assert.equal(locked.statusCode, 429, locked.body);
    assert.match(locked.json().detail, /locked until/);
    assert.ok(Number(locked.headers['retry-after']) > 0);
  });

  test('one address gets at most ten sign-in attempts a minute', async () => {
    // Unknown accounts, so that no account lockout answers instead of the address limit.
    const statuses = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await login(`nobody${i}@hanoi.test`, 'wrong', '10.9.9.9')).statusCode);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
    assert.equal(statuses[10], 429);
    // Some seconds into the minute, the answer still states the window, then the wait.
    await new Promise((r) => setTimeout(r, 1100));
    const refused = await login('nobody@hanoi.test', 'wrong', '10.9.9.9');
    assert.equal(refused.statusCode, 429, refused.body);
    assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);
    const problem = refused.json();
    assert.equal(problem.status, 429);
    const wait = /^too many requests: at most 10 per minute; try again in (\d+) seconds?$/.exec(
      problem.detail,
    );
    assert.ok(wait, problem.detail);
    assert.ok(Number(wait[1]) >= 1 && Number(wait[1]) <= 59, problem.detail);
    assert.equal(refused.headers['retry-after'], wait[1]);
  });

  test('API tokens: created once, usable, listed without secret, revoked for good', async () => {
    const session = (await login('lan@hanoi.test', password, '10.0.3.1')).json();
    const auth = { authorization: `Bearer ${session.token}` };
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: auth,
      payload: { name: 'nightly import' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const token = created.json().token as string;
    assert.match(token, /^dxt_/);
    const me = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.json().via, 'token');
    const list = (await app.inject({ url: '/api/tokens', headers: auth })).json().items;
    assert.ok(list.length >= 1 && list.every((t: object) => !('token' in t)));
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/tokens/${created.json().id}`,
      headers: auth,
    });
    assert.equal(revoked.statusCode, 200, revoked.body);
    const after = await app.inject({
      url: '/api/me',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(after.statusCode, 401);
    assert.match(after.json().detail, /revoked/);
  });

  test("a token's last use is recorded to the minute, not written on every request", async () => {
    const session = (await login('lan@hanoi.test', password, '10.0.3.2')).json();
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { authorization: `Bearer ${session.token}` },
      payload: { name: 'script' },
    });
    const { id, token } = created.json() as { id: number; token: string };
    const lastUsed = async () =>
      (
        await database().query<{ at: string | null }>(
          'select last_used_at::text as at from api_tokens where id = $1',
          [id],
        )
      ).rows[0]?.at;
    const use = async () => {
      const me = await app.inject({
        url: '/api/me',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(me.statusCode, 200, me.body);
    };
    assert.equal(await lastUsed(), null);
    await use();
    const first = await lastUsed();
    assert.ok(first);
    await use();
    assert.equal(await lastUsed(), first, 'a second use within the minute writes nothing');
    // A minute later the next use is recorded again.
    await database().query(
      `update api_tokens set last_used_at = last_used_at - interval '61 seconds' where id = $1`,
      [id],
    );
    const earlier = await lastUsed();
    await use();
    assert.ok(String(await lastUsed()) > String(earlier));
  });

  test('users change their own password but not their role; an admin deactivates an account', async () => {
    await createUser(
      database(),
      { email: 'minh@hanoi.test', name: 'Minh', role: 'viewer', unit: 'VN-01', password },
      systemActor,
    );
    const session = (await login('minh@hanoi.test', password, '10.0.4.1')).json();
    const auth = { authorization: `Bearer ${session.token}` };
    const id = session.user.id;
    const promote = await app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: auth,
      payload: { role: 'admin' },
    });
    assert.equal(promote.statusCode, 403, promote.body);
    const renamed = await app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: auth,
      payload: { password: 'a brand new passphrase', language: 'vi' },
    });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(renamed.json().language, 'vi');
    assert.equal((await login('minh@hanoi.test', password, '10.0.4.2')).statusCode, 401);
    assert.equal(
      (await login('minh@hanoi.test', 'a brand new passphrase', '10.0.4.3')).statusCode,
      200,
    );

    const admin = await createUser(
      database(),
      { email: 'root@hanoi.test', name: 'Root', role: 'admin', password },
      systemActor,
    );
    assert.ok(admin.id);
    const rootToken = (await login('root@hanoi.test', password, '10.0.4.4')).json().token;
    const off = await app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: { authorization: `Bearer ${rootToken}` },
      payload: { active: false },
    });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().active, false);
    assert.equal((await app.inject({ url: '/api/me', headers: auth })).statusCode, 401);
    assert.equal(
      (await login('minh@hanoi.test', 'a brand new passphrase', '10.0.4.5')).statusCode,
      401,
    );
    const audit = await app.inject({
      url: '/api/audit?entity=user&key=minh@hanoi.test',
      headers: { authorization: `Bearer ${rootToken}` },
    });
    assert.deepEqual(
      audit.json().items.map((r: { action: string }) => r.action),
      ['create', 'update (password changed)', 'update'],
    );
  });

  test('security headers on every answer, no stack traces, bodies limited', async () => {
    const res = await app.inject('/api/health');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['content-security-policy']);
    assert.ok(res.headers['strict-transport-security']);
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    assert.equal(bad.statusCode, 400);
    assert.doesNotMatch(bad.body, /\n\s+at /);
  });
});
