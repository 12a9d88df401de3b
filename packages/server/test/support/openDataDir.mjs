// A child process for the data-directory ownership test: opens the PGlite folder named by argv[2]
// as holder argv[3], prints "open" (or "in use: <message>" and exits 3), then writes a value every
// time it reads a line on stdin, and closes on "close".
import { createInterface } from 'node:readline';
import { DataDirInUse, openDatabase } from '../../dist/index.js';

const [dataDir, holder] = process.argv.slice(2);
let database;
try {
  database = await openDatabase({ dataDir, holder });
} catch (error) {
  if (!(error instanceof DataDirInUse)) throw error;
  process.stdout.write(`in use: ${error.message}\n`);
  process.exit(3);
}
await database.query('create table if not exists probe (n int)');
process.stdout.write('open\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'close') break;
  await database.query('insert into probe values ($1)', [Number(line)]);
  process.stdout.write(`wrote ${line}\n`);
}
await database.close();
process.stdout.write('closed\n');
// Standard input stays open (the parent holds it): leave without waiting for it.
process.exit(0);
