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

/**
 * How deeply a request's JSON may nest. No route's data comes near it (a unit's MultiPolygon
 * outline is six levels); deeper input is refused before anything walks it recursively (schema
 * checks, jsonb columns) and runs out of stack.
 */
export const maxNesting = 64;

/**
 * Every string (and key) in a parsed JSON value that cannot be stored, with its path, at most 20;
 * and any array or object nested deeper than `maxNesting`. Walks with a stack of its own, so that
 * no input depth can overflow the call stack.
 */
export function unsafeTextIn(value: unknown, path: string): { field: string; message: string }[] {
  const found: { field: string; message: string }[] = [];
  // Depth first, children pushed last first, so that problems come in the order of the text.
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path, depth: 0 }];
  for (let next = pending.pop(); next && found.length < 20; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      const reason = unsafeTextReason(value);
      if (reason) found.push({ field: path, message: reason });
    } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      if (depth >= maxNesting) {
        found.push({ field: path, message: `nested deeper than ${maxNesting} levels` });
        continue;
      }
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          pending.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
        }
      } else {
        const entries = Object.entries(value);
        for (const [k] of entries) {
          const reason = unsafeTextReason(k);
          if (reason) found.push({ field: `${path} key`, message: reason });
        }
        for (let i = entries.length - 1; i >= 0; i--) {
          const [k, v] = entries[i] as [string, unknown];
          pending.push({ value: v, path: `${path}.${k}`, depth: depth + 1 });
        }
      }
    }
  }
  return found;
}
