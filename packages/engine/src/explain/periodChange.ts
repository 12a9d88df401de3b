/** One node's contribution to the index in two periods. */
export interface NodeChange {
  code: string;
  contribution: number;
  previous_contribution: number;
  /** contribution - previous_contribution, a missing contribution counting as 0. */
  change: number;
  /** An indicator's raw values in the two periods (NaN for aggregates). */
  value: number;
  previous_value: number;
}

/** A unit's figures in one period, by node in tree order (raw values NaN for aggregates). */
export interface PeriodFigures {
  score: number;
  rank: number;
  contributions: readonly number[];
  values: readonly number[];
}

export interface PeriodChange {
  previous: string;
  score: number;
  previous_score: number;
  score_change: number;
  rank: number;
  previous_rank: number;
  /** Places gained: previous_rank - rank ("up 10 places" is +10). */
  rank_change: number;
  /** Every node in tree order; the indicators' changes sum to score_change. */
  nodes: NodeChange[];
}

/**
 * Attributes the change in a unit's index score between two periods to nodes: each node's change
 * in contribution (effective weight x score, see `contributions`). Because the contributions of the
 * indicators sum to the index score in each period, their changes sum exactly to the change in
 * score. A change mixes the unit's own progress with the movement of the other units (min-max
 * bounds, means) and of weights renormalised over missing values; the rank change is reported
 * beside it, not split (ranks are not additive).
 */
export function periodChange(
  codes: readonly string[],
  previous: string,
  now: PeriodFigures,
  before: PeriodFigures,
): PeriodChange {
  const orZero = (x: number) => (Number.isNaN(x) ? 0 : x);
  return {
    previous,
    score: now.score,
    previous_score: before.score,
    score_change: now.score - before.score,
    rank: now.rank,
    previous_rank: before.rank,
    rank_change: before.rank - now.rank,
    nodes: codes.map((code, n) => {
      const c = now.contributions[n] as number;
      const b = before.contributions[n] as number;
      return {
        code,
        contribution: c,
        previous_contribution: b,
        change: orZero(c) - orZero(b),
        value: now.values[n] as number,
        previous_value: before.values[n] as number,
      };
    }),
  };
}
