import { z } from 'zod';

/**
 * How an aggregate combines its children's scores. `data_threshold` (0..1): when the share of
 * children with a score is below it, the aggregate is missing (COINr's `dat_thresh`).
 */
export const aggregateSpecSchema = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.enum(['arithmetic', 'geometric', 'harmonic']),
    data_threshold: z.number().min(0).max(1).default(0),
  }),
  z.strictObject({
    method: z.literal('generalised'),
    p: z.number().refine(Number.isFinite, 'must be a finite number'),
    data_threshold: z.number().min(0).max(1).default(0),
  }),
]);

export type AggregateSpec = z.output<typeof aggregateSpecSchema>;
export type AggregateMethod = AggregateSpec['method'];
export const aggregateMethods: readonly AggregateMethod[] = [
  'arithmetic',
  'geometric',
  'harmonic',
  'generalised',
];
