/**
 * A value this many times its previous one (or this many times smaller) is a jump. Three catches a
 * misplaced decimal point or an extra or missing digit (a factor of 10) and a share typed as a
 * fraction (76 -> 0.76); a genuine tripling is rarer, and the flag is only a warning for the
 * approver to confirm.
 */
export const defaultJumpFactor = 3;

export interface HistoryJumps {
  /** x_t / x_{t-1} per unit (NaN when either is missing or not positive). */
  ratios: Float64Array;
  /** Indices of the units whose ratio is above the factor or below its inverse, in order. */
  flagged: number[];
}

/**
 * Jumps against each unit's own history: the ratio of the value to the unit's previous value
 * (the period before, as the caller aligns them), flagged when |ln(x_t / x_{t-1})| > ln(factor). The log
 * ratio is symmetric (tripling and falling to a third are equally far) and scale-free, so one
 * factor serves counts, shares and money alike. When either value is zero or negative the ratio is
 * undefined and the unit is not tested (0 -> 1 is how a yes/no element or a new service starts).
 */
export function historyJumps(
  previous: ArrayLike<number>,
  current: ArrayLike<number>,
  factor = defaultJumpFactor,
): HistoryJumps {
  if (previous.length !== current.length) {
    throw new RangeError('previous and current values must have the same length');
  }
  if (!(factor > 1)) throw new RangeError('the jump factor must be greater than 1');
  const limit = Math.log(factor);
  const ratios = new Float64Array(current.length).fill(Number.NaN);
  const flagged: number[] = [];
  for (let i = 0; i < current.length; i++) {
    const before = previous[i] as number;
    const now = current[i] as number;
    if (!(before > 0 && now > 0)) continue;
    const ratio = now / before;
    ratios[i] = ratio;
    if (Math.abs(Math.log(ratio)) > limit) flagged.push(i);
  }
  return { ratios, flagged };
}
