import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameworkError, frameworkTree } from '../../src/framework/frameworkTree.js';
import type { Framework } from '../../src/framework/schema.js';
import { node } from '../frameworkNode.js';

// Written out of order on purpose: children after, before and between their parents.
//
// B comes before A in the file, so it is I's first child:
//   I
//   +-- B
//   |   +-- b1
//   +-- A
//       +-- a1
//       +-- A2
//           +-- x
//           +-- y
const fw: Framework = {
  id: 'demo',
  nodes: [
    node('a1', 'A'),
    node('B', 'I'),
    node('x', 'A2', { numerator: 'n', denominator: 'd', factor: 100 }),
    node('I'),
    node('A', 'I'),
    node('A2', 'A'),
    node('y', 'A2', { formula: 'p - q' }),
    node('b1', 'B'),
  ],
};

test('nodes are laid out in pre-order from the root, children in file order', () => {
  const tree = frameworkTree(fw);
  assert.deepEqual(tree.codes, ['I', 'B', 'b1', 'A', 'a1', 'A2', 'x', 'y']);
  assert.deepEqual(
    tree.nodes.map((n) => n.code),
    tree.codes,
  );
  assert.equal(tree.framework, fw);
  assert.deepEqual(
    [...tree.position.entries()],
    [
      ['I', 0],
      ['B', 1],
      ['b1', 2],
      ['A', 3],
      ['a1', 4],
      ['A2', 5],
      ['x', 6],
      ['y', 7],
    ],
  );
});

test('parent, children and depth of every node', () => {
  const tree = frameworkTree(fw);
  assert.deepEqual([...tree.parent], [-1, 0, 1, 0, 3, 3, 5, 5]);
  assert.deepEqual(
    tree.children.map((c) => [...c]),
    [[1, 3], [2], [], [4, 5], [], [6, 7], [], []],
  );
  assert.deepEqual([...tree.depth], [0, 1, 2, 1, 2, 2, 3, 3]);
});

test('indicators are the leaves, in pre-order, each with its formula', () => {
  const tree = frameworkTree(fw);
  assert.deepEqual(
    [...tree.indicators].map((i) => tree.codes[i]),
    ['b1', 'a1', 'x', 'y'],
  );
  // A plain indicator reads the series with its own code.
  assert.deepEqual(tree.formulas[4], { kind: 'element', code: 'a1' });
  // numerator / denominator * factor
  assert.deepEqual(tree.formulas[6], {
    kind: 'binary',
    op: '*',
    left: {
      kind: 'binary',
      op: '/',
      left: { kind: 'element', code: 'n' },
      right: { kind: 'element', code: 'd' },
    },
    right: { kind: 'number', value: 100 },
  });
  assert.deepEqual(tree.formulas[7], {
    kind: 'binary',
    op: '-',
    left: { kind: 'element', code: 'p' },
    right: { kind: 'element', code: 'q' },
  });
  // Aggregates have no formula.
  for (const i of [0, 1, 3, 5]) assert.equal(tree.formulas[i], undefined);
});

test('aggregatesBottomUp lists every aggregate once, each after all of its children', () => {
  const tree = frameworkTree(fw);
  const order = [...tree.aggregatesBottomUp];
  assert.deepEqual(order.map((i) => tree.codes[i]).sort(), ['A', 'A2', 'B', 'I']);
  const seen = new Set<number>(tree.indicators);
  for (const agg of order) {
    for (const child of tree.children[agg] ?? []) {
      assert.ok(seen.has(child), `${tree.codes[child]} comes after its parent ${tree.codes[agg]}`);
    }
    seen.add(agg);
  }
  // The index is computed last.
  assert.equal(order.at(-1), 0);
});

test('a framework of one node is a tree whose root is its only indicator', () => {
  const tree = frameworkTree({ nodes: [node('only')] });
  assert.deepEqual(tree.codes, ['only']);
  assert.deepEqual([...tree.indicators], [0]);
  assert.deepEqual([...tree.aggregatesBottomUp], []);
});

test('a framework with problems throws a FrameworkError listing each one', () => {
  const bad: Framework = {
    nodes: [node('I'), node('a', 'Nowhere'), node('b', 'I'), node('b', 'I'), node('J')],
  };
  assert.throws(
    () => frameworkTree(bad),
    (error: unknown) => {
      assert.ok(error instanceof FrameworkError);
      assert.equal(error.name, 'FrameworkError');
      const kinds = error.problems.map((p) => `${p.kind}:${p.node}`);
      assert.deepEqual(kinds.sort(), ['duplicate-code:b', 'several-roots:J', 'unknown-parent:a']);
      // The message has one line per error.
      assert.equal(error.message.split('\n').length, 3);
      assert.match(error.message, /"Nowhere"/);
      return true;
    },
  );
});

test('warnings alone do not stop the layout', () => {
  const tree = frameworkTree({
    nodes: [node('I', undefined, { normalise: { method: 'rank' } }), node('a', 'I')],
  });
  assert.deepEqual(tree.codes, ['I', 'a']);
});
