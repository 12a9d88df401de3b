import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { fillUniform, randomStreams } from '../../src/uncertainty/randomStreams.js';

test('stream s is xoroshiro128+ of the seed jumped s times', () => {
  const expected = xoroshiro128plus(42);
  expected.jump();
  expected.jump();
  const streams = randomStreams(42, 2);
  const got = streams.next();
  for (let i = 0; i < 5; i++) assert.equal(uniformFloat64(got), uniformFloat64(expected));
  // Starting further on gives the same stream as walking there.
  const walked = randomStreams(42);
  walked.next();
  walked.next();
  walked.next();
  assert.deepEqual(
    fillUniform(walked.next(), new Float64Array(4)),
    fillUniform(randomStreams(42, 3).next(), new Float64Array(4)),
  );
});

test('streams differ from each other and draws lie in [0, 1)', () => {
  const streams = randomStreams(7);
  const a = fillUniform(streams.next(), new Float64Array(1000));
  const b = fillUniform(streams.next(), new Float64Array(1000));
  assert.notDeepEqual(a, b);
  for (const u of [...a, ...b]) assert.ok(u >= 0 && u < 1);
  const mean = a.reduce((s, u) => s + u, 0) / a.length;
  assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean}`);
});

test('a seed must be a 32-bit unsigned integer', () => {
  for (const seed of [-1, 1.5, 2 ** 32, Number.NaN]) {
    assert.throws(() => randomStreams(seed), /seed must be an integer from 0 to 4294967295/);
  }
  assert.doesNotThrow(() => randomStreams(2 ** 32 - 1));
});
