#!/usr/bin/env node
import { run } from './cli.js';

// The reader of a pipe has gone (`dxmon --help | head`): nothing more is wanted, and Node would
// otherwise report the EPIPE of an asynchronous write as an unhandled error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
