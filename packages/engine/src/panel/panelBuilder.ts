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

/**
 * Collects (unit, series, period, value) records into a dense Panel. Units and series keep the
 * order of first appearance; periods are sorted chronologically.
 */
export function panelBuilder(): PanelBuilder {
  const unitIndex = new Map<string, number>();
  const seriesIndex = new Map<string, number>();
  const periodIndex = new Map<string, number>();
  let capacity = 1024;
  let count = 0;
  let u = new Int32Array(capacity);
  let s = new Int32Array(capacity);
  let p = new Int32Array(capacity);
  let v = new Float64Array(capacity);

  const indexOf = (map: Map<string, number>, key: string): number => {
    let i = map.get(key);
    if (i === undefined) {
      i = map.size;
      map.set(key, i);
    }
    return i;
  };
  // Files usually list a unit's rows together, so the previous unit is often the next one too.
  let lastUnit = '';
  let lastUnitIndex = -1;
  const grow = () => {
    capacity *= 2;
    const resize = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    u = resize(u, (n) => new Int32Array(n));
    s = resize(s, (n) => new Int32Array(n));
    p = resize(p, (n) => new Int32Array(n));
    v = resize(v, (n) => new Float64Array(n));
  };

  return {
    add(unit, series, period, value) {
      if (count === capacity) grow();
      if (unit !== lastUnit || lastUnitIndex < 0) {
        lastUnit = unit;
        lastUnitIndex = indexOf(unitIndex, unit);
      }
      u[count] = lastUnitIndex;
      s[count] = indexOf(seriesIndex, series);
      p[count] = indexOf(periodIndex, period);
      v[count] = value;
      return count++;
    },
    addEncoded(records) {
      const first = count;
      const unitMap = Int32Array.from(records.units, (code) => indexOf(unitIndex, code));
      const seriesMap = Int32Array.from(records.series, (code) => indexOf(seriesIndex, code));
      const periodMap = Int32Array.from(records.periods, (code) => indexOf(periodIndex, code));
      while (capacity < count + records.count) grow();
      for (let r = 0; r < records.count; r++) {
        u[count] = unitMap[records.unit[r] as number] as number;
        s[count] = seriesMap[records.seriesOf[r] as number] as number;
        p[count] = periodMap[records.period[r] as number] as number;
        v[count] = records.value[r] as number;
        count++;
      }
      return first;
    },
    build() {
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
      for (let r = 0; r < count; r++) {
        const at =
          ((periodRemap[p[r] as number] as number) * ns + (s[r] as number)) * nu + (u[r] as number);
        const first = filledBy[at] as number;
        if (first >= 0) {
          const unit = units[u[r] as number] as string;
          const code = series[s[r] as number] as string;
          duplicates.push({
            record: r,
            first,
            unit,
            series: code,
            period: firstSeen[p[r] as number] as string,
          });
        } else {
          filledBy[at] = r;
          values[at] = v[r] as number;
        }
      }
      return { panel: { units, series, periods, values }, duplicates };
    },
  };
}
