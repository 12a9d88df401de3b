import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCriteriaModel } from '../../src/index.js';

const good = `id: commune-dx-model
version: 1.0
name: Commune model
criteria:
  - {code: C1, indicator: portal, op: "==", value: true}
  - {code: C2, indicator: online, op: ">=", value: 50, mandatory: false}
  - {code: C3, indicator: days, op: "<=", value: 5, mandatory: false}
pass: {mandatory: all, optional_min: 1}
`;

test('a good model: booleans become 1/0, mandatory defaults to true, version is text', () => {
  const { model, problems, criterionLines } = parseCriteriaModel(good);
  assert.deepEqual(problems, []);
  assert.equal(model?.version, '1');
  assert.equal(model?.criteria[0]?.value, 1);
  assert.equal(model?.criteria[0]?.mandatory, true);
  assert.equal(model?.criteria[1]?.mandatory, false);
  assert.deepEqual(criterionLines, [5, 6, 7]);
});

test('JSON works too, and pass defaults to all mandatory and no optional minimum', () => {
  const { model, problems } = parseCriteriaModel(
    JSON.stringify({
      id: 'm',
      version: '2',
      criteria: [{ code: 'A', indicator: 'x', op: '>', value: 0, mandatory: false }],
    }),
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(model?.pass, { mandatory: 'all', optional_min: 0 });
});

test('every problem of a malformed model at once, with field path, line and value', () => {
  const text = `id: m
version: "1"
criteria:
  - {code: C1, indicator: portal, op: "=>", value: 1}
  - {code: C1, indicator: online, op: ">=", value: fifty}
  - {code: C3, op: "<", value: 5, mandatory: "no"}
pass: {mandatory: some, optional_min: 2}
`;
  const { model, problems } = parseCriteriaModel(text);
  assert.equal(model, undefined);
  const by = Object.fromEntries(problems.map((p) => [p.path, p]));
  assert.equal(by['criteria[0].op']?.line, 4);
  assert.match(by['criteria[0].op']?.message ?? '', /op must be one of >= > <= < == !=, got "=>"/);
  assert.equal(by['criteria[1].value']?.line, 5);
  assert.match(by['criteria[1].value']?.message ?? '', /got "fifty"/);
  assert.equal(by['criteria[2].indicator']?.line, 6, 'a missing key is placed at its parent');
  assert.match(by['criteria[2].mandatory']?.message ?? '', /true or false/);
  assert.match(by['pass.mandatory']?.message ?? '', /"all"/);
  assert.equal(by['pass.mandatory']?.line, 7);
});

test('duplicate codes and an unreachable optional_min are refused', () => {
  const text = `id: m
version: "1"
criteria:
  - {code: C1, indicator: a, op: ">", value: 0, mandatory: false}
  - {code: C1, indicator: b, op: ">", value: 0}
pass: {optional_min: 2}
`;
  const { problems } = parseCriteriaModel(text);
  const messages = problems.map((p) => `${p.path}@${p.line}: ${p.message}`);
  assert.ok(
    messages.some((m) => /^criteria\[1\]\.code@5: .*already used by criteria\[0\]/.test(m)),
    messages.join('\n'),
  );
  assert.ok(
    messages.some((m) => /^pass\.optional_min@6: .*only 1 optional/.test(m)),
    messages.join('\n'),
  );
});

test('a YAML syntax error names its line; a list or an empty criteria list is refused', () => {
  const syntax = parseCriteriaModel('id: m\ncriteria: [\n  {code: C1\n');
  assert.ok(syntax.problems.length > 0);
  assert.ok(syntax.problems.every((p) => p.line !== undefined && /not valid YAML/.test(p.message)));
  assert.match(parseCriteriaModel('- a\n- b\n').problems[0]?.message ?? '', /expected a model/);
  const empty = parseCriteriaModel('id: m\nversion: 1\ncriteria: []\n');
  assert.match(empty.problems[0]?.message ?? '', /at least one criterion/);
});
