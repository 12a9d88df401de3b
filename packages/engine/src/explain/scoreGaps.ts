import type { FrameworkTree } from '../framework/frameworkTree.js';

/** How far another unit is ahead: on the index and on every aggregate below it. */
export interface UnitGap {
  unit: string;
  rank: number;
  score: number;
  /** Their index score minus the unit's. */
  gap: number;
  /** Every aggregate below the index (pillars, sub-pillars), in tree order. */
  nodes: { code: string; score: number; other: number; gap: number }[];
}

export interface ScoreGaps {
  /** The unit ranked just above: the lowest index score strictly above the unit's; null for a leader. */
  above: UnitGap | null;
  /** The unit ranked first; null when the unit is first itself (alone or tied). */
  leader: UnitGap | null;
}

/**
 * The gaps between unit `u` and the unit just above it and the leader, on the index and per
 * aggregate. Of several units tied on a score, the first in unit order is named. `scores` holds
 * one period, node-major (scores[n * units.length + u]); `ranks` the index ranks over units.
 */
export function scoreGaps(
  tree: FrameworkTree,
  units: readonly string[],
  scores: ArrayLike<number>,
  ranks: ArrayLike<number>,
  u: number,
): ScoreGaps {
  const nu = units.length;
  const own = scores[u] as number;
  if (Number.isNaN(own)) return { above: null, leader: null };
  let above = -1;
  let leader = -1;
  for (let v = 0; v < nu; v++) {
    const s = scores[v] as number;
    if (!(s > own)) continue;
    if (above < 0 || s < (scores[above] as number)) above = v;
    if (leader < 0 || s > (scores[leader] as number)) leader = v;
  }
  const gapTo = (v: number): UnitGap | null => {
    if (v < 0) return null;
    const nodes: UnitGap['nodes'] = [];
    for (let n = 1; n < tree.codes.length; n++) {
      if ((tree.children[n] as Int32Array).length === 0) continue;
      const mine = scores[n * nu + u] as number;
      const other = scores[n * nu + v] as number;
      nodes.push({ code: tree.codes[n] as string, score: mine, other, gap: other - mine });
    }
    const score = scores[v] as number;
    return { unit: units[v] as string, rank: ranks[v] as number, score, gap: score - own, nodes };
  };
  return { above: gapTo(above), leader: gapTo(leader) };
}
