#!/usr/bin/env node
// Runs every *.test.ts under packages/*/test with node's own test runner (TypeScript via tsx),
// printing node's spec report followed by one closing line "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const files = readdirSync(join(root, 'packages'))
  .flatMap((pkg) => {
    try {
      return findTests(join(root, 'packages', pkg, 'test'));
    } catch {
      return [];
    }
  })
  .map((file) => relative(root, file))
  .filter((file) => filter.length === 0 || filter.some((f) => file.includes(f)))
  .sort();

const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    // Two files at a time: most of a browser or CLI test is waiting (on a server, a page, a
    // process), and each file has its own database (a fresh PostgreSQL database, a PGlite copy).
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/summary-reporter.mjs',
    '--test-reporter-destination=stdout',
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
