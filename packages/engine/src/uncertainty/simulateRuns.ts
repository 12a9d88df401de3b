import { aggregate } from '../aggregate/aggregate.js';
import { rankDescending } from '../rank/rankDescending.js';
import type { UncertaintyModel } from './prepareUncertainty.js';

/**
 * Runs the index `runs` times, once per row of `draws` (each `model.width` uniforms, see sampleDraws) and
 * returns the ranks of the model's ranked nodes: ranks[(run * ranked + r) * units + unit], 0 where
 * a unit has no score. A run maps its draws to choices — each weight w (1 + spread (2u - 1)), each
 * discrete input alternative floor(u L) — takes the precomputed indicator scores of its imputation
 * and normalisation, leaves out its dropped indicator (as a missing value: its siblings' weights
 * are renormalised) and aggregates bottom-up with the engine's `aggregate`, as `compute` does.
 * `onProgress` hears the number of runs done every `progressEvery` runs.
 */
export function simulateRuns(
  model: UncertaintyModel,
  draws: Float64Array,
  runs: number,
  onProgress?: (done: number) => void,
  progressEvery = 50,
): Uint32Array {
  const { tree, width, ranked } = model;
  const nu = model.units.length;
  if (draws.length !== runs * width) throw new RangeError('draws and runs do not match');
  const count = runs;
  const out = new Uint32Array(count * ranked.length * nu);
  const scores = new Float64Array(tree.codes.length * nu);
  const weights = new Float64Array(model.nominalWeights.length);
  const kidWeights = tree.children.map((kids) => new Float64Array(kids.length));
  const kidValues = tree.children.map((kids) => new Float64Array(kids.length));
  for (let run = 0; run < count; run++) {
    const u = draws.subarray(run * width, (run + 1) * width);
    weights.set(model.nominalWeights);
    let impute = 0;
    let normalise = 0;
    let method = 0;
    let dropped = -1;
    let at = 0;
    for (const input of model.inputs) {
      if (input.kind === 'weights') {
        const spread = model.spread;
        input.nodes.forEach((node, i) => {
          const w = model.nominalWeights[node] as number;
          weights[node] = w * (1 + spread * (2 * (u[at + i] as number) - 1));
        });
      } else {
        const level = Math.min(input.levels - 1, Math.floor((u[at] as number) * input.levels));
        if (input.kind === 'impute') impute = level;
        else if (input.kind === 'normalise') normalise = level;
        else if (input.kind === 'aggregate') method = level;
        else dropped = level - 1; // level 0 drops nothing
      }
      at += input.size;
    }
    scores.set(model.indicatorScores[impute * model.normaliseCount + normalise] as Float64Array);
    if (dropped >= 0) {
      const node = tree.indicators[dropped] as number;
      scores.fill(Number.NaN, node * nu, (node + 1) * nu);
    }
    const specs = model.aggregateSpecs[method] as UncertaintyModel['aggregateSpecs'][number];
    for (const node of tree.aggregatesBottomUp) {
      const kids = tree.children[node] as Int32Array;
      const kw = kidWeights[node] as Float64Array;
      const values = kidValues[node] as Float64Array;
      for (let c = 0; c < kids.length; c++) kw[c] = weights[kids[c] as number] as number;
      const spec = specs[node] as (typeof specs)[number];
      for (let unit = 0; unit < nu; unit++) {
        for (let c = 0; c < kids.length; c++) {
          values[c] = scores[(kids[c] as number) * nu + unit] as number;
        }
        scores[node * nu + unit] = aggregate(values, kw, spec);
      }
    }
    for (let r = 0; r < ranked.length; r++) {
      const node = ranked[r] as number;
      const ranks = rankDescending(scores.subarray(node * nu, (node + 1) * nu));
      const base = (run * ranked.length + r) * nu;
      for (let unit = 0; unit < nu; unit++) {
        const rank = ranks[unit] as number;
        out[base + unit] = Number.isNaN(rank) ? 0 : rank;
      }
    }
    if (onProgress && (run + 1) % progressEvery === 0) onProgress(run + 1);
  }
  if (onProgress && count % progressEvery !== 0) onProgress(count);
  return out;
}
