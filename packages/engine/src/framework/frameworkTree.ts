import type { FormulaNode } from '../formula/parse.js';
import { hasErrors, type Problem } from '../problem.js';
import { indicatorFormula } from './indicatorFormula.js';
import type { Framework, FrameworkNode } from './schema.js';
import { validateFramework } from './validateFramework.js';

/** A framework whose structure failed validation; `problems` lists every problem found. */
export class FrameworkError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      problems
        .filter((p) => p.severity === 'error')
        .map((p) => p.message)
        .join('\n'),
    );
    this.name = 'FrameworkError';
  }
}

/**
 * A validated framework laid out for computation. Nodes are in pre-order from the root
 * (position 0), children in the order the file gives them.
 */
export interface FrameworkTree {
  framework: Framework;
  nodes: readonly FrameworkNode[];
  codes: readonly string[];
  /** Parent position of each node; -1 for the root. */
  parent: Int32Array;
  /** Positions of each node's children; empty for indicators. */
  children: readonly Int32Array[];
  /** Depth below the root (root 0). */
  depth: Int32Array;
  /** Positions of the indicators (leaves), in pre-order. */
  indicators: Int32Array;
  /** Positions of the aggregates, every child before its parent. */
  aggregatesBottomUp: Int32Array;
  /** The formula giving each indicator's raw values (undefined for aggregates). */
  formulas: readonly (FormulaNode | undefined)[];
  position: ReadonlyMap<string, number>;
}

/** Validates `framework` and lays it out; throws FrameworkError listing every problem. */
export function frameworkTree(framework: Framework): FrameworkTree {
  const problems = validateFramework(framework);
  if (hasErrors(problems)) throw new FrameworkError(problems);

  const kids = new Map<string, FrameworkNode[]>();
  let root: FrameworkNode | undefined;
  for (const node of framework.nodes) {
    if (node.parent == null) root = node;
    else {
      const list = kids.get(node.parent) ?? [];
      list.push(node);
      kids.set(node.parent, list);
    }
  }
  if (!root)
    throw new FrameworkError([
      { severity: 'error', kind: 'no-root', message: 'the framework has no root' },
    ]);

  const nodes: FrameworkNode[] = [];
  const parentOf: number[] = [];
  const depthOf: number[] = [];
  const visit = (node: FrameworkNode, parent: number, depth: number): void => {
    const at = nodes.length;
    nodes.push(node);
    parentOf.push(parent);
    depthOf.push(depth);
    for (const child of kids.get(node.code) ?? []) visit(child, at, depth + 1);
  };
  visit(root, -1, 0);

  const children = nodes.map(() => [] as number[]);
  parentOf.forEach((p, i) => {
    if (p >= 0) children[p]?.push(i);
  });
  const isLeaf = (i: number) => (children[i]?.length ?? 0) === 0;
  const indicators = nodes.map((_, i) => i).filter(isLeaf);
  // Reverse pre-order visits every child before its parent.
  const aggregatesBottomUp = nodes
    .map((_, i) => i)
    .filter((i) => !isLeaf(i))
    .reverse();

  return {
    framework,
    nodes,
    codes: nodes.map((n) => n.code),
    parent: Int32Array.from(parentOf),
    children: children.map((c) => Int32Array.from(c)),
    depth: Int32Array.from(depthOf),
    indicators: Int32Array.from(indicators),
    aggregatesBottomUp: Int32Array.from(aggregatesBottomUp),
    formulas: nodes.map((n, i) => (isLeaf(i) ? indicatorFormula(n) : undefined)),
    position: new Map(nodes.map((n, i) => [n.code, i])),
  };
}
