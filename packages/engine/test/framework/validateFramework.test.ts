import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Framework, FrameworkNode } from '../../src/framework/schema.js';
import { validateFramework } from '../../src/framework/validateFramework.js';
import type { Problem } from '../../src/problem.js';
import { node } from '../frameworkNode.js';

/** A node as parseFramework returns it: weight and direction filled in. */
const framework = (...nodes: FrameworkNode[]): Framework => ({ nodes });
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const kinds = (problems: Problem[]) => errors(problems).map((p) => `${p.kind}:${p.node ?? ''}`);

test('a sound framework has no problem', () => {
  const fw = framework(
    node('I'),
    node('A', 'I'),
    node('B', 'I'),
    node('a1', 'A'),
    node('a2', 'A'),
    node('b1', 'B', { numerator: 'x', denominator: 'y', factor: 100 }),
    node('b2', 'B', { formula: '(p + q) / 2' }),
  );
  assert.deepEqual(validateFramework(fw), []);
  assert.deepEqual(
    validateFramework(fw, { dataCodes: new Set(['a1', 'a2', 'x', 'y', 'p', 'q']) }),
    [],
  );
});

test('an unknown parent is reported on the node that names it', () => {
  const problems = validateFramework(framework(node('I'), node('a', 'I'), node('b', 'Pillar')));
  assert.deepEqual(kinds(problems), ['unknown-parent:b']);
  assert.match(errors(problems)[0]?.message ?? '', /"b" has parent "Pillar"/);
});

test('a node that is its own parent is a cycle', () => {
  const problems = validateFramework(framework(node('I'), node('a', 'I'), node('loop', 'loop')));
  assert.deepEqual(kinds(problems), ['cycle:loop']);
  assert.match(errors(problems)[0]?.message ?? '', /"loop" is its own parent/);
});

test('a two-node cycle is reported once, naming both nodes', () => {
  const problems = validateFramework(framework(node('I'), node('a', 'b'), node('b', 'a')));
  const cycles = errors(problems).filter((p) => p.kind === 'cycle');
  assert.equal(cycles.length, 1);
  assert.match(cycles[0]?.message ?? '', /"a"/);
  assert.match(cycles[0]?.message ?? '', /"b"/);
  assert.ok(['a', 'b'].includes(cycles[0]?.node ?? ''));
});

test('a three-node cycle is reported once, with the path around it', () => {
  const problems = validateFramework(
    framework(node('I'), node('x', 'I'), node('a', 'c'), node('b', 'a'), node('c', 'b')),
  );
  const cycles = errors(problems).filter((p) => p.kind === 'cycle');
  assert.equal(cycles.length, 1);
  // a -> c -> b -> a (each node's parent in turn)
  assert.match(cycles[0]?.message ?? '', /"a" -> "c" -> "b" -> "a"/);
  assert.deepEqual(kinds(problems), ['cycle:a']);
});

test('a node hanging below a cycle is not itself reported as a cycle', () => {
  const problems = validateFramework(
    framework(node('I'), node('a', 'b'), node('b', 'a'), node('leaf', 'a')),
  );
  assert.equal(errors(problems).filter((p) => p.kind === 'cycle').length, 1);
  assert.ok(!errors(problems).some((p) => p.node === 'leaf'));
});

test('a repeated code is reported with the index of the repeat', () => {
  const problems = validateFramework(framework(node('I'), node('a', 'I'), node('a', 'I')));
  assert.deepEqual(kinds(problems), ['duplicate-code:a']);
  assert.match(errors(problems)[0]?.message ?? '', /nodes\[2\]/);
});

test('several roots: every root after the first is reported', () => {
  const problems = validateFramework(
    framework(node('I'), node('a', 'I'), node('J'), node('K'), node('k', 'K')),
  );
  assert.deepEqual(kinds(problems), ['several-roots:J', 'several-roots:K']);
  assert.match(errors(problems)[0]?.message ?? '', /"I" is already the root/);
});

test('no root: every node has a parent', () => {
  const problems = validateFramework(framework(node('a', 'b'), node('b', 'a')));
  assert.ok(kinds(problems).includes('no-root:'));
  assert.ok(kinds(problems).some((k) => k.startsWith('cycle:')));
});

test('a formula on an aggregate is an error', () => {
  for (const extra of [
    { formula: 'x / y' },
    { numerator: 'x', denominator: 'y' },
  ] satisfies Partial<FrameworkNode>[]) {
    const problems = validateFramework(framework(node('I'), node('A', 'I', extra), node('a', 'A')));
    assert.deepEqual(kinds(problems), ['formula-on-aggregate:A']);
  }
});

test('a malformed formula is reported with where it fails', () => {
  const problems = validateFramework(
    framework(node('I'), node('a', 'I', { formula: 'x / (y + ' }), node('b', 'I')),
  );
  assert.deepEqual(kinds(problems), ['invalid-formula:a']);
  assert.match(errors(problems)[0]?.message ?? '', /node "a" field "formula"/);
  assert.match(errors(problems)[0]?.message ?? '', /at character \d+/);
});

test('a numerator without a denominator (and the reverse) is an error', () => {
  const problems = validateFramework(
    framework(
      node('I'),
      node('a', 'I', { numerator: 'x' }),
      node('b', 'I', { denominator: 'y' }),
      node('c', 'I', { formula: 'x', numerator: 'x', denominator: 'y' }),
    ),
  );
  assert.deepEqual(kinds(problems), [
    'invalid-formula:a',
    'invalid-formula:b',
    'invalid-formula:c',
  ]);
  assert.match(errors(problems)[0]?.message ?? '', /needs both "numerator" and "denominator"/);
});

test('indicators absent from the data are reported when the data codes are given', () => {
  const fw = framework(node('I'), node('a', 'I'), node('b', 'I'), node('c', 'I'));
  // Without the data's codes nothing can be said about data.
  assert.deepEqual(validateFramework(fw), []);
  const problems = validateFramework(fw, { dataCodes: new Set(['a', 'zzz']) });
  assert.deepEqual(kinds(problems), ['missing-data:b', 'missing-data:c']);
  assert.match(errors(problems)[0]?.message ?? '', /indicator "b" has no data/);
});

test('every element a formula reads must be in the data', () => {
  const fw = framework(
    node('I'),
    node('ehr', 'I', { numerator: 'ehr_people', denominator: 'population', factor: 100 }),
    node('mix', 'I', { formula: 'alpha * 2 - beta' }),
  );
  const problems = validateFramework(fw, { dataCodes: new Set(['ehr_people', 'alpha']) });
  assert.deepEqual(kinds(problems), ['missing-data:ehr', 'missing-data:mix']);
  assert.match(errors(problems)[0]?.message ?? '', /"ehr" reads "population"/);
  assert.match(errors(problems)[1]?.message ?? '', /"mix" reads "beta"/);
});

test('settings on the wrong kind of node are warnings, not errors', () => {
  const problems = validateFramework(
    framework(
      node('I', undefined, { aggregate: { method: 'geometric', data_threshold: 0 } }),
      node('A', 'I', { normalise: { method: 'rank' }, impute: 'mean' }),
      node('a', 'A', { aggregate: { method: 'harmonic', data_threshold: 0 } }),
    ),
  );
  assert.deepEqual(errors(problems), []);
  assert.deepEqual(
    problems.map((p) => `${p.severity}:${p.kind}:${p.node}`),
    ['warning:ignored-setting:A', 'warning:ignored-setting:A', 'warning:ignored-setting:a'],
  );
});

test('every problem is reported in one call, each naming its node', () => {
  const problems = validateFramework(
    framework(
      node('I'),
      node('P', 'I', { formula: 'x * 2' }), // an aggregate with a formula
      node('p1', 'P'),
      node('p1', 'P'), // a repeated code
      node('orphan', 'Nowhere'), // an unknown parent
      node('bad', 'I', { formula: '3 +' }), // a malformed formula
      node('half', 'I', { numerator: 'n' }), // a numerator without a denominator
      node('Second'), // a second root
      node('ghost', 'I'), // no data
    ),
    { dataCodes: new Set(['p1']) },
  );
  const found = kinds(problems);
  for (const expected of [
    'formula-on-aggregate:P',
    'duplicate-code:p1',
    'unknown-parent:orphan',
    'invalid-formula:bad',
    'invalid-formula:half',
    'several-roots:Second',
    'missing-data:ghost',
  ]) {
    assert.ok(found.includes(expected), `expected ${expected} in ${found.join(', ')}`);
  }
  assert.ok(errors(problems).length >= 7);
  for (const p of errors(problems)) {
    assert.ok(p.node, `problem without a node: ${p.message}`);
    assert.ok(p.message.includes(`"${p.node}"`), `message does not name ${p.node}: ${p.message}`);
  }
});
