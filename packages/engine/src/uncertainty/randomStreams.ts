import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * Independent random streams from one seed: stream s is pure-rand's xoroshiro128+ seeded with
 * `seed` and jumped s times (2^64 draws apart), so streams never overlap. Stream 0 serves the
 * bootstrap; stream r + 1 serves row r of a sampling design. A draw is thus a pure function of
 * (seed, row), whichever thread makes it.
 */
export interface RandomStreams {
  /** The generator of the current stream, then moves to the next one. */
  next(): JumpableRandomGenerator;
}

/** Streams `first`, `first + 1`, ... of `seed` (a 32-bit unsigned integer). */
export function randomStreams(seed: number, first = 0): RandomStreams {
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
    throw new RangeError(`the seed must be an integer from 0 to 4294967295; got ${seed}`);
  }
  const base = xoroshiro128plus(seed | 0);
  for (let s = 0; s < first; s++) base.jump();
  return {
    next: () => {
      const current = base.clone();
      base.jump();
      return current;
    },
  };
}

/** Fills `out` with uniform draws in [0, 1) (53 bits each) from `rng`. */
export function fillUniform(rng: JumpableRandomGenerator, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = uniformFloat64(rng);
  return out;
}
