import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { saveFramework } from '../src/services/frameworks.js';
import { onEachDatabase } from './databases.js';
import { adminAuthorization, miniData, miniFramework, seedProvinces, testApp } from './fixtures.js';

onEachDatabase('cached responses', (database) => {
  let app: FastifyInstance;
  before(async () => {
    await seedProvinces(database());
    await saveFramework(database().db, miniFramework);
    app = await testApp(database());
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': 'text/csv', authorization: await adminAuthorization(database()) },
      body: miniData,
    });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => app?.close());

  const url = '/api/results?framework=mini&period=2024';

  test('a repeated read is the same JSON, with an ETag that revalidates to 304', async () => {
    const first = await app.inject(url);
    const second = await app.inject(url);
    assert.equal(first.statusCode, 200);
    assert.equal(second.body, first.body);
    assert.match(second.headers['content-type'] as string, /^application\/json/);
    const etag = first.headers.etag as string;
    assert.ok(etag, 'an ETag');
    assert.equal(second.headers.etag, etag);
    const revalidated = await app.inject({ url, headers: { 'if-none-match': etag } });
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.body, '');
  });

  test('clients that accept gzip get the same JSON gzipped', async () => {
    const plain = await app.inject(url);
    await app.inject(url); // cached from here on
    const zipped = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers.vary, 'accept-encoding');
    assert.equal(gunzipSync(zipped.rawPayload).toString(), plain.body);
  });

  test('an import that changes a value changes the next response and its ETag', async () => {
    const before = await app.inject(url);
    const vn01 = (r: typeof before) =>
      r.json().items.find((i: { unit: string }) => i.unit === 'VN-01');
    assert.equal(vn01(before).score, 100);
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': 'text/csv', authorization: await adminAuthorization(database()) },
      body: 'unit,indicator,period,value\nVN-01,online_share,2024,0\n',
    });
    assert.equal(res.statusCode, 200, res.body);
    const stale = await app.inject({ url, headers: { 'if-none-match': before.headers.etag } });
    assert.equal(stale.statusCode, 200, 'the old ETag no longer matches');
    assert.notEqual(stale.headers.etag, before.headers.etag);
    assert.ok(vn01(stale).score < 100, 'the new value is in the ranking');
  });

  test('a bad query is still a 400, never a cached answer', async () => {
    const res = await app.inject('/api/results?framework=mini&period=twenty');
    assert.equal(res.statusCode, 400);
  });

  test('a new framework version shows at once in the list', async () => {
    const before = (await app.inject('/api/frameworks')).json();
    await saveFramework(database().db, miniFramework);
    const after = (await app.inject('/api/frameworks')).json();
    assert.notDeepEqual(after, before);
  });
});
