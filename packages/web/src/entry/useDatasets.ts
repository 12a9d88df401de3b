import { useQuery } from '@tanstack/react-query';
import { type FrameworkSummary, getJson } from '../api.js';

/** A data set officers fill in: a framework's data elements, or a criteria model's indicators. */
export interface Dataset {
  id: string;
  name: string;
  kind: 'framework' | 'criteria';
}

export interface DatasetElement {
  code: string;
  name: string;
  unit_of_measure: string | null;
}

interface CriteriaModel {
  id: string;
  name: string;
  definition: { criteria: { indicator: string; name?: string }[] };
  periods: string[];
}

/** Every data set: the frameworks, then the criteria models (checklists such as the commune model). */
export function useDatasets() {
  return useQuery({
    queryKey: ['datasets'],
    queryFn: async ({ signal }) => {
      const [frameworks, models] = await Promise.all([
        getJson<{ items: FrameworkSummary[] }>('/api/frameworks', signal),
        getJson<{ items: CriteriaModel[] }>('/api/criteria', signal),
      ]);
      return [
        ...frameworks.items.map((f): Dataset => ({ id: f.id, name: f.name, kind: 'framework' })),
        ...models.items.map((m): Dataset => ({ id: m.id, name: m.name, kind: 'criteria' })),
      ];
    },
  });
}

/**
 * A data set's elements and its periods: those with data (the latest of them is `latest`), and
 * the year after the last (up to the current year), the one most often being collected.
 */
export function useDatasetDetail(dataset: Dataset | undefined) {
  return useQuery({
    queryKey: ['dataset', dataset?.kind, dataset?.id],
    enabled: dataset !== undefined,
    queryFn: async ({ signal }) => {
      const path = `/api/${dataset?.kind === 'criteria' ? 'criteria' : 'frameworks'}/${encodeURIComponent(dataset?.id ?? '')}`;
      if (dataset?.kind === 'criteria') {
        const model = await getJson<CriteriaModel>(path, signal);
        const seen = new Set<string>();
        const elements = model.definition.criteria.flatMap((c): DatasetElement[] => {
          if (seen.has(c.indicator)) return [];
          seen.add(c.indicator);
          return [{ code: c.indicator, name: c.name ?? c.indicator, unit_of_measure: null }];
        });
        return { elements, periods: withNextYear(model.periods), latest: model.periods.at(-1) };
      }
      const framework = await getJson<{ periods: string[]; elements: DatasetElement[] }>(
        path,
        signal,
      );
      return {
        elements: framework.elements,
        periods: withNextYear(framework.periods),
        latest: framework.periods.at(-1),
      };
    },
  });
}

function withNextYear(periods: string[]): string[] {
  const last = periods.at(-1);
  if (last === undefined || !/^\d{4}$/.test(last)) return periods;
  const next = Number(last) + 1;
  return next <= new Date().getFullYear() ? [...periods, String(next)] : periods;
}
