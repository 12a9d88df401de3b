import assert from 'node:assert/strict';

/** Default tolerance for comparing floats: 1e-9, absolute near 0, relative beyond 1. */
export const TOLERANCE = 1e-9;

function close(actual: number, expected: number, tolerance: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** Asserts |actual - expected| <= tolerance * max(1, |expected|); an expected NaN needs a NaN. */
export function assertClose(
  actual: number,
  expected: number,
  tolerance = TOLERANCE,
  message?: string,
): void {
  assert.ok(
    close(actual, expected, tolerance),
    `${message ? `${message}: ` : ''}expected ${expected}, got ${actual}`,
  );
}

/** Element-wise `assertClose`, with equal lengths; NaN in `expected` means missing. */
export function assertAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance = TOLERANCE,
): void {
  assert.equal(actual.length, expected.length, 'length');
  for (let i = 0; i < expected.length; i++) {
    assertClose(actual[i] as number, expected[i] as number, tolerance, `at [${i}]`);
  }
}

/** Asserts that every value is missing (NaN). */
export function assertAllMissing(actual: ArrayLike<number>, length: number): void {
  assert.equal(actual.length, length, 'length');
  for (let i = 0; i < actual.length; i++)
    assert.ok(Number.isNaN(actual[i]), `at [${i}] expected NaN, got ${actual[i]}`);
}

/** A missing value, short enough for tables of test data. */
export const NA = Number.NaN;
