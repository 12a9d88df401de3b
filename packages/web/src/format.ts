// Free of the browser's types (no import of api.ts), so node's tests type-check it too.
interface Names {
  en: string;
  vi: string | null;
  ar: string | null;
}

/** The unit's name in the reader's language, falling back to English. */
export function nameIn(names: Names, language: string): string {
  if (language === 'vi' && names.vi) return names.vi;
  if (language === 'ar' && names.ar) return names.ar;
  return names.en;
}

/** A score as the reader's locale writes it, one decimal; a dash when there is none. */
export function formatScore(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(localeOf(language), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

export function formatNumber(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(value);
}

export function localeOf(language: string): string {
  return language === 'vi' ? 'vi-VN' : language === 'ar' ? 'ar' : 'en-GB';
}

/** A calendar date (`YYYY-MM-DD`) as the reader's locale writes it; the day itself, not shifted by time zones. */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(day);
}

/**
 * A moment (an ISO 8601 timestamp) as the reader's locale writes its day and time, in the
 * reader's time zone (or `timeZone`); the text as given when it is not a timestamp.
 */
export function formatInstant(
  iso: string | null | undefined,
  language: string,
  timeZone?: string,
): string {
  if (!iso) return '';
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(moment);
}

/**
 * A number typed in the reader's locale: "71,5" in Vietnamese (decimal comma, dot for
 * thousands) and "71.5" in English; plain digits with a dot are read as typed. NaN if not one.
 */
export function parseLocaleNumber(text: string, language: string): number {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return Number.NaN;
  const parts = new Intl.NumberFormat(localeOf(language)).formatToParts(12345.6);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  if (decimal === ',' && t.includes(',')) {
    return Number(t.split(group).join('').replace(',', '.'));
  }
  return Number(t);
}
