// Shared outlier examples; the reference statistics are e1071 type 2 (Excel SKEW / KURT).

/** 1..n. */
export const oneTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/**
 * The classic example 1..10 plus 30 and 100, with 100 moved first (index 0) and 30 last
 * (index 11). Skewness 3.0632410342395, kurtosis 9.74139083456914: fails. Winsorising 100 -> 30
 * gives 1..10, 30, 30: skewness 1.71203806008905 < 2, passes after one point.
 */
export const classic = [100, ...oneTo(10), 30];
export const classicSkewness = 3.0632410342394993;
export const classicKurtosis = 9.741390834569144;

/**
 * 1..20, 60, 100, 200 (indices 20, 21, 22). Skewness 3.39699302333222, kurtosis 12.3108835453424.
 * Step 1: 200 -> 100, still fails (skewness 2.41551640572741, kurtosis 5.00340800178427).
 * Step 2: both 100s -> 60 (tied extremes together), passes (skewness 1.91491537495963).
 */
export const twoSteps = [...oneTo(20), 60, 100, 200];

/**
 * 1..20 and two 200s (indices 20, 21). Skewness 3.00230700627897, kurtosis 7.86080413404745:
 * fails. Both 200s -> 20 at once gives skewness -0.0944960 and passes.
 */
export const tiedHigh = [...oneTo(20), 200, 200];
