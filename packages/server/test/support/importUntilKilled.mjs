// A child process for the crash test: opens the database named by argv (a PGlite folder or a
// PostgreSQL URL), imports a CSV file and reports "writing" on stdout when the values start to be
// written. The test kills it then, with SIGKILL, mid-transaction.
import { createReadStream } from 'node:fs';
import { csvRows, importData, openDatabase } from '../../dist/index.js';

const [target, file] = process.argv.slice(2);
const database = await openDatabase(
  target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target },
);
await importData(database, csvRows(createReadStream(file)), {
  format: 'csv',
  dryRun: false,
  onWriting: () => process.stdout.write('writing\n'),
});
process.stdout.write('done\n');
await database.close();
