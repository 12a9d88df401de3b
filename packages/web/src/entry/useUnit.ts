import { useQuery } from '@tanstack/react-query';
import { getJson, type Names } from '../api.js';
import type { Validity } from './unitPeriods.js';

/** One unit as `GET /api/units/:code` gives it: its names, level, parent and validity. */
export interface UnitInfo extends Validity {
  code: string;
  level: string;
  parent: string | null;
  names: Names;
}

/** `GET /api/units/:code` (the key the administration's unit editor refreshes). */
export function useUnit(code: string) {
  return useQuery({
    queryKey: ['unit', code],
    enabled: Boolean(code),
    queryFn: ({ signal }) => getJson<UnitInfo>(`/api/units/${encodeURIComponent(code)}`, signal),
  });
}
