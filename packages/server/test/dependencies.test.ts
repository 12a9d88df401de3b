// `npm ci` on Node 20 is quiet: every locked package accepts Node 20 (no EBADENGINE warning) and
// every package with install scripts is named in the root's allowScripts (npm 11 skips and lists
// the others). The lockfile is what `npm ci` installs, so it is what is checked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const root = new URL('../../../', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, root), 'utf8'));
const lock = read('package-lock.json') as {
  packages: Record<string, { engines?: { node?: string }; hasInstallScript?: boolean }>;
};
const manifest = read('package.json') as { allowScripts?: Record<string, boolean> };
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
};

/** The package's name from its lockfile path: node_modules/a/node_modules/@s/b -> @s/b. */
function packageName(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

// Vite 8 needs ^20.19.0, so 20.19 is the oldest Node 20 the project runs on.
for (const node of ['20.19.0', '20.20.2']) {
  test(`every locked package accepts Node ${node}`, () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path.includes('node_modules/') && entry.engines?.node)
      .filter(([, entry]) => !semver.satisfies(node, entry.engines?.node as string))
      .map(([path, entry]) => `${packageName(path)} (node ${entry.engines?.node})`);
    assert.deepEqual(refusing, []);
  });
}

test('every package with install scripts is named in allowScripts', () => {
  const allowed = manifest.allowScripts ?? {};
  const unreviewed = Object.entries(lock.packages)
    .filter(([path, entry]) => path.includes('node_modules/') && entry.hasInstallScript)
    .map(([path]) => packageName(path))
    .filter((name) => !(name in allowed));
  assert.deepEqual([...new Set(unreviewed)], []);
});
