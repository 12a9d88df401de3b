import type { UncertainInput } from './design.js';
import { fillUniform, randomStreams } from './randomStreams.js';

/**
 * How runs are sampled. Monte Carlo: `runs` independent draws of every input (uncertainty
 * analysis). Saltelli: base sample size N and d inputs give N (d + 2) runs, row by row: for row j,
 * A_j, B_j, then AB_j^(1) .. AB_j^(d), where AB^(i) is A with input i taken from B (Saltelli et
 * al. 2010). A "row" is one random stream: a Monte Carlo run, or one row of A and B together.
 */
export type SamplingPlan =
  | { kind: 'monte-carlo'; runs: number }
  | { kind: 'saltelli'; base: number; inputs: number };

/** The number of runs a plan makes. */
export function planRuns(plan: SamplingPlan): number {
  return plan.kind === 'monte-carlo' ? plan.runs : plan.base * (plan.inputs + 2);
}

/**
 * The uniform draws of runs [from, to) of `plan`: (to - from) rows of `width` values, each input's
 * draws at its offset in `inputs` order. Row r of stream r + 1 of `seed` (see randomStreams), so
 * the draws of a run do not depend on which other runs are drawn with it.
 */
export function sampleDraws(
  plan: SamplingPlan,
  inputs: readonly UncertainInput[],
  seed: number,
  from: number,
  to: number,
): Float64Array {
  const width = inputs.reduce((w, input) => w + input.size, 0);
  const draws = new Float64Array((to - from) * width);
  if (to <= from) return draws;
  if (plan.kind === 'monte-carlo') {
    const streams = randomStreams(seed, from + 1);
    for (let r = from; r < to; r++) {
      fillUniform(streams.next(), draws.subarray((r - from) * width, (r - from + 1) * width));
    }
    return draws;
  }
  const perRow = plan.inputs + 2;
  if (plan.inputs !== inputs.length) {
    throw new RangeError(`a Saltelli plan for ${plan.inputs} inputs given ${inputs.length}`);
  }
  const offsets = inputs.map((_, i) => inputs.slice(0, i).reduce((w, x) => w + x.size, 0));
  const firstRow = Math.floor(from / perRow);
  const streams = randomStreams(seed, firstRow + 1);
  const ab = new Float64Array(2 * width);
  let row = -1;
  for (let r = from; r < to; r++) {
    const j = Math.floor(r / perRow);
    if (j !== row) {
      fillUniform(streams.next(), ab); // A_j then B_j
      row = j;
    }
    const which = r - j * perRow;
    const out = draws.subarray((r - from) * width, (r - from + 1) * width);
    if (which === 1) out.set(ab.subarray(width));
    else {
      out.set(ab.subarray(0, width));
      if (which >= 2) {
        const input = which - 2;
        const start = offsets[input] as number;
        const size = (inputs[input] as UncertainInput).size;
        out.set(ab.subarray(width + start, width + start + size), start);
      }
    }
  }
  return draws;
}
