import { z } from 'zod';
import { aggregateSpecSchema } from '../aggregate/spec.js';
import { imputeMethodSchema } from '../impute/spec.js';
import { normaliseSpecSchema } from '../normalise/spec.js';
import { outlierSpecSchema } from '../outliers/spec.js';

/** Settings may be written as a bare method name: `normalise: rank` means `{method: rank}`. */
const methodShorthand = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' ? { method: v } : v), schema);

export const frameworkNodeSchema = z.strictObject({
  code: z.string().trim().min(1, 'code must not be empty'),
  name: z.string().optional(),
  parent: z.string().trim().min(1).nullish(),
  weight: z
    .number({ error: 'weight must be a number' })
    .refine((w) => Number.isFinite(w) && w > 0, 'weight must be a positive number')
    .default(1),
  direction: z
    .union([z.literal(1), z.literal(-1)], { error: 'direction must be 1 or -1' })
    .default(1),
  /** An arithmetic expression over data elements, e.g. `ehr_people / population * 100`. */
  formula: z.string().optional(),
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  factor: z.number().optional(),
  unit: z.string().optional(),
  normalise: methodShorthand(normaliseSpecSchema).optional(),
  aggregate: methodShorthand(aggregateSpecSchema).optional(),
  impute: imputeMethodSchema.optional(),
  outliers: methodShorthand(outlierSpecSchema).optional(),
});

export const frameworkSchema = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  version: z.union([z.string(), z.number()]).optional(),
  description: z.string().optional(),
  nodes: z.array(z.unknown()).min(1, 'a framework needs at least one node'),
});

export type FrameworkNode = z.output<typeof frameworkNodeSchema>;
export interface Framework {
  id?: string | undefined;
  name?: string | undefined;
  version?: string | number | undefined;
  description?: string | undefined;
  nodes: FrameworkNode[];
}
