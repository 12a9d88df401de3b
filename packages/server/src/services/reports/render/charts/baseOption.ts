import type { Language } from '../../../translations.js';
import { uiFont } from '../fonts.js';
import { palette } from './palette.js';

/** What every chart of a report shares: its font, ink, legend and axes' look. */
export function baseOption(lang: Language) {
  return {
    textStyle: { fontFamily: uiFont(lang), fontSize: 11, color: palette.ink },
    legend: {
      top: 0,
      itemWidth: 16,
      itemHeight: 9,
      itemGap: 18,
      textStyle: { fontSize: 11, color: palette.ink },
    },
  };
}

export const valueAxisStyle = {
  axisLine: { show: false },
  axisTick: { show: false },
  axisLabel: { color: palette.muted, fontSize: 10 },
  splitLine: { lineStyle: { color: palette.grid } },
};

export const categoryAxisStyle = {
  axisLine: { lineStyle: { color: palette.rule } },
  axisTick: { show: false },
  axisLabel: { color: palette.ink, fontSize: 10 },
};

/** Every year from the first to the last of yearly periods (other periods as they come). */
export function axisPeriods(periods: readonly string[]): string[] {
  const sorted = [...new Set(periods)].sort();
  if (sorted.length === 0 || !sorted.every((p) => /^\d{4}$/.test(p))) return sorted;
  const first = Number(sorted[0]);
  const last = Number(sorted.at(-1));
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}
