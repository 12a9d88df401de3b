import type { Language } from '../../translations.js';

/**
 * The report's typefaces: Debian's Noto fonts (fonts-noto-core), installed on the machine and
 * never fetched. Noto Sans sets Latin and Vietnamese, Noto Naskh Arabic sets Arabic, each falling
 * back to the other for the odd word in the other script. Not Noto Sans Arabic: its lam-alef
 * ligatures come out of a PDF reversed (pdftotext reads "الإدارية" as "اإلدارية"); Naskh's
 * letters extract in their logical order.
 */
export function bodyFont(lang: Language): string {
  return lang === 'ar'
    ? "'Noto Naskh Arabic', 'Noto Sans', sans-serif"
    : "'Noto Sans', 'Noto Naskh Arabic', sans-serif";
}

/** The font of tables, charts and the page header and footer. */
export function uiFont(lang: Language): string {
  return bodyFont(lang);
}

/** Formulas (MathML), set in a font with a MATH table. */
export const mathFont = "'Noto Sans Math', 'Noto Sans', math";
