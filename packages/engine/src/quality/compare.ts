/** The comparison operators of criteria and validation rules. */
export const comparisonOps = ['<=', '<', '>=', '>', '==', '!='] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

/** The relative tolerance of equality: 1e-9 of the larger magnitude (at least 1). */
export const defaultRelativeTolerance = 1e-9;

/**
 * Whether `left op right` holds, with equality allowing for the rounding of decimal fractions
 * (0.1 + 0.2 == 0.3): two values are equal when they differ by at most
 * `absolute + relative * max(1, |left|, |right|)`. `<=` and `>=` accept equal values, `<` and
 * `>` refuse them, so the four orderings agree with `==` and `!=`.
 */
export function compareValues(
  op: ComparisonOp,
  left: number,
  right: number,
  relative = defaultRelativeTolerance,
  absolute = 0,
): boolean {
  const equal =
    Math.abs(left - right) <= absolute + relative * Math.max(1, Math.abs(left), Math.abs(right));
  switch (op) {
    case '>=':
      return left >= right || equal;
    case '>':
      return left > right && !equal;
    case '<=':
      return left <= right || equal;
    case '<':
      return left < right && !equal;
    case '==':
      return equal;
    case '!=':
      return !equal;
  }
}
