/** A NUL character, or half of a UTF-16 surrogate pair: text no database column should hold. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
const suspect = /[\u0000\uD800-\uDFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
const unsafe = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, or undefined when it can. */
export function unsafeTextReason(text: string): string | undefined {
  // The cheap character-class test first: almost all text has neither.
  if (!suspect.test(text) || !unsafe.test(text)) return undefined;
  return text.includes('\u0000')
    ? 'contains a NUL character'
    : 'contains broken Unicode (half of a surrogate pair)';
}

/** Every string (and key) in a parsed JSON value that cannot be stored, with its path. */
export function unsafeTextIn(
  value: unknown,
  path: string,
  found: { field: string; message: string }[] = [],
): { field: string; message: string }[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    if (reason) found.push({ field: path, message: reason });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) unsafeTextIn(v, `${path}[${i}]`, found);
  } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [k, v] of Object.entries(value)) {
      const reason = unsafeTextReason(k);
      if (reason) found.push({ field: `${path} key`, message: reason });
      unsafeTextIn(v, `${path}.${k}`, found);
    }
  }
  return found;
}
