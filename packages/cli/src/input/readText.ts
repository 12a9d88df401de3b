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
    throw new CliError(`${path}: not valid UTF-8 text; save the file as UTF-8`);
  }
}
