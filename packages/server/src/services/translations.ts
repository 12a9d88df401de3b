import type { Actor } from '../auth/actor.js';
import type { Database, Sql } from '../db/database.js';
import { type ProblemField, UnprocessableContent } from '../http/problems.js';
import { recordAudit } from './audit.js';
import { bumpContentRevision } from './dataRevision.js';

/** The kinds of named things that carry names in three languages (units have their own columns). */
export const nameKinds = [
  'framework',
  'node',
  'element',
  'model',
  'criterion',
  'plan',
  'target',
  'region',
] as const;
export type NameKind = (typeof nameKinds)[number];

export const languages = ['en', 'vi', 'ar'] as const;
export type Language = (typeof languages)[number];

export type InLanguages = Record<Language, string | null>;

/** A named thing with its names and short names in each language (null: none given). */
export interface NamedThing {
  kind: NameKind;
  key: string;
  /** The English name where the thing is defined (its framework, plan, elements list...). */
  defined: string | null;
  names: InLanguages;
  short: InLanguages;
}

/** Longest name and short name accepted. */
export const maxNameLength = 300;
export const maxShortLength = 40;

/**
 * Every named thing, in a stable order (kind, then as defined), from where it is defined (the
 * latest version of each framework and criteria model, data elements, plans, targets, the regions
 * units carry), with the translations given for it. English falls back to the defined name.
 */
export async function listNames(sql: Sql): Promise<NamedThing[]> {
  const { rows } = await sql.query<{
    kind: NameKind;
    key: string;
    defined: string | null;
    given: { lang: Language; name: string | null; short: string | null }[] | null;
  }>(
    `with recursive
       latest_frameworks as (
         select distinct on (id) id, name, definition from frameworks order by id, version desc),
       latest_models as (
         select distinct on (id) id, name, definition from criteria_models
          order by id, created_at desc),
       defined(kind, key, name, ord, sub) as (
         select 'framework', id, name, 0, 0::bigint from latest_frameworks
         union all
         select 'node', f.id || '/' || (n.node->>'code'), n.node->>'name', 1, n.i
           from latest_frameworks f,
                jsonb_array_elements(f.definition->'nodes') with ordinality as n(node, i)
         union all
         select 'model', id, name, 2, 0 from latest_models
         union all
         select 'criterion', m.id || '/' || (c.criterion->>'code'), c.criterion->>'name', 3, c.i
           from latest_models m,
                jsonb_array_elements(m.definition->'criteria') with ordinality as c(criterion, i)
         union all
         select 'element', code, name, 4, 0 from data_elements
         union all
         select 'plan', id, name, 5, 0 from plans
         union all
         select 'target', id, name, 6, 0 from targets
         union all
         select distinct 'region', attributes->>'region', attributes->>'region', 7, 0 from units
          where attributes->>'region' is not null)
     select d.kind, d.key, d.name as defined,
            (select json_agg(json_build_object('lang', t.lang, 'name', t.name, 'short', t.short))
               from translations t where t.kind = d.kind and t.key = d.key) as given
       from defined d
      order by d.ord, split_part(d.key, '/', 1), d.sub, d.key`,
  );
  return rows.map((r) => {
    const names: InLanguages = { en: r.defined, vi: null, ar: null };
    const short: InLanguages = { en: null, vi: null, ar: null };
    for (const g of r.given ?? []) {
      if (g.name !== null) names[g.lang] = g.name;
      short[g.lang] = g.short;
    }
    return { kind: r.kind, key: r.key, defined: r.defined, names, short };
  });
}

/** A change of names: per language, a string sets it, null or '' removes it, absent keeps it. */
export interface NameChange {
  kind: NameKind;
  key: string;
  names?: Partial<Record<Language, string | null>> | undefined;
  short?: Partial<Record<Language, string | null>> | undefined;
}

/**
 * Saves names, all or none: each change must name a thing that exists (once), within the lengths.
 * An English name equal to the defined one is not stored (the definition keeps it); removing it
 * falls back to the definition. Audited per thing, and public reads show the new names at once.
 * `where(i)` names the change in problems (`body.items[3]`, `row 4`).
 */
export async function saveNames(
  database: Database,
  actor: Actor,
  changes: NameChange[],
  where: Where = bodyItem,
): Promise<{ changed: number; items: NamedThing[] }> {
  return database.transaction(async (sql) => {
    const known = new Map((await listNames(sql)).map((t) => [`${t.kind}|${t.key}`, t]));
    const problems = nameProblems(changes, known, where);
    if (problems.length > 0)
      throw new UnprocessableContent(
        `${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`,
        problems,
      );
    const audit = [];
    const touched: string[] = [];
    for (const change of changes) {
      const id = `${change.kind}|${change.key}`;
      const before = known.get(id) as NamedThing;
      const after = applyChange(before, change);
      if (sameNames(before, after)) continue;
      touched.push(id);
      await sql.query('delete from translations where kind = $1 and key = $2', [
        change.kind,
        change.key,
      ]);
      const rows = languages
        .map((lang) => ({
          lang,
          name: lang === 'en' && after.names.en === after.defined ? null : after.names[lang],
          short: after.short[lang],
        }))
        .filter((r) => r.name !== null || r.short !== null);
      if (rows.length > 0)
        await sql.query(
          `insert into translations (kind, key, lang, name, short)
           select $1, $2, l, n, s from unnest($3::text[], $4::text[], $5::text[]) as t(l, n, s)`,
          [
            change.kind,
            change.key,
            rows.map((r) => r.lang),
            rows.map((r) => r.name),
            rows.map((r) => r.short),
          ],
        );
      audit.push({
        entity: 'translation' as const,
        key: `${change.kind}:${change.key}`,
        action: 'update',
        before: { names: before.names, short: before.short },
        after: { names: after.names, short: after.short },
      });
    }
    if (audit.length > 0) {
      await recordAudit(sql, actor, audit);
      await bumpContentRevision(sql);
    }
    const saved = new Map((await listNames(sql)).map((t) => [`${t.kind}|${t.key}`, t]));
    return {
      changed: touched.length,
      items: changes.map((c) => saved.get(`${c.kind}|${c.key}`) as NamedThing),
    };
  });
}

/**
 * Names change `i` in a problem, and its `column` if one is concerned (`key`, `name_vi`,
 * `short_ar`: as the translation table calls them).
 */
export type Where = (i: number, column?: string) => string;

const bodyItem: Where = (i, column) => {
  const at = `body.items[${i}]`;
  if (!column) return at;
  const [field, lang] = column.split('_');
  return lang ? `${at}.${field === 'name' ? 'names' : field}.${lang}` : `${at}.${column}`;
};

function nameProblems(
  changes: NameChange[],
  known: Map<string, NamedThing>,
  where: Where,
): ProblemField[] {
  const problems: ProblemField[] = [];
  const seen = new Map<string, number>();
  for (const [i, c] of changes.entries()) {
    const id = `${c.kind}|${c.key}`;
    if (!known.has(id))
      problems.push({
        field: where(i, 'key'),
        message: `there is no ${c.kind} "${c.key}"`,
        value: c.key,
      });
    const first = seen.get(id);
    if (first !== undefined)
      problems.push({
        field: where(i),
        message: `the same ${c.kind} as ${where(first)}`,
        value: c.key,
      });
    else seen.set(id, i);
    for (const [field, column, max] of [
      ['names', 'name', maxNameLength],
      ['short', 'short', maxShortLength],
    ] as const) {
      for (const [lang, text] of Object.entries(c[field] ?? {})) {
        if (typeof text === 'string' && text.trim().length > max)
          problems.push({
            field: where(i, `${column}_${lang}`),
            message: `longer than ${max} characters`,
            value: text,
          });
      }
    }
  }
  return problems;
}

function applyChange(thing: NamedThing, change: NameChange): NamedThing {
  const names = { ...thing.names };
  const short = { ...thing.short };
  for (const lang of languages) {
    const name = change.names?.[lang];
    if (name !== undefined) {
      const text = name?.trim() || null;
      names[lang] = lang === 'en' ? (text ?? thing.defined) : text;
    }
    const s = change.short?.[lang];
    if (s !== undefined) short[lang] = s?.trim() || null;
  }
  return { ...thing, names, short };
}

function sameNames(a: NamedThing, b: NamedThing): boolean {
  return languages.every((l) => a.names[l] === b.names[l] && a.short[l] === b.short[l]);
}
