// The installed command: help, version and command-line errors of `dxmon`, run as its own
// process, and a check that the bundle it runs is current.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { dxmon, type Run } from './support.js';

const root = new URL('../../../', import.meta.url).pathname;

// Each help text is asked for once and shared by the tests below.
const helpOf = new Map<string, Run>();
function help(...command: string[]): Run {
  const key = command.join(' ');
  let run = helpOf.get(key);
  if (!run) {
    run = dxmon(root, ...command, '--help');
    helpOf.set(key, run);
  }
  return run;
}

test('the bundled CLI that bin/dxmon.js runs is as new as the compiled modules', () => {
  // bin/dxmon.js imports dist/dxmon.mjs, which `npm run build` bundles after `tsc -b`; the
  // process tests run that bundle, so a stale one would test old code.
  const bundle = join(root, 'packages/cli/dist/dxmon.mjs');
  assert.ok(existsSync(bundle), `${bundle} is missing: run npm run build`);
  const built = statSync(bundle).mtimeMs;
  const modules = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return modules(path);
      return entry.name.endsWith('.js') ? [path] : [];
    });
  const newer = ['packages/cli/dist', 'packages/engine/dist']
    .flatMap((dir) => modules(join(root, dir)))
    .filter((path) => statSync(path).mtimeMs > built);
  assert.deepEqual(
    newer,
    [],
    'dist/dxmon.mjs is older than these modules: run `npm run build` (or `node scripts/bundle-cli.mjs` after tsc -b)',
  );
});

test('dxmon --help: exit 0, usage, the commands and examples', () => {
  const run = help();
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Usage: dxmon /);
  assert.match(run.stdout, /\n {2}compute /);
  assert.match(run.stdout, /\n {2}validate /);
  assert.match(run.stdout, /\n {2}targets /);
  assert.match(run.stdout, /\n {2}criteria /);
  assert.match(run.stdout, /\nExamples:\n {2}\$ dxmon compute /);
});

test('dxmon compute --help: exit 0, every flag, the examples and the output format', () => {
  const run = help('compute');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Usage: dxmon compute /);
  for (const flag of [
    '--framework',
    '--data',
    '--period',
    '--normalise',
    '--aggregate',
    '--impute',
    '--group-by',
    '--outliers',
    '--format',
    '--out',
    '--record',
  ])
    assert.ok(run.stdout.includes(`  ${flag} `), `${flag} is described`);
  assert.match(run.stdout, /\nExamples:\n {2}\$ dxmon compute --framework /);
  assert.match(run.stdout, /unit,code,period,score,rank/);
  assert.match(run.stdout, /win over these flags/);
});

test('dxmon criteria --help: exit 0, every flag, the rule and an example', () => {
  const run = help('criteria');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Usage: dxmon criteria /);
  for (const flag of ['--model', '--data', '--period', '--format', '--out'])
    assert.ok(run.stdout.includes(`  ${flag} `), `${flag} is described`);
  assert.match(run.stdout, /optional_min/);
  assert.match(run.stdout, /\nExamples:\n {2}\$ dxmon criteria --model /);
});

test('dxmon validate --help: exit 0 and the examples', () => {
  const run = help('validate');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Usage: dxmon validate /);
  assert.match(run.stdout, /\nExamples:\n {2}\$ dxmon validate --framework /);
});

test('dxmon migrate --help: exit 0, the flags, what the application role may do, PGlite, examples', () => {
  const run = help('migrate');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Usage: dxmon migrate /);
  for (const flag of ['--app-role', '--data-dir'])
    assert.ok(run.stdout.includes(`  ${flag} `), `${flag} is described`);
  assert.match(run.stdout, /DATABASE_MIGRATION_URL/);
  assert.match(run.stdout, /only SELECT and INSERT on the audit trail/);
  assert.match(run.stdout, /On PGlite/);
  assert.match(
    run.stdout,
    /\nExamples:\n {2}\$ DATABASE_MIGRATION_URL=\S+ dxmon migrate --app-role /,
  );
});

test('the files that the help examples name exist in the repository', () => {
  const text = [help(), help('compute'), help('validate')].map((r) => r.stdout).join('\n');
  const paths = [...text.matchAll(/\b(data\/\S+)/g)].map((m) => m[1] as string);
  assert.ok(paths.length > 0);
  for (const path of new Set(paths)) assert.ok(existsSync(join(root, path)), `${path} exists`);
});

test('dxmon --version prints the package version', () => {
  const { version } = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  const run = dxmon(root, '--version');
  assert.equal(run.status, 0);
  assert.equal(run.stdout, `${version}\n`);
});

test('an unknown command exits non-zero and names it', () => {
  const run = dxmon(root, 'frobnicate');
  assert.notEqual(run.status, 0);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /unknown command 'frobnicate'/);
});

test('a missing required option exits 1 and names it', () => {
  const run = dxmon(root, 'compute', '--framework', 'fw.yaml');
  assert.equal(run.status, 1);
  assert.match(run.stderr, /required option '--data <file>' not specified/);
});
