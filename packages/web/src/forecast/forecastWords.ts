// Free of the browser's types, so node's tests type-check it too.

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A probability as the reader's locale writes a percentage; below 1% and above 99% as such. */
export function formatChance(p: number, locale: string): string {
  const percent = (x: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(x);
  if (p < 0.01) return percent(0.01);
  if (p > 0.99) return percent(0.99);
  return percent(p);
}

/** How the chance is phrased: under 1% and over 99% say so rather than round to 0% or 100%. */
export function chanceKey(p: number): 'chance' | 'chanceBelow' | 'chanceAbove' {
  return p < 0.01 ? 'chanceBelow' : p > 0.99 ? 'chanceAbove' : 'chance';
}

/**
 * Why there is no forecast, in the reader's words: the engine's reasons are English sentences, so
 * the known ones are recognised and translated (too few observations, a period already past).
 */
export function reasonText(reason: string, t: Translate): string {
  const few = /^(\d+) observations?:/.exec(reason);
  if (few) return t('forecast.reasonFew', { count: Number(few[1]), needed: 3 });
  if (reason.startsWith('no observations')) return t('forecast.reasonNone');
  if (/not after the latest observation/.test(reason)) return t('forecast.reasonPast');
  return t('forecast.reasonOther');
}
