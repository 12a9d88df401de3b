import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CliError(`${path}: cannot write: it is a directory`);
  }
  const temporary = `${path}.${process.pid}.partial`;
  let fd: number;
  try {
    fd = openSync(temporary, 'w');
  } catch (error) {
    throw new CliError(`${path}: cannot write: ${reason(error)}`);
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
      try {
        renameSync(temporary, path);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw new CliError(`${path}: cannot write: ${reason(error)}`);
      }
    },
    abort: () => {
      close();
      rmSync(temporary, { force: true });
    },
  };
}

/** Writes `content` whole to `path` (or standard output), or nothing at all if it fails. */
export function writeOutput(path: string | undefined, content: string | Uint8Array): void {
  const out = outputTarget(path);
  try {
    out.write(content);
    out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
}

function writeAll(fd: number, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The reader of a pipe has gone (`dxmon compute ... | head`): nothing more is wanted.
      if (code === 'EPIPE' && fd === 1) process.exit(0);
      // A non-blocking stdout (a pipe) may refuse a write for a moment; try again.
      if (code !== 'EAGAIN') throw error;
    }
  }
}

/** Why a file cannot be written, in words rather than an errno dump naming the temporary file. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  return (error as Error).message;
}
