import { comparePeriods, type Panel } from './panel.js';

/** Records added in order; `build` reports every record that repeats an earlier cell. */
export interface PanelBuilder {
  /** Adds one value (NaN for an empty value) and returns the record's number, counting from 0. */
  add(unit: string, series: string, period: string, value: number): number;
  /**
   * Adds `count` records given as indices into their own code lists (as a parser that
   * dictionary-encodes its rows produces them); returns the record number of the first.
   */
  addEncoded(records: EncodedRecords): number;
  build(): BuiltPanel;
}

export interface EncodedRecords {
  units: readonly string[];
  series: readonly string[];
  periods: readonly string[];
  count: number;
  unit: Int32Array;
  seriesOf: Int32Array;
  period: Int32Array;
  value: Float64Array;
}

export interface BuiltPanel {
  panel: Panel;
  /** Records whose cell an earlier record (`first`) already filled; record numbers as `add` returns them. */
  duplicates: Duplicate[];
}

export interface Duplicate {
  record: number;
  first: number;
  unit: string;
  series: string;
  period: string;
}

/** Records in the order added: their own code lists' indices, mapped to the builder's on build. */
interface Segment extends EncodedRecords {
  unitMap?: Int32Array;
  seriesMap?: Int32Array;
  periodMap?: Int32Array;
}

/**
 * Collects (unit, series, period, value) records into a dense Panel. Units and series keep the
 * order of first appearance; periods are sorted chronologically. Encoded batches are kept as
 * they come and scattered once, at `build`, straight into the panel.
 */
export function panelBuilder(): PanelBuilder {
  const unitIndex = new Map<string, number>();
  const seriesIndex = new Map<string, number>();
  const periodIndex = new Map<string, number>();
  const segments: Segment[] = [];
  let count = 0;
  // Records given one by one go into an open segment whose codes are the builder's own.
  let open:
    | {
        unit: Int32Array;
        seriesOf: Int32Array;
        period: Int32Array;
        value: Float64Array;
        count: number;
      }
    | undefined;

  const indexOf = (map: Map<string, number>, key: string): number => {
    let i = map.get(key);
    if (i === undefined) {
      i = map.size;
      map.set(key, i);
    }
    return i;
  };
  const close = () => {
    if (!open) return;
    const n = open.count;
    segments.push({
      units: [],
      series: [],
      periods: [],
      count: n,
      unit: open.unit.subarray(0, n),
      seriesOf: open.seriesOf.subarray(0, n),
      period: open.period.subarray(0, n),
      value: open.value.subarray(0, n),
    });
    open = undefined;
  };
  // Files usually list a unit's rows together, so the previous unit is often the next one too.
  let lastUnit = '';
  let lastUnitIndex = -1;

  return {
    add(unit, series, period, value) {
      if (!open) {
        open = {
          unit: new Int32Array(1024),
          seriesOf: new Int32Array(1024),
          period: new Int32Array(1024),
          value: new Float64Array(1024),
          count: 0,
        };
      }
      if (open.count === open.unit.length) {
        const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
          b.set(a);
          return b;
        };
        const size = open.unit.length * 2;
        open.unit = grow(open.unit, new Int32Array(size));
        open.seriesOf = grow(open.seriesOf, new Int32Array(size));
        open.period = grow(open.period, new Int32Array(size));
        open.value = grow(open.value, new Float64Array(size));
      }
      if (unit !== lastUnit || lastUnitIndex < 0) {
        lastUnit = unit;
        lastUnitIndex = indexOf(unitIndex, unit);
      }
      const at = open.count++;
      open.unit[at] = lastUnitIndex;
      open.seriesOf[at] = indexOf(seriesIndex, series);
      open.period[at] = indexOf(periodIndex, period);
      open.value[at] = value;
      return count++;
    },
    addEncoded(records) {
      close();
      segments.push({
        ...records,
        unitMap: Int32Array.from(records.units, (code) => indexOf(unitIndex, code)),
        seriesMap: Int32Array.from(records.series, (code) => indexOf(seriesIndex, code)),
        periodMap: Int32Array.from(records.periods, (code) => indexOf(periodIndex, code)),
      });
      const first = count;
      count += records.count;
      return first;
    },
    build() {
      close();
      const units = [...unitIndex.keys()];
      const series = [...seriesIndex.keys()];
      const firstSeen = [...periodIndex.keys()];
      const periods = [...firstSeen].sort(comparePeriods);
      const periodRemap = Int32Array.from(firstSeen, (code) => periods.indexOf(code));
      const nu = units.length;
      const ns = series.length;
      const values = new Float64Array(periods.length * ns * nu).fill(Number.NaN);
      const filledBy = new Int32Array(values.length).fill(-1);
      const duplicates: Duplicate[] = [];
      let record = 0;
      for (const segment of segments) {
        const identity = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
        const unitMap = segment.unitMap ?? identity(nu);
        const seriesMap = segment.seriesMap ?? identity(ns);
        const periodMap = segment.periodMap ?? identity(firstSeen.length);
        for (let r = 0; r < segment.count; r++, record++) {
          const u = unitMap[segment.unit[r] as number] as number;
          const s = seriesMap[segment.seriesOf[r] as number] as number;
          const p = periodMap[segment.period[r] as number] as number;
          const at = ((periodRemap[p] as number) * ns + s) * nu + u;
          const first = filledBy[at] as number;
          if (first >= 0) {
            const period = firstSeen[p] as string;
            duplicates.push({
              record,
              first,
              unit: units[u] as string,
              series: series[s] as string,
              period,
            });
          } else {
            filledBy[at] = record;
            values[at] = segment.value[r] as number;
          }
        }
      }
      return { panel: { units, series, periods, values }, duplicates };
    },
  };
}
