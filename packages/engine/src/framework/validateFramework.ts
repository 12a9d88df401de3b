import { FormulaSyntaxError, formulaElements } from '../formula/parse.js';
import type { Problem } from '../problem.js';
import { indicatorFormula } from './indicatorFormula.js';
import type { Framework, FrameworkNode } from './schema.js';

export interface ValidateFrameworkOptions {
  /** Codes of the series present in the data; when given, every indicator's inputs must be among them. */
  dataCodes?: ReadonlySet<string>;
}

/**
 * Checks a framework's structure and reports every problem with the node it concerns: duplicate
 * codes, unknown parents, cycles, no root or several roots, malformed formulas, settings on the
 * wrong kind of node, and (given the data's codes) indicators whose data is absent.
 */
export function validateFramework(
  framework: Framework,
  options: ValidateFrameworkOptions = {},
): Problem[] {
  const problems: Problem[] = [];
  const error = (kind: string, node: string | undefined, message: string) =>
    problems.push({ severity: 'error', kind, message, ...(node ? { node } : {}) });
  const warning = (kind: string, node: string, message: string) =>
    problems.push({ severity: 'warning', kind, message, node });

  const byCode = new Map<string, FrameworkNode>();
  framework.nodes.forEach((node, i) => {
    if (byCode.has(node.code))
      error(
        'duplicate-code',
        node.code,
        `node "${node.code}" (nodes[${i}]) repeats a code used by an earlier node`,
      );
    else byCode.set(node.code, node);
  });

  const hasChildren = new Set<string>();
  for (const node of byCode.values()) {
    if (node.parent == null) continue;
    if (node.parent === node.code)
      error('cycle', node.code, `node "${node.code}" is its own parent`);
    else if (!byCode.has(node.parent))
      error(
        'unknown-parent',
        node.code,
        `node "${node.code}" has parent "${node.parent}", which is not a node of the framework`,
      );
    else hasChildren.add(node.parent);
  }

  const roots = [...byCode.values()].filter((n) => n.parent == null);
  if (byCode.size > 0 && roots.length === 0)
    error('no-root', undefined, 'the framework has no root: every node has a parent');
  if (roots.length > 1) {
    for (const root of roots.slice(1)) {
      error(
        'several-roots',
        root.code,
        `node "${root.code}" has no parent, but "${roots[0]?.code}" is already the root; a framework has one root (the index)`,
      );
    }
  }
  reportCycles(byCode, error);

  for (const node of byCode.values()) {
    const isIndicator = !hasChildren.has(node.code);
    const usesFormula =
      node.formula !== undefined || node.numerator !== undefined || node.denominator !== undefined;
    if (!isIndicator) {
      if (usesFormula)
        error(
          'formula-on-aggregate',
          node.code,
          `node "${node.code}" has children, so it is an aggregate and cannot have a formula`,
        );
      if (node.normalise)
        warning(
          'ignored-setting',
          node.code,
          `node "${node.code}" is an aggregate: its "normalise" setting is ignored`,
        );
      if (node.impute)
        warning(
          'ignored-setting',
          node.code,
          `node "${node.code}" is an aggregate: its "impute" setting is ignored`,
        );
      if (node.outliers)
        warning(
          'ignored-setting',
          node.code,
          `node "${node.code}" is an aggregate: its "outliers" setting is ignored`,
        );
      continue;
    }
    if (node.aggregate && node.parent != null)
      warning(
        'ignored-setting',
        node.code,
        `node "${node.code}" is an indicator: its "aggregate" setting is ignored`,
      );
    if (
      node.formula !== undefined &&
      (node.numerator !== undefined || node.denominator !== undefined)
    ) {
      error(
        'invalid-formula',
        node.code,
        `node "${node.code}" has both "formula" and "numerator"/"denominator"; give one`,
      );
      continue;
    }
    if ((node.numerator === undefined) !== (node.denominator === undefined)) {
      error(
        'invalid-formula',
        node.code,
        `node "${node.code}" needs both "numerator" and "denominator"`,
      );
      continue;
    }
    let elements: string[];
    try {
      elements = formulaElements(indicatorFormula(node));
    } catch (e) {
      if (!(e instanceof FormulaSyntaxError)) throw e;
      error('invalid-formula', node.code, `node "${node.code}" field "formula": ${e.message}`);
      continue;
    }
    if (!options.dataCodes) continue;
    for (const element of elements) {
      if (!options.dataCodes.has(element)) {
        const what =
          element === node.code
            ? `indicator "${node.code}" has no data`
            : `indicator "${node.code}" reads "${element}", which has no data`;
        error('missing-data', node.code, `${what}: no row of the data has indicator "${element}"`);
      }
    }
  }
  return problems;
}

/** Nodes whose parent chain never reaches a root lie on a cycle (or hang below one). */
function reportCycles(
  byCode: ReadonlyMap<string, FrameworkNode>,
  error: (kind: string, node: string, message: string) => void,
): void {
  const state = new Map<string, 'done'>();
  const reported = new Set<string>();
  for (const start of byCode.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let code: string | null | undefined = start;
    while (code != null && byCode.has(code) && !state.has(code) && !onPath.has(code)) {
      path.push(code);
      onPath.add(code);
      code = byCode.get(code)?.parent;
    }
    if (code != null && onPath.has(code) && byCode.get(code)?.parent !== code) {
      const cycle = path.slice(path.indexOf(code));
      const key = [...cycle].sort().join('\u0000');
      if (!reported.has(key)) {
        reported.add(key);
        error(
          'cycle',
          cycle[0] as string,
          `nodes form a cycle: ${[...cycle, cycle[0]].map((c) => `"${c}"`).join(' -> ')}`,
        );
      }
    }
    for (const c of path) state.set(c, 'done');
  }
}
