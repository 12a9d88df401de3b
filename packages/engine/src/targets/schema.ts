import { z } from 'zod';
import { periodYear } from '../period/periodYear.js';

/**
 * Numbers may come as text (a CSV field): a decimal with "." and no thousands separators.
 * An empty field means the value is not given.
 */
const numeric = (what: string) =>
  z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const s = v.trim();
      if (s === '') return undefined;
      return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : v;
    },
    z
      .number({ error: `${what} must be a number (use "." as the decimal mark)` })
      .refine(Number.isFinite, `${what} must be a finite number`),
  );

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

const code = (what: string) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z
      .string({ error: `${what} is required` })
      .trim()
      .min(1, `${what} must not be empty`),
  );

const period = (what: string) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z
      .string({ error: `${what} is required` })
      .trim()
      .refine(
        (p) => !Number.isNaN(periodYear(p)),
        `${what} must be a period: 2025, 2025Q3, 2025-07 or 2025-07-15`,
      ),
  );

export const targetSchema = z
  .object({
    id: code('id'),
    plan: code('plan'),
    unit: code('unit'),
    indicator: code('indicator'),
    name: optional(z.string()),
    target_period: period('target_period'),
    target_value: numeric('target_value'),
    direction: z.preprocess(
      (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
      z.union([z.literal(1), z.literal(-1)], { error: 'direction must be 1 or -1' }).default(1),
    ),
    baseline_period: optional(period('baseline_period')),
    baseline_value: optional(numeric('baseline_value')),
    /** The indicator's unit of measure (`%`, `persons`...): its natural bounds hold the projection. */
    unit_of_measure: optional(z.string().trim()),
  })
  .superRefine((t, ctx) => {
    if (t.baseline_value !== undefined && t.baseline_period === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseline_period'],
        message: 'a baseline_value needs its baseline_period',
      });
    }
    if (
      t.baseline_period !== undefined &&
      periodYear(t.target_period) <= periodYear(t.baseline_period)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['target_period'],
        message: `the target period ${t.target_period} must come after the baseline period ${t.baseline_period}`,
      });
    }
  });

/** A dated target of a plan: reach `target_value` of `indicator` in `unit` by `target_period`. */
export type Target = z.output<typeof targetSchema>;
