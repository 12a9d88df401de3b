import type { DataDirInUse } from '@dxmon/server';
import { CliError } from '../cliError.js';

/**
 * The message for a command that must open a data directory another process holds: who holds it,
 * and what to do instead (`advice`, e.g. "open http://...").
 */
export function dataDirInUseError(error: DataDirInUse, advice: string[]): CliError {
  const pid = error.holder?.pid;
  return new CliError(`${error.message}: one process at a time may open an embedded database`, [
    ...advice,
    pid
      ? `or stop it first (kill ${pid}) and run this again`
      : 'or stop it first and run this again',
  ]);
}
