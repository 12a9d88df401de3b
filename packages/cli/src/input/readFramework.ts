import { type Framework, type Problem, parseFramework, validateFramework } from '@dxmon/engine';
import { readText } from './readText.js';

export interface FrameworkInput {
  framework: Framework;
  /** Every problem of the file, each message prefixed with the file name. */
  problems: Problem[];
}

/** Reads and checks a framework file (YAML or JSON); structural checks need no data. */
export function readFramework(path: string): FrameworkInput {
  const { framework, problems } = parseFramework(readText(path));
  // A node dropped for its own problem is not also reported as every child's unknown parent.
  const dropped = new Set(problems.map((p) => p.node).filter((code) => code !== undefined));
  const structural = validateFramework(framework).filter(
    (p) =>
      !(
        p.kind === 'unknown-parent' &&
        dropped.has(framework.nodes.find((n) => n.code === p.node)?.parent ?? '')
      ),
  );
  const all = [...problems, ...structural];
  return { framework, problems: all.map((p) => ({ ...p, message: `${path}: ${p.message}` })) };
}
