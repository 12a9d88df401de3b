import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** How an indicator's values become comparable scores. Every field has a documented default. */
export const normaliseSpecSchema = z.discriminatedUnion('method', [
  /** (x - min) / (max - min) * (u - l) + l; default range [0, 100]. */
  z
    .strictObject({
      method: z.literal('minmax'),
      range: z.tuple([finite, finite]).default([0, 100]),
    })
    .refine((m) => m.range[1] > m.range[0], {
      message: 'range must be [low, high] with high > low',
      path: ['range'],
    }),
  /** (x - mean) / sd * target sd + target mean; default mean 0, sd 1 (sample sd). */
  z.strictObject({
    method: z.literal('zscore'),
    mean: finite.default(0),
    sd: finite.positive().default(1),
  }),
  /** (x - lower) / (upper - lower), clipped to [0, 1], times scale; bounds in the indicator's units. */
  z
    .strictObject({
      method: z.literal('goalposts'),
      lower: finite,
      upper: finite,
      scale: finite.positive().default(100),
    })
    .refine((g) => g.upper > g.lower, {
      message: 'upper must be greater than lower',
      path: ['upper'],
    }),
  /** Rank of the value among units, lowest 1, ties sharing the lowest rank (COINr `n_rank`). */
  z.strictObject({ method: z.literal('rank') }),
  /** (x - min) / (target - min) times scale, capped at scale unless `cap` is false (COINr `n_dist2targ`). */
  z.strictObject({
    method: z.literal('distance-to-target'),
    target: finite,
    cap: z.boolean().default(true),
    scale: finite.positive().default(100),
  }),
  /** scale when the value reaches the threshold (from the good side), else 0. */
  z.strictObject({
    method: z.literal('threshold'),
    threshold: finite,
    scale: finite.positive().default(100),
  }),
]);

export type NormaliseSpec = z.output<typeof normaliseSpecSchema>;
export type NormaliseMethod = NormaliseSpec['method'];
export const normaliseMethods: readonly NormaliseMethod[] = [
  'minmax',
  'zscore',
  'goalposts',
  'rank',
  'distance-to-target',
  'threshold',
];
