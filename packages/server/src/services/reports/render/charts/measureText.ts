/**
 * Text widths for ECharts' server-side layout, which has no canvas to measure with: its own
 * guess counts every letter outside ASCII as a full em, so Vietnamese and Arabic labels came out
 * twice as wide as set. These are Noto Sans' and Noto Sans Arabic's average advances by kind of
 * letter (in ems), with Vietnamese letters measured as their base letter.
 */
const narrow = new Set([...'iljtfrI!.,:;|\'"()[]{}` ']);
const wide = new Set([...'mwMW@%']);

function advance(char: string): number {
  const base = char.normalize('NFD').charAt(0);
  const code = base.codePointAt(0) ?? 0;
  if (code >= 0x0300 && code <= 0x036f) return 0; // a combining mark on its own
  if (code >= 0x064b && code <= 0x065f) return 0; // Arabic harakat
  if (code >= 0x0600 && code <= 0x06ff) return 0.46; // Arabic
  if (narrow.has(base)) return 0.28;
  if (wide.has(base)) return 0.86;
  if (base >= '0' && base <= '9') return 0.57;
  if (base >= 'A' && base <= 'Z') return 0.64;
  if (code < 0x80) return 0.52;
  return 0.6;
}

export function measureText(text: string, font?: string): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  let ems = 0;
  for (const char of text) ems += advance(char);
  return { width: ems * size };
}
