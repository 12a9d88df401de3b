import type { Actor } from '../auth/actor.js';
import { requireActor } from '../auth/permissions.js';
import type { Sql } from '../db/database.js';
import { NotFound } from '../http/problems.js';
import { periodRange } from '../imports/periodRange.js';
import { datasetElements } from './datasets.js';
import type { QualityCounts } from './quality/issues.js';
import { submissionCounts } from './quality/submissionCounts.js';

/** A submission waiting for the actor's approval. */
export interface QueueItem {
  unit: string;
  unit_names: { en: string; vi: string | null; ar: string | null };
  dataset: string;
  /** A framework (an index) or a criteria model (a checklist), as the approval reads it. */
  dataset_kind: 'framework' | 'criteria';
  /** The name where the data set is defined. */
  dataset_name: string;
  /** Its name in each language (the translations table); English falls back to `dataset_name`. */
  dataset_names: { en: string; vi: string | null; ar: string | null };
  period: string;
  /** When it was submitted (its state's last change), ISO 8601. */
  submitted_at: string;
  /** Who submitted it; null for the command line or the system. */
  submitted_by: { id: number; name: string; email: string } | null;
  /** The state's version, to send back with the approval. */
  version: number;
  /** How many of the data set's elements have a value for the unit and period. */
  values: number;
  /** The data-quality issues of the unit's values for the period, for the approver to see. */
  quality: QualityCounts;
}

export interface ApprovalQueue {
  items: QueueItem[];
  total: number;
}

/**
 * Where `actor` may approve (the rule of `canApprove`, for many units in one query): every unit
 * (admins), the units strictly below one (approvers: the level above reviews), or none (the other
 * roles, and an approver without a unit).
 */
export function approvalScope(actor: Actor): 'all' | 'none' | { below: string } {
  if (actor.role === 'admin') return 'all';
  if (actor.role !== 'approver' || actor.unit === null) return 'none';
  return { below: actor.unit };
}

/**
 * The submissions waiting for `actor`'s approval, oldest submission first: submitted data sets of
 * the units the actor may approve (`canApprove`) that the approval would accept now, i.e. every
 * unit below that takes part in the data set for the period is approved (the rule of `transition`,
 * children first: a province waits until its communes are approved). One query reads them all;
 * the data sets' elements come from their definitions (one read per data set waiting).
 */
export async function approvalQueue(
  sql: Sql,
  actorOrNone: Actor | undefined,
  page: { limit: number; offset: number },
): Promise<ApprovalQueue> {
  const actor = requireActor(actorOrNone);
  const scope = approvalScope(actor);
  if (scope === 'none') return { items: [], total: 0 };

  // The data sets and periods waiting, to know their elements and days.
  const waiting = await sql.query<{ dataset: string; period: string }>(
    `select distinct dataset, period from workflow_states where state = 'submitted'`,
  );
  const elementsOf = new Map<string, string[] | null>();
  for (const dataset of new Set(waiting.rows.map((r) => r.dataset))) {
    try {
      elementsOf.set(dataset, await datasetElements(sql, dataset));
    } catch (error) {
      // A data set that is no longer defined cannot be approved (the approval is a 404).
      if (!(error instanceof NotFound)) throw error;
      elementsOf.set(dataset, null);
    }
  }
  const pairs = [...elementsOf].flatMap(([dataset, elements]) =>
    (elements ?? []).map((element) => [dataset, element] as const),
  );
  const datasets = [...elementsOf].filter(([, e]) => e !== null).map(([d]) => d);
  const periods = [...new Set(waiting.rows.map((r) => r.period))].flatMap((period) => {
    const range = periodRange(period);
    return range ? [{ period, ...range }] : [];
  });
  if (datasets.length === 0 || periods.length === 0) return { items: [], total: 0 };

  const { rows } = await sql.query<{
    total: number;
    items: {
      unit: string;
      name_en: string;
      name_vi: string | null;
      name_ar: string | null;
      dataset: string;
      dataset_kind: 'framework' | 'criteria';
      dataset_name: string | null;
      dataset_translated: Partial<Record<'en' | 'vi' | 'ar', string>> | null;
      period: string;
      submitted_at: string;
      user_id: number | null;
      user_name: string | null;
      user_email: string | null;
      version: number;
      values: number;
    }[];
  }>(
    `with recursive
       below(code, depth) as (
         select code, 0 from units where code = $1
         union all
         select u.code, b.depth + 1 from units u join below b on u.parent = b.code
          where b.depth < 20),
       de(dataset, element) as (select * from unnest($2::text[], $3::text[])),
       pr(period, first_day, last_day) as (select * from unnest($4::text[], $5::date[], $6::date[])),
       waiting as (
         select w.unit, w.dataset, w.period, w.version, w.updated_by, w.updated_at
           from workflow_states w join pr on pr.period = w.period
          where w.state = 'submitted' and w.dataset = any($7::text[])
            and ($1::text is null or w.unit in (select code from below where depth > 0))
            -- Children first: no unit below that existed in the period and takes part in the
            -- data set (a workflow state, or values of its elements) is unapproved.
            and not exists (
              select 1 from units c
                left join workflow_states cw
                  on cw.unit = c.code and cw.dataset = w.dataset and cw.period = w.period
               where c.parent = w.unit and c.valid_from <= pr.last_day
                 and (c.valid_to is null or c.valid_to >= pr.first_day)
                 and coalesce(cw.state, 'draft') <> 'approved'
                 and (cw.unit is not null or exists (
                       select 1 from de join data_values d
                           on d.unit = c.code and d.element = de.element and d.period = w.period
                        where de.dataset = w.dataset)))),
       listed as (
         select w.*, row_number() over (order by w.updated_at, w.unit, w.dataset, w.period) as n,
                case when exists (select 1 from frameworks f where f.id = w.dataset)
                     then 'framework' else 'criteria' end as kind
           from waiting w
          order by n limit $8 offset $9)
     select (select count(*)::int from waiting) as total,
            coalesce((
              select json_agg(json_build_object(
                       'unit', l.unit, 'name_en', u.name_en, 'name_vi', u.name_vi,
                       'name_ar', u.name_ar, 'dataset', l.dataset,
                       'dataset_kind', l.kind,
                       'dataset_translated', (
                         select json_object_agg(t.lang, t.name) from translations t
                          where t.kind = case l.kind when 'framework' then 'framework' else 'model' end
                            and t.key = l.dataset and t.name is not null),
                       'dataset_name', coalesce(
                         (select f.name from frameworks f where f.id = l.dataset
                           order by f.version desc limit 1),
                         (select m.name from criteria_models m where m.id = l.dataset
                           order by m.created_at desc limit 1)),
                       'period', l.period, 'submitted_at', l.updated_at,
                       'user_id', us.id, 'user_name', us.name, 'user_email', us.email,
                       'version', l.version,
                       'values', (select count(*)::int from de join data_values d
                                      on d.unit = l.unit and d.element = de.element
                                     and d.period = l.period
                                   where de.dataset = l.dataset and d.value is not null))
                     order by l.n)
                from listed l join units u on u.code = l.unit
                left join users us on us.id = l.updated_by), '[]'::json) as items`,
    [
      scope === 'all' ? null : scope.below,
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
      periods.map((p) => p.period),
      periods.map((p) => p.start),
      periods.map((p) => p.end),
      datasets,
      page.limit,
      page.offset,
    ],
  );
  const row = rows[0];
  const listed = row?.items ?? [];
  const quality = await submissionCounts(sql, listed);
  return {
    total: row?.total ?? 0,
    items: listed.map((r, i) => ({
      unit: r.unit,
      unit_names: { en: r.name_en, vi: r.name_vi, ar: r.name_ar },
      dataset: r.dataset,
      dataset_kind: r.dataset_kind,
      dataset_name: r.dataset_name ?? r.dataset,
      dataset_names: {
        en: r.dataset_translated?.en ?? r.dataset_name ?? r.dataset,
        vi: r.dataset_translated?.vi ?? null,
        ar: r.dataset_translated?.ar ?? null,
      },
      period: r.period,
      submitted_at: new Date(r.submitted_at).toISOString(),
      submitted_by:
        r.user_id === null
          ? null
          : { id: r.user_id, name: r.user_name ?? '', email: r.user_email ?? '' },
      version: r.version,
      values: r.values,
      quality: quality[i] as QualityCounts,
    })),
  };
}
