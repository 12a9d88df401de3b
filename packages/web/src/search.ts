/** A unit's names (as the API gives them); kept here so that the module stands alone. */
interface Names {
  en: string;
  vi: string | null;
  ar: string | null;
}

/**
 * A name as a search compares it: lower case, without diacritics or other combining marks (the
 * Vietnamese tones and vowel marks, Arabic short vowels), đ as d, spaces collapsed. "Ninh Bình" and
 * "ninh binh" are the same key, and so are "Đà Nẵng" and "da nang".
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether a unit's names in en, vi or ar, or its code, contain what was typed, diacritics aside;
 * an empty query matches every unit.
 */
export function matchesUnit(query: string, unit: string, names: Names): boolean {
  const q = searchKey(query);
  if (q === '') return true;
  return [unit, names.en, names.vi, names.ar].some((n) => n && searchKey(n).includes(q));
}
