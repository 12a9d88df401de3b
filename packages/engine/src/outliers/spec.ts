import { z } from 'zod';

/**
 * Outlier treatment. `winsorise` is the JRC rule as COINr applies it: an indicator passes when
 * |skewness| < skewness or kurtosis < kurtosis; otherwise winsorise up to `max_points`, then fall
 * back to a log transform of the original values.
 */
export const outlierSpecSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('none') }),
  z.strictObject({
    method: z.literal('winsorise'),
    max_points: z.number().int().min(0).default(5),
    skewness: z.number().positive().default(2),
    kurtosis: z.number().default(3.5),
  }),
]);

export type OutlierSpec = z.output<typeof outlierSpecSchema>;
export type OutlierMethod = OutlierSpec['method'];
export const outlierMethods: readonly OutlierMethod[] = ['none', 'winsorise'];
