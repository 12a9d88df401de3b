import { z } from 'zod';

/** A rule's message in each language (null: none). */
export const messagesSchema = z.object({
  en: z.string().nullable(),
  vi: z.string().nullable(),
  ar: z.string().nullable(),
});

export const qualityCountsSchema = z.object({
  blocking: z.number(),
  warnings: z.number(),
  outliers: z.number(),
});

const located = {
  unit: z.string(),
  period: z.string(),
};

/** A rule broken or an outlier, as data entry, imports and the run report them. */
export const issueSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rule'),
    severity: z.enum(['warning', 'blocking']),
    ...located,
    rule: z.string(),
    expression: z.string(),
    message: messagesSchema,
    left: z.number(),
    right: z.number(),
    values: z.record(z.string(), z.number().nullable()),
  }),
  z.object({
    kind: z.literal('outlier'),
    severity: z.literal('warning'),
    ...located,
    element: z.string(),
    value: z.number(),
    test: z.enum(['peers', 'history']),
    score: z.number().optional(),
    median: z.number().optional(),
    peers: z.number().optional(),
    previous_period: z.string().optional(),
    previous_value: z.number().optional(),
    ratio: z.number().optional(),
  }),
]);
