/**
 * The output the sensitivity analysis explains (COINr's `get_sensitivity` default): for each run,
 * the mean over units of |rank in the run - nominal rank| on the index, which is the first ranked
 * node of `ranks` (layout of simulateRuns). Units without a rank in the run or nominally are left
 * out; NaN when none is left.
 */
export function rankShift(
  ranks: Uint32Array,
  nominal: Uint32Array,
  runs: number,
  units: number,
  rankedNodes: number,
): Float64Array {
  const shift = new Float64Array(runs);
  for (let run = 0; run < runs; run++) {
    const base = run * rankedNodes * units;
    let sum = 0;
    let n = 0;
    for (let u = 0; u < units; u++) {
      const rank = ranks[base + u] as number;
      const nominalRank = nominal[u] as number;
      if (rank === 0 || nominalRank === 0) continue;
      sum += Math.abs(rank - nominalRank);
      n++;
    }
    shift[run] = n === 0 ? Number.NaN : sum / n;
  }
  return shift;
}
