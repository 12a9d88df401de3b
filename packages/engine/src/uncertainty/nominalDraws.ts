import type { UncertaintyModel } from './prepareUncertainty.js';

/**
 * The draws that reproduce the nominal index: 0.5 for a weight (w (1 + spread (2 0.5 - 1)) = w
 * exactly) and 0 for a discrete input (its first alternative; for leave-one-out, nothing dropped).
 */
export function nominalDraws(model: UncertaintyModel): Float64Array {
  const draws = new Float64Array(model.width);
  let at = 0;
  for (const input of model.inputs) {
    if (input.kind === 'weights') draws.fill(0.5, at, at + input.size);
    at += input.size;
  }
  return draws;
}
