import type { Database } from '../../db/database.js';
import { type Language, listNames, type NameKind } from '../translations.js';

type UnitNames = { en: string; vi: string | null; ar: string | null };

/** Names in a report's language, English where no translation exists (as GET /api/names?lang=). */
export interface ReportNames {
  lang: Language;
  /** A thing's name; `fallback` (else its key) when it has none. */
  name(kind: NameKind, key: string, fallback?: string | null): string;
  /** Its short name (column headers), else its name. */
  short(kind: NameKind, key: string, fallback?: string | null): string;
  /** A framework node's name (nodes are keyed `framework/code`). */
  node(framework: string, code: string, fallback?: string | null): string;
  nodeShort(framework: string, code: string, fallback?: string | null): string;
  /** A unit's name from its own columns. */
  unit(names: UnitNames): string;
  /** Units' names by code, read once for all of them. */
  units(codes: readonly string[]): Promise<Map<string, { name: string; level: string }>>;
}

/** The names of every named thing (services/translations.ts) and units, in `lang`. */
export async function reportNames(database: Database, lang: Language): Promise<ReportNames> {
  const things = new Map(
    (await listNames(database)).map((t) => {
      const name = t.names[lang] ?? t.names.en;
      return [`${t.kind}|${t.key}`, { name, short: t.short[lang] ?? t.short.en ?? name }];
    }),
  );
  const name = (kind: NameKind, key: string, fallback?: string | null) =>
    things.get(`${kind}|${key}`)?.name ?? fallback ?? key;
  const short = (kind: NameKind, key: string, fallback?: string | null) =>
    things.get(`${kind}|${key}`)?.short ?? fallback ?? key;
  const unit = (names: UnitNames) => names[lang] ?? names.en;
  return {
    lang,
    name,
    short,
    node: (framework, code, fallback) => name('node', `${framework}/${code}`, fallback),
    nodeShort: (framework, code, fallback) => short('node', `${framework}/${code}`, fallback),
    unit,
    units: async (codes) => {
      const { rows } = await database.query<{
        code: string;
        level: string;
        name_en: string;
        name_vi: string | null;
        name_ar: string | null;
      }>('select code, level, name_en, name_vi, name_ar from units where code = any($1::text[])', [
        [...new Set(codes)],
      ]);
      return new Map(
        rows.map((r) => [
          r.code,
          { name: unit({ en: r.name_en, vi: r.name_vi, ar: r.name_ar }), level: r.level },
        ]),
      );
    },
  };
}
