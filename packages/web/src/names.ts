import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from './api';

/** The kinds of named things whose names `GET /api/names` gives in en, vi and ar. */
export type NameKind =
  | 'framework'
  | 'node'
  | 'element'
  | 'model'
  | 'criterion'
  | 'plan'
  | 'target'
  | 'region';

type InLanguages = { en: string | null; vi: string | null; ar: string | null };

export interface NamedThing {
  kind: NameKind;
  key: string;
  names: InLanguages;
  short: InLanguages;
}

export interface NameLookup {
  /** The thing's name in the reader's language, else English, else `fallback`, else its key. */
  name(kind: NameKind, key: string, fallback?: string | null): string;
  /** Its short name (column headers) in the reader's language, else its name there. */
  short(kind: NameKind, key: string, fallback?: string | null): string;
  /** A framework node's name: nodes are keyed by framework and code. */
  node(framework: string, code: string, fallback?: string | null): string;
  nodeShort(framework: string, code: string, fallback?: string | null): string;
  criterion(model: string, code: string, fallback?: string | null): string;
}

/**
 * Names of frameworks, nodes, data elements, criteria, plans, targets and regions in the reader's
 * language: every name is read once for the session (the server's content revision revalidates
 * it) and looked up by kind and key, so pages show what the data defines in English, Vietnamese
 * or Arabic without asking for each.
 */
export function useNames(): NameLookup {
  const { i18n } = useTranslation();
  const names = useQuery({
    queryKey: ['names'],
    queryFn: ({ signal }) => getJson<{ items: NamedThing[] }>('/api/names', signal),
    staleTime: 60_000,
  });
  const byKey = useMemo(
    () => new Map((names.data?.items ?? []).map((t) => [`${t.kind}|${t.key}`, t])),
    [names.data],
  );
  const language = i18n.language as keyof InLanguages;
  return useMemo(() => {
    const name = (kind: NameKind, key: string, fallback?: string | null) => {
      const t = byKey.get(`${kind}|${key}`);
      return t?.names[language] ?? t?.names.en ?? fallback ?? key;
    };
    const short = (kind: NameKind, key: string, fallback?: string | null) => {
      const t = byKey.get(`${kind}|${key}`);
      if (!t) return fallback ?? key;
      // In Vietnamese without a Vietnamese short name, the Vietnamese name beats an English short.
      return t.short[language] ?? t.names[language] ?? t.short.en ?? t.names.en ?? fallback ?? key;
    };
    return {
      name,
      short,
      node: (framework, code, fallback) => name('node', `${framework}/${code}`, fallback),
      nodeShort: (framework, code, fallback) => short('node', `${framework}/${code}`, fallback),
      criterion: (model, code, fallback) => name('criterion', `${model}/${code}`, fallback),
    };
  }, [byKey, language]);
}
