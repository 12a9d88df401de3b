import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` (ISO 8601), checked to exist. */
export const isoDate = z.iso.date({ error: 'expected a date YYYY-MM-DD' });

export const periodCode = z
  .string()
  .regex(/^[1-9]\d{3}(?:Q[1-4]|-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, {
    error: 'expected a period: 2024, 2024Q3, 2024-07 or 2024-07-15',
  });

export const paging = {
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
};

/** A list response: `{items, total, limit, offset}`. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), limit: z.number(), offset: z.number() });

export const problemSchema = z.object({
  type: z.string(),
  status: z.number(),
  title: z.string(),
  detail: z.string(),
  fields: z.array(
    z.object({ field: z.string(), message: z.string(), value: z.unknown().optional() }),
  ),
});

/** The refusals an authenticated write can answer, each a problem document. */
export const writeProblems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
