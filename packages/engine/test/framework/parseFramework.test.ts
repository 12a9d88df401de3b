import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFramework } from '../../src/framework/parseFramework.js';
import type { Problem } from '../../src/problem.js';

const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

test('reads a YAML document with id, name, version and nodes', () => {
  const { framework, problems } = parseFramework(`
id: dti
name: Digital transformation index
version: 2024.1
nodes:
  - code: DTI
    name: Index
  - code: gov
    parent: DTI
    weight: 2
  - code: egov_services
    parent: gov
    direction: -1
`);
  assert.deepEqual(problems, []);
  assert.equal(framework.id, 'dti');
  assert.equal(framework.name, 'Digital transformation index');
  assert.equal(framework.version, 2024.1);
  assert.deepEqual(
    framework.nodes.map((n) => [n.code, n.parent ?? null, n.weight, n.direction]),
    [
      ['DTI', null, 1, 1],
      ['gov', 'DTI', 2, 1],
      ['egov_services', 'gov', 1, -1],
    ],
  );
});

test('reads a JSON document, and a bare JSON list of nodes', () => {
  const doc = parseFramework(
    JSON.stringify({ id: 'x', version: '1.0', nodes: [{ code: 'I' }, { code: 'a', parent: 'I' }] }),
  );
  assert.deepEqual(doc.problems, []);
  assert.equal(doc.framework.id, 'x');
  assert.equal(doc.framework.version, '1.0');
  assert.deepEqual(
    doc.framework.nodes.map((n) => n.code),
    ['I', 'a'],
  );

  const list = parseFramework('[{"code": "I"}, {"code": "a", "parent": "I", "weight": 3}]');
  assert.deepEqual(list.problems, []);
  assert.equal(list.framework.id, undefined);
  assert.deepEqual(
    list.framework.nodes.map((n) => [n.code, n.weight]),
    [
      ['I', 1],
      ['a', 3],
    ],
  );
});

test('reads a bare YAML list of nodes', () => {
  const { framework, problems } = parseFramework('- code: I\n- code: a\n  parent: I\n');
  assert.deepEqual(problems, []);
  assert.deepEqual(
    framework.nodes.map((n) => n.code),
    ['I', 'a'],
  );
});

test('a byte-order mark at the start is ignored', () => {
  const { framework, problems } = parseFramework('\uFEFF- code: I\n');
  assert.deepEqual(problems, []);
  assert.equal(framework.nodes[0]?.code, 'I');
});

test('defaults: weight 1 and direction 1; settings are absent unless given', () => {
  const { framework } = parseFramework('- code: I\n- code: a\n  parent: I\n');
  const a = framework.nodes[1];
  assert.equal(a?.weight, 1);
  assert.equal(a?.direction, 1);
  assert.equal(a?.normalise, undefined);
  assert.equal(a?.aggregate, undefined);
  assert.equal(a?.impute, undefined);
  assert.equal(a?.outliers, undefined);
});

test('shorthand settings: `normalise: rank` means {method: rank}, with each default filled in', () => {
  const { framework, problems } = parseFramework(`
- code: I
  aggregate: geometric
- code: a
  parent: I
  normalise: rank
- code: b
  parent: I
  normalise: minmax
  outliers: winsorise
`);
  assert.deepEqual(problems, []);
  const [I, a, b] = framework.nodes;
  assert.deepEqual(a?.normalise, { method: 'rank' });
  assert.deepEqual(b?.normalise, { method: 'minmax', range: [0, 100] });
  assert.deepEqual(b?.outliers, { method: 'winsorise', max_points: 5, skewness: 2, kurtosis: 3.5 });
  assert.deepEqual(I?.aggregate, { method: 'geometric', data_threshold: 0 });
});

test('full settings objects are read with their parameters', () => {
  const { framework, problems } = parseFramework(`
- code: I
  aggregate: {method: arithmetic, data_threshold: 0.5}
- code: a
  parent: I
  normalise: {method: goalposts, lower: 0, upper: 10}
  impute: group-mean
- code: b
  parent: I
  numerator: ehr_people
  denominator: population
  factor: 100
`);
  assert.deepEqual(problems, []);
  const [I, a, b] = framework.nodes;
  assert.deepEqual(I?.aggregate, { method: 'arithmetic', data_threshold: 0.5 });
  assert.deepEqual(a?.normalise, { method: 'goalposts', lower: 0, upper: 10, scale: 100 });
  assert.equal(a?.impute, 'group-mean');
  assert.equal(b?.numerator, 'ehr_people');
  assert.equal(b?.denominator, 'population');
  assert.equal(b?.factor, 100);
});

test('every malformed node is reported with its code, its index and the offending value', () => {
  const { framework, problems } = parseFramework(`
nodes:
  - code: I
  - code: negative
    parent: I
    weight: -1
  - code: zero
    parent: I
    weight: 0
  - code: sideways
    parent: I
    direction: 2
  - code: oddnorm
    parent: I
    normalise: {method: logistic}
  - name: no code here
    parent: I
  - code: fine
    parent: I
`);
  // The good nodes are kept; each bad one is left out and reported.
  assert.deepEqual(
    framework.nodes.map((n) => n.code),
    ['I', 'fine'],
  );
  const errors = errorsOf(problems);
  assert.equal(errors.length, 5);
  assert.ok(errors.every((p) => p.kind === 'invalid-node'));

  const [negative, zero, sideways, oddnorm, nameless] = errors;
  assert.equal(negative?.node, 'negative');
  assert.match(negative?.message ?? '', /node "negative" \(nodes\[1\]\)/);
  assert.match(negative?.message ?? '', /"weight"/);
  assert.match(negative?.message ?? '', /got -1/);

  assert.equal(zero?.node, 'zero');
  assert.match(zero?.message ?? '', /nodes\[2\]/);
  assert.match(zero?.message ?? '', /"weight".*got 0/);

  assert.equal(sideways?.node, 'sideways');
  assert.match(sideways?.message ?? '', /nodes\[3\]/);
  assert.match(sideways?.message ?? '', /"direction".*got 2/);

  assert.equal(oddnorm?.node, 'oddnorm');
  assert.match(oddnorm?.message ?? '', /nodes\[4\]/);
  assert.match(oddnorm?.message ?? '', /normalise/);
  assert.match(oddnorm?.message ?? '', /"logistic"/);

  // No code to name it by: the index says which node it is.
  assert.equal(nameless?.node, undefined);
  assert.match(nameless?.message ?? '', /nodes\[5\]/);
  assert.match(nameless?.message ?? '', /"code"/);
});

test('an unknown method in shorthand (`normalise: logistic`) is reported with the value written', () => {
  const { problems } = parseFramework('- code: I\n- code: a\n  parent: I\n  normalise: logistic\n');
  const [error] = errorsOf(problems);
  assert.equal(error?.node, 'a');
  assert.match(error?.message ?? '', /nodes\[1\]/);
  assert.match(error?.message ?? '', /"logistic"/);
});

test('a weight that is not a number is reported with its value', () => {
  const { problems } = parseFramework('- code: I\n- code: a\n  parent: I\n  weight: heavy\n');
  const [error] = errorsOf(problems);
  assert.equal(error?.node, 'a');
  assert.match(error?.message ?? '', /weight must be a number, got "heavy"/);
});

test('an unknown field of a node is reported', () => {
  const { problems } = parseFramework('- code: I\n- code: a\n  parent: I\n  colour: red\n');
  const [error] = errorsOf(problems);
  assert.equal(error?.node, 'a');
  assert.match(error?.message ?? '', /colour/);
});

test('invalid YAML is reported with its line', () => {
  const { framework, problems } = parseFramework('nodes:\n  - code: a\n   parent: [b\n');
  assert.deepEqual(framework.nodes, []);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.kind, 'invalid-framework');
  assert.match(problems[0]?.message ?? '', /not valid YAML or JSON \(line 3, column \d+\)/);
});

test('invalid JSON is reported with its line', () => {
  const { problems } = parseFramework('{\n  "nodes": [\n    {"code": "a"\n  ]\n}\n');
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.kind, 'invalid-framework');
  assert.match(problems[0]?.message ?? '', /\(line \d+, column \d+\)/);
});

test('an empty text, an empty node list and an unknown top-level key are reported', () => {
  for (const text of ['', '   \n', 'nodes: []\n', 'nodes: [{code: a}]\nowner: me\n']) {
    const { framework, problems } = parseFramework(text);
    assert.deepEqual(framework.nodes, [], text);
    assert.equal(problems.length, 1, text);
    assert.equal(problems[0]?.kind, 'invalid-framework', text);
  }
});
