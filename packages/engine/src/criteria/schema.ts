import { z } from 'zod';

/** The comparison operators a criterion may use. */
export const criterionOps = ['>=', '>', '<=', '<', '==', '!='] as const;
export type CriterionOp = (typeof criterionOps)[number];

const text = (what: string) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z
      .string({ error: `${what} is required (text)` })
      .trim()
      .min(1, `${what} must not be empty`),
  );

/** A threshold: a number, or true/false for yes/no indicators stored as 1/0. */
const threshold = z.preprocess(
  (v) => (typeof v === 'boolean' ? Number(v) : v),
  z
    .number({ error: 'value must be a number, or true/false for a yes/no indicator' })
    .refine(Number.isFinite, 'value must be a finite number'),
);

export const criterionSchema = z.object({
  code: text('code'),
  indicator: text('indicator'),
  name: z.string().optional(),
  op: z.enum(criterionOps, { error: `op must be one of ${criterionOps.join(' ')}` }),
  value: threshold,
  // A criterion is a requirement unless the model says it is optional.
  mandatory: z.boolean({ error: 'mandatory must be true or false' }).default(true),
});

export const criteriaModelSchema = z
  .object({
    id: text('id'),
    version: text('version'),
    name: z.string().optional(),
    criteria: z.array(criterionSchema, { error: 'criteria must be a list' }).min(1, {
      error: 'criteria must list at least one criterion',
    }),
    pass: z
      .object({
        mandatory: z.literal('all', { error: 'pass.mandatory must be "all"' }).default('all'),
        optional_min: z
          .number({ error: 'optional_min must be a whole number' })
          .int('optional_min must be a whole number')
          .min(0, 'optional_min must not be negative')
          .default(0),
      })
      .default({ mandatory: 'all', optional_min: 0 }),
  })
  .superRefine((model, ctx) => {
    const seen = new Map<string, number>();
    model.criteria.forEach((c, i) => {
      const first = seen.get(c.code);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'code'],
          message: `criterion code "${c.code}" is already used by criteria[${first}]`,
        });
      } else seen.set(c.code, i);
    });
    const optional = model.criteria.filter((c) => !c.mandatory).length;
    if (model.pass.optional_min > optional) {
      ctx.addIssue({
        code: 'custom',
        path: ['pass', 'optional_min'],
        message: `optional_min is ${model.pass.optional_min} but the model has only ${optional} optional criteria: no unit could meet it`,
      });
    }
  });

/** A checklist a unit meets when every mandatory criterion holds and enough optional ones do. */
export type CriteriaModel = z.output<typeof criteriaModelSchema>;
export type Criterion = z.output<typeof criterionSchema>;
