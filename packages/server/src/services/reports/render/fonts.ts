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

/**
 * The font of tables, figures, charts and the page header and footer: Noto Sans first in every
 * language, so that digits and Latin letters are Noto Sans' (Naskh's period reads as a comma at
 * table sizes), the Arabic letters falling to Noto Naskh Arabic.
 */
export function uiFont(_lang: Language): string {
  return "'Noto Sans', 'Noto Naskh Arabic', sans-serif";
}

/** Formulas (MathML), set in a font with a MATH table. */
export const mathFont = "'Noto Sans Math', 'Noto Sans', math";
