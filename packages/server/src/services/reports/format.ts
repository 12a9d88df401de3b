import type { Language } from '../translations.js';

/**
 * Numbers and dates as a report's reader writes them, with the web app's locales (format.ts in
 * packages/web): 'en-GB', 'vi-VN' (decimal comma, dot for thousands) and 'ar' (Latin digits, as
 * the web app shows them). Missing values print as an en dash.
 */

export const missing = '–';

export function localeOf(lang: Language): string {
  return lang === 'vi' ? 'vi-VN' : lang === 'ar' ? 'ar' : 'en-GB';
}

export function directionOf(lang: Language): 'ltr' | 'rtl' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

// Formatters are costly to make (a report formats hundreds of figures): one per language and
// options, made on first use.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(lang: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(lang: Language, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'UTC',
    });
    dateFormats.set(key, format);
  }
  return format;
}

function present(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** A score: one decimal ("71.5", "71,5"). */
export function formatScore(value: number | null | undefined, lang: Language): string {
  if (!present(value)) return missing;
  return numberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A value as measured: up to `digits` decimals, none added ("28.3", "1,234", "0,25"). */
export function formatNumber(value: number | null | undefined, lang: Language, digits = 2): string {
  if (!present(value)) return missing;
  return numberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

/** A whole number, such as a rank or a count. */
export function formatInteger(value: number | null | undefined, lang: Language): string {
  if (!present(value)) return missing;
  return numberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

/** A change in points, signed, one decimal ("+2.3", "-1,4", "0.0"). */
export function formatChange(value: number | null | undefined, lang: Language): string {
  if (!present(value)) return missing;
  return numberFormat(lang, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);
}

/** A signed whole number, such as places gained ("+3", "-2", "0"). */
export function formatSignedInteger(value: number | null | undefined, lang: Language): string {
  if (!present(value)) return missing;
  return numberFormat(lang, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(value);
}

/** A fraction as a percentage, one decimal by default (0.643: "64.3%", "64,3%"). */
export function formatPercent(
  fraction: number | null | undefined,
  lang: Language,
  digits = 1,
): string {
  if (!present(fraction)) return missing;
  return numberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fraction);
}

/** A growth rate (a fraction a year) as a signed percentage: "+5.2%", "-0,8%". */
export function formatGrowth(fraction: number | null | undefined, lang: Language): string {
  if (!present(fraction)) return missing;
  return numberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(fraction);
}

/** A calendar date (`YYYY-MM-DD`, or the day of a timestamp) as the reader writes it, long form. */
export function formatDate(iso: string | null | undefined, lang: Language): string {
  if (!iso) return missing;
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return iso;
  return dateFormat(lang, false).format(day);
}

/**
 * A moment (ISO 8601 timestamp) as its day and time in UTC, so that the same data revision gives
 * the same document wherever it is printed; the text as given when it is not a timestamp.
 */
export function formatInstant(iso: string | null | undefined, lang: Language): string {
  if (!iso) return missing;
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return `${dateFormat(lang, true).format(moment)} UTC`;
}

/** The plural category of a count in the reader's language (Arabic has six). */
const pluralRules = new Map<Language, Intl.PluralRules>();

export function pluralOf(count: number, lang: Language): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(localeOf(lang));
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/** A probability as a whole percentage; under 1% and over 99% as such ("<1%"), never 0% or 100%. */
export function formatChance(p: number | null | undefined, lang: Language): string {
  if (!present(p)) return missing;
  const percent = numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  if (p < 0.01) return `<${percent.format(0.01)}`;
  if (p > 0.99) return `>${percent.format(0.99)}`;
  return percent.format(p);
}
