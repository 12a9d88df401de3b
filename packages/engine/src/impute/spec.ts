import { z } from 'zod';

/** How a missing indicator value is filled before treatment and normalisation. */
export const imputeMethodSchema = z.enum(['none', 'mean', 'median', 'group-mean', 'latest']);
export type ImputeMethod = z.output<typeof imputeMethodSchema>;
export const imputeMethods: readonly ImputeMethod[] = imputeMethodSchema.options;
