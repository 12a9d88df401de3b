import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getJson, type Me, type Names } from '../api.js';
import { nameIn } from '../format.js';
import { dayIn, periodBounds } from './unitPeriods.js';

interface UnitRow {
  code: string;
  level: string;
  parent: string | null;
  names: Names;
  valid_from: string;
  valid_to: string | null;
}

const national = ['admin', 'analyst'];

/**
 * The unit to enter data for, in two steps: the top units the user may work on (every province
 * of the period for national roles; otherwise the user's own unit), then, when that unit has
 * units below it in the period (districts, communes; those of its last day in the period if it
 * ended within it), one of those or the unit itself.
 */
export function UnitPicker({
  me,
  period,
  unit,
  onChange,
}: {
  me: Me;
  period: string;
  unit: string;
  onChange: (unit: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const at = periodBounds(period)?.end ?? `${period.slice(0, 4)}-12-31`;
  const list = (query: string, day = at) =>
    getJson<{ items: UnitRow[] }>(`/api/units?${query}&at=${day}&limit=1000`).then((r) => r.items);
  const tops = useQuery({
    queryKey: ['entry-units', me.role, me.unit, at],
    enabled: Boolean(period),
    queryFn: async () => {
      if (national.includes(me.role) || !me.unit) return list('level=province');
      const own = await getJson<UnitRow>(`/api/units/${encodeURIComponent(me.unit)}`);
      return [own];
    },
  });
  // The top unit chosen: the one picked, or the one above the unit picked.
  const topCodes = new Set((tops.data ?? []).map((u) => u.code));
  const below = useQuery({
    queryKey: ['unit-parent', unit],
    enabled: Boolean(unit) && tops.isSuccess && !topCodes.has(unit),
    queryFn: () => getJson<UnitRow>(`/api/units/${encodeURIComponent(unit)}`),
  });
  const top = topCodes.has(unit) ? unit : (below.data?.parent ?? '');
  const day = dayIn(
    period,
    tops.data?.find((u) => u.code === top),
  );
  const children = useQuery({
    queryKey: ['entry-children', top, day],
    enabled: Boolean(top),
    queryFn: () => list(`parent=${encodeURIComponent(top)}`, day),
  });
  const label = (u: UnitRow) => nameIn(u.names, i18n.language);
  return (
    <>
      <NativeSelect
        label={t('overview.unit')}
        value={top}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[
          ...(top ? [] : [{ value: '', label: '–' }]),
          ...(tops.data ?? []).map((u) => ({ value: u.code, label: label(u) })),
        ]}
        data-testid="entry-unit"
      />
      {(children.data?.length ?? 0) > 0 && (
        <NativeSelect
          label={t('entry.below')}
          value={unit === top ? '' : unit}
          onChange={(e) => onChange(e.currentTarget.value || top)}
          data={[
            { value: '', label: t('entry.unitItself') },
            ...(children.data ?? []).map((u) => ({ value: u.code, label: label(u) })),
          ]}
          data-testid="entry-below"
        />
      )}
    </>
  );
}
