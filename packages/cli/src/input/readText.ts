import { readFileSync } from 'node:fs';
import { CliError } from '../cliError.js';

/** Reads a UTF-8 text file (a BOM is dropped), with errors that name the file. */
export function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : (error as Error).message;
    throw new CliError(`${path}: cannot read: ${why}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError(
      `${path}:${firstBadByte(bytes)}: not valid UTF-8 text; save the file as UTF-8`,
    );
  }
}

/**
 * "line:column" of the first byte that is not UTF-8: where a lenient decoding first puts the
 * replacement character U+FFFD (a file that is otherwise UTF-8 seldom contains that character).
 */
function firstBadByte(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  const at = text.indexOf('\uFFFD');
  if (at < 0) return '1:1';
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}:${at - lineStart + 1}`;
}
