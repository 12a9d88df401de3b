import { z } from 'zod';

const names = z.object({ en: z.string(), vi: z.string().nullable(), ar: z.string().nullable() });
const unit = z.object({ code: z.string(), names });
const scored = unit.extend({ score: z.number().nullable() });

/** GET /api/dashboard's answer (services/dashboard/model.ts). */
export const dashboardSchema = z.object({
  unit: unit.extend({ level: z.string(), parent: z.string().nullable() }),
  framework: z.object({ id: z.string(), version: z.number(), name: z.string() }),
  period: z.string(),
  tiles: z.object({
    score: z
      .object({
        kind: z.enum(['unit', 'country']),
        score: z.number().nullable(),
        rank: z.number().nullable(),
        units: z.number(),
        previous_period: z.string().nullable(),
        score_change: z.number().nullable(),
        rank_change: z.number().nullable(),
        top: scored.nullable(),
        bottom: scored.nullable(),
        level: z.string(),
      })
      .nullable(),
    targets: z.object({
      plans: z.array(z.string()),
      total: z.number(),
      achieved: z.number(),
      on_track: z.number(),
      off_track: z.number(),
      regressing: z.number(),
      insufficient_data: z.number(),
    }),
    criteria: z.array(
      z.object({
        model: z.string(),
        version: z.string(),
        name: z.string(),
        period: z.string(),
        level: z.string(),
        units: z.number(),
        met: z.number(),
        share: z.number(),
      }),
    ),
    reporting: z
      .object({
        dataset: z.string(),
        dataset_kind: z.enum(['framework', 'criteria']),
        period: z.string(),
        due_on: z.string(),
        expected: z.number(),
        with_values: z.number(),
        submitted: z.number(),
        on_time: z.number(),
        late: z.number(),
        overdue: z.number(),
        approved: z.number(),
        value_completeness: z.number(),
      })
      .nullable()
      .optional()
      .describe('Signed-in users who may read the unit; absent otherwise'),
    quality: z
      .object({
        dataset: z.string(),
        period: z.string(),
        blocking: z.number(),
        warnings: z.number(),
        outliers: z.number(),
      })
      .nullable()
      .optional()
      .describe('Admins, analysts, approvers and officers who may read the unit; absent otherwise'),
  }),
  alerts: z.array(
    z.object({
      id: z.string(),
      kind: z.enum([
        'target-off-track',
        'target-regressing',
        'report-overdue',
        'report-late',
        'awaiting-approval',
        'quality-blocking',
      ]),
      severity: z.enum(['critical', 'warning', 'info']),
      unit,
      params: z.record(
        z.string(),
        z.union([z.string(), z.number(), z.null(), z.record(z.string(), z.string().nullable())]),
      ),
      link: z.string(),
      since: z.string(),
    }),
  ),
  map: z
    .object({
      level: z.string(),
      at: z.string(),
      items: z.array(scored.extend({ rank: z.number().nullable() })),
    })
    .nullable(),
});
