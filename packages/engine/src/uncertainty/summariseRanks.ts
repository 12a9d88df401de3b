import { quantileSorted } from '../stats/quantile.js';
import type { UncertaintyModel } from './prepareUncertainty.js';

/** One unit's rank on one node over the runs; NaN where undefined (no run ranked the unit). */
export interface RankInterval {
  unit: string;
  code: string;
  nominal_rank: number;
  mean_rank: number;
  median_rank: number;
  p05_rank: number;
  p95_rank: number;
  /** Share of the runs ranking the unit in which its rank is within ±k of the nominal rank. */
  within_k_share: number;
  /** Runs in which the unit has a rank (its score can be missing, e.g. a geometric mean of negatives). */
  ranked_runs: number;
}

/**
 * Summarises the ranks of `runs` runs (laid out as simulateRuns returns them) against the nominal
 * ranks (one run, same layout): per unit, then per ranked node in pre-order, the mean, the median
 * and the 5th and 95th percentiles (R type 7, as `quantile`) of the unit's ranks over the runs
 * that rank it, and the share of those runs within ±k places of the nominal rank.
 */
export function summariseRanks(
  model: UncertaintyModel,
  ranks: Uint32Array,
  runs: number,
  nominal: Uint32Array,
  k = 3,
): RankInterval[] {
  const nu = model.units.length;
  const nr = model.ranked.length;
  const sorted = new Uint32Array(runs);
  const rows: RankInterval[] = [];
  for (let unit = 0; unit < nu; unit++) {
    for (let r = 0; r < nr; r++) {
      const nominalRank = nominal[r * nu + unit] as number;
      let n = 0;
      let sum = 0;
      let within = 0;
      for (let run = 0; run < runs; run++) {
        const rank = ranks[(run * nr + r) * nu + unit] as number;
        if (rank === 0) continue;
        sorted[n++] = rank;
        sum += rank;
        if (nominalRank !== 0 && Math.abs(rank - nominalRank) <= k) within++;
      }
      const present = sorted.subarray(0, n).sort();
      rows.push({
        unit: model.units[unit] as string,
        code: model.tree.codes[model.ranked[r] as number] as string,
        nominal_rank: nominalRank === 0 ? Number.NaN : nominalRank,
        mean_rank: n === 0 ? Number.NaN : sum / n,
        median_rank: quantileSorted(present, 0.5),
        p05_rank: quantileSorted(present, 0.05),
        p95_rank: quantileSorted(present, 0.95),
        within_k_share: n === 0 || nominalRank === 0 ? Number.NaN : within / n,
        ranked_runs: n,
      });
    }
  }
  return rows;
}
