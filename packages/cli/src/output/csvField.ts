/** A value as a CSV field (RFC 4180): quoted, with quotes doubled, when it holds , " or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
