import { countPresent } from '../stats/present.js';
import { modifiedZScores } from './modifiedZScores.js';

/** Iglewicz and Hoaglin's cut-off: |M| above 3.5 is a potential outlier. */
export const defaultOutlierThreshold = 3.5;
/** Fewer present peers than this and the test is not run: a median of 3 values says little. */
export const defaultMinimumPeers = 5;

export interface PeerOutlierOptions {
  threshold?: number;
  minimumPeers?: number;
  /**
   * Score ln(x) rather than x: for counts (people, enterprises, subscriptions), whose spread grows
   * with the size of the unit, so that a large province is not an outlier for being large while a
   * value typed ten times too large still is. Values of zero or below are then not tested.
   */
  logScale?: boolean;
}

export interface PeerOutliers {
  /** Modified z-score per unit (NaN when missing or when the test was not run). */
  scores: Float64Array;
  /** Indices of the units with |M| > threshold, in order. */
  flagged: number[];
}

/**
 * Outliers of one element among the same period's peers: the modified z-score of each unit's
 * value (or of its logarithm), flagged when |M| exceeds the threshold.
 */
export function peerOutliers(
  values: ArrayLike<number>,
  options: PeerOutlierOptions = {},
): PeerOutliers {
  const threshold = options.threshold ?? defaultOutlierThreshold;
  const minimumPeers = options.minimumPeers ?? defaultMinimumPeers;
  const scored = options.logScale
    ? Float64Array.from(values, (v) => (v > 0 ? Math.log(v) : Number.NaN))
    : values;
  if (countPresent(scored) < minimumPeers) {
    return { scores: new Float64Array(values.length).fill(Number.NaN), flagged: [] };
  }
  const scores = modifiedZScores(scored);
  const flagged: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (Math.abs(scores[i] as number) > threshold) flagged.push(i);
  }
  return { scores, flagged };
}
