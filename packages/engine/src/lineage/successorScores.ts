import { arithmeticMean } from '../aggregate/arithmeticMean.js';
import { rankDescending } from '../rank/rankDescending.js';

/**
 * Scores of units that replaced others (merged provinces), from their predecessors' scores: each
 * successor scores the unweighted mean of its predecessors' present scores, the rule Viet Nam's
 * national DX index used to show 2024 results on the 34 provinces of 2025. Successors are ranked
 * among themselves (1 = highest, ties share the best rank). `successorOf[i]` is the successor
 * position of unit i, or -1 for a unit with none; a successor with no scored predecessor is missing.
 */
export function successorScores(
  scores: ArrayLike<number>,
  successorOf: ArrayLike<number>,
  successors: number,
): { scores: Float64Array; ranks: Float64Array } {
  const members: number[][] = Array.from({ length: successors }, () => []);
  for (let i = 0; i < successorOf.length; i++) {
    const s = successorOf[i] as number;
    if (s >= 0) members[s]?.push(scores[i] as number);
  }
  const out = Float64Array.from(members, (values) =>
    arithmeticMean(values, new Float64Array(values.length).fill(1)),
  );
  return { scores: out, ranks: rankDescending(out) };
}
