import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { CliError } from '../cliError.js';

/** Where output goes: a sink for text chunks, then `commit` or `abort`. */
export interface OutputTarget {
  write(chunk: string | Uint8Array): void;
  /** Makes the output visible: a file appears only once it is complete. */
  commit(): void;
  abort(): void;
}

/**
 * Output to standard output (`-` or no path) or to a file. A file is written under a temporary
 * name and renamed when complete, so a failed run never leaves a partial file behind.
 */
export function outputTarget(path: string | undefined): OutputTarget {
  if (path === undefined || path === '-') {
    return { write: (chunk) => writeAll(1, chunk), commit: () => {}, abort: () => {} };
  }
  const temporary = `${path}.${process.pid}.partial`;
  let fd: number;
  try {
    fd = openSync(temporary, 'w');
  } catch (error) {
    throw new CliError(`${path}: cannot write: ${(error as Error).message}`);
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write: (chunk) => writeAll(fd, chunk),
    commit: () => {
      close();
      renameSync(temporary, path);
    },
    abort: () => {
      close();
      rmSync(temporary, { force: true });
    },
  };
}

function writeAll(fd: number, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      // A non-blocking stdout (a pipe) may refuse a write for a moment; try again.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}
