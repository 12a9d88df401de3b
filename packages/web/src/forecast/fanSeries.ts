// Free of the browser's types, so node's tests type-check it too.

interface Interval {
  level: number;
  lower: number;
  upper: number;
}

/** One point of a fan: a time (a year) with the projection and its intervals there. */
export interface FanInput {
  time: number;
  projection: number;
  intervals: readonly Interval[];
}

export interface FanColours {
  band80: string;
  band95: string;
  line: string;
}

export interface FanNames {
  projection: string;
  band80: string;
  band95: string;
}

/**
 * ECharts line series drawing a fan on a category axis of `periods`: the 95% band (lighter) and
 * the 80% band as stacked areas (an invisible lower edge, then the band's width above it), and the
 * projection line. Every series is aligned with the axis ('-' where it has no value), since
 * stacked series add up value by value. The fan opens at `from`, the latest observation, where its
 * width is nought.
 */
export function fanSeries(
  periods: readonly string[],
  from: { period: string; value: number } | null,
  fan: readonly FanInput[],
  names: FanNames,
  colours: FanColours,
): object[] {
  if (fan.length === 0) return [];
  const at = new Map<string, { projection: number; bands: Map<number, Interval> }>();
  if (from)
    at.set(from.period, {
      projection: from.value,
      bands: new Map(
        [0.8, 0.95].map((level) => [level, { level, lower: from.value, upper: from.value }]),
      ),
    });
  for (const f of fan)
    at.set(String(f.time), {
      projection: f.projection,
      bands: new Map(f.intervals.map((i) => [i.level, i])),
    });
  const column = (
    pick: (p: { projection: number; bands: Map<number, Interval> }) => number | null,
  ) =>
    periods.map((period) => {
      const point = at.get(period);
      const v = point ? pick(point) : null;
      return v === null || !Number.isFinite(v) ? '-' : v;
    });
  const band = (level: number, name: string, colour: string, stack: string) => [
    {
      name: `${name} (lower)`,
      type: 'line',
      stack,
      data: column((p) => p.bands.get(level)?.lower ?? null),
      lineStyle: { opacity: 0 },
      symbol: 'none',
      silent: true,
      tooltip: { show: false },
      legendHoverLink: false,
    },
    {
      name,
      type: 'line',
      stack,
      data: column((p) => {
        const b = p.bands.get(level);
        return b ? b.upper - b.lower : null;
      }),
      lineStyle: { opacity: 0 },
      areaStyle: { color: colour },
      color: colour,
      symbol: 'none',
      silent: true,
      tooltip: { show: false },
    },
  ];
  return [
    ...band(0.95, names.band95, colours.band95, 'fan95'),
    ...band(0.8, names.band80, colours.band80, 'fan80'),
    {
      name: names.projection,
      type: 'line',
      data: column((p) => p.projection),
      lineStyle: { type: 'dashed', width: 2 },
      symbolSize: 5,
      color: colours.line,
    },
  ];
}
