import { CliError } from '../cliError.js';
import type { Console } from './compute.js';
import { loadInputs } from './loadInputs.js';

export interface ValidateFlags {
  framework: string;
  data?: string;
  groupBy?: string;
}

/** `dxmon validate`: every problem of a framework (and its data) at once. */
export async function validateCommand(
  flags: ValidateFlags,
  console: Console & { log(line: string): void },
): Promise<void> {
  const inputs = await loadInputs(flags.framework, flags.data, flags.groupBy);
  for (const w of inputs.warnings) console.error(`warning: ${w}`);
  if (inputs.errors.length > 0) {
    throw new CliError(
      `${inputs.errors.length} problem${inputs.errors.length === 1 ? '' : 's'} found`,
      inputs.errors,
    );
  }
  const nodes = inputs.framework.nodes;
  const parents = new Set(nodes.map((n) => n.parent));
  const indicators = nodes.filter((n) => !parents.has(n.code)).length;
  let line = `${flags.framework}: ok: ${nodes.length} nodes, ${indicators} indicators`;
  if (inputs.data) {
    const { units, periods } = inputs.data.panel;
    line += `; ${flags.data}: ok: ${units.length} units, ${periods.length} period${periods.length === 1 ? '' : 's'} (${periods.join(', ')})`;
  }
  console.log(line);
}
