import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compute } from '../../src/compute/compute.js';
import { scoreGaps } from '../../src/explain/scoreGaps.js';
import { frameworkTree } from '../../src/framework/frameworkTree.js';
import { rankDescending } from '../../src/rank/rankDescending.js';
import { assertClose } from '../approx.js';
import { node } from '../frameworkNode.js';
import { workedExample } from './fixtures.js';

// Worked example (docs/methodology.md) index: A 125/3, B 212.5/3, C 37.5, D 50/3; ranks 2, 1, 3, 4.
// GOV: A 12.5, B 100, C 37.5, D 25. SOC: A 100, B 12.5, C 37.5, D 0.
const { tree, panel } = workedExample();
const result = compute({ tree, panel });
const gaps = (u: number) => scoreGaps(tree, panel.units, result.scores, result.ranks, u);

test('D (4th): just above is C (3rd), the leader is B', () => {
  const { above, leader } = gaps(3);
  assert.equal(above?.unit, 'C');
  assert.equal(above?.rank, 3);
  assertClose(above?.gap as number, 37.5 - 50 / 3);
  assert.deepEqual(
    above?.nodes.map((n) => [n.code, n.score, n.other, n.gap]),
    [
      ['GOV', 25, 37.5, 12.5],
      ['SOC', 0, 37.5, 37.5],
    ],
  );
  assert.equal(leader?.unit, 'B');
  assert.equal(leader?.rank, 1);
  assertClose(leader?.gap as number, 212.5 / 3 - 50 / 3);
  // The leader is behind D on nothing here; on SOC it is ahead by 12.5 - 0.
  assert.deepEqual(
    leader?.nodes.map((n) => n.gap),
    [75, 12.5],
  );
});

test('A (2nd): the unit just above is the leader; a negative gap means A is ahead there', () => {
  const { above, leader } = gaps(0);
  assert.equal(above?.unit, 'B');
  assert.equal(leader?.unit, 'B');
  // SOC: B 12.5 against A's 100.
  assert.equal(above?.nodes.find((n) => n.code === 'SOC')?.gap, -87.5);
});

test('the leader has no unit above it and no leader', () => {
  assert.deepEqual(gaps(1), { above: null, leader: null });
});

test('ties: units tied above share a rank and the first in unit order is named', () => {
  // Scores 70, 90, 90, 50: U4 has U2 and U3 (tied at 90) just above it and as leaders.
  const t = frameworkTree({ nodes: [node('I'), node('x', 'I')] });
  const scores = Float64Array.of(70, 90, 90, 50, 70, 90, 90, 50);
  const ranks = rankDescending(scores.subarray(0, 4));
  const units = ['U1', 'U2', 'U3', 'U4'];
  const g = scoreGaps(t, units, scores, ranks, 3);
  assert.equal(g.above?.unit, 'U1');
  assert.equal(g.above?.gap, 20);
  assert.equal(g.leader?.unit, 'U2');
  assert.equal(g.leader?.rank, 1);
  // A unit tied for first has no leader above it.
  assert.deepEqual(scoreGaps(t, units, scores, ranks, 2), { above: null, leader: null });
  // Indicators are not listed as gaps: only aggregates below the index (none here).
  assert.deepEqual(g.above?.nodes, []);
});

test('a unit without an index score has no gaps', () => {
  const t = frameworkTree({ nodes: [node('I'), node('x', 'I')] });
  const scores = Float64Array.of(Number.NaN, 10, Number.NaN, 10);
  assert.deepEqual(scoreGaps(t, ['U1', 'U2'], scores, [Number.NaN, 1], 0), {
    above: null,
    leader: null,
  });
});
