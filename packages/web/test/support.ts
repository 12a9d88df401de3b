// What the web app's browser tests share (not itself a test file): `dxmon serve --demo` on the
// embedded database in a fresh folder, and Debian's Chromium driven by playwright-core.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const root = new URL('../../../', import.meta.url).pathname;
/** Where the browser tests save their screenshots. */
export const shots = join(root, 'test-results');
const dxmon = join(root, 'packages/cli/bin/dxmon.js');
const chromiumPath = '/usr/bin/chromium';

export interface WebApp {
  /** The server's address, e.g. http://127.0.0.1:43121. */
  base: string;
  browser: Browser;
  /** Closes the browser, stops the server and removes its data folder. */
  close: () => Promise<void>;
}

/** Starts `dxmon serve --demo` on a free port and the browser; `close` undoes both. */
export async function startWebApp(): Promise<WebApp> {
  assert.ok(
    existsSync(chromiumPath),
    `Chromium is needed at ${chromiumPath}: apt-get install -y chromium`,
  );
  mkdirSync(shots, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'dxmon-web-'));
  const server = spawn(
    process.execPath,
    [dxmon, 'serve', '--demo', '--port', '0', '--data-dir', dataDir, '--log-level', 'error'],
    { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const base = await new Promise<string>((resolve, reject) => {
    let err = '';
    server.stderr?.on('data', (chunk) => {
      err += chunk;
      const m = /serving (http:\/\/\S+)/.exec(err);
      if (m?.[1]) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`dxmon serve ended (${code}): ${err}`)));
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      if (server.exitCode === null) {
        const ended = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await ended;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.1 AA violations on the page as it stands (frames included), one line each.
 * The page's context must bypass the Content-Security-Policy, which rightly refuses the script.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (o: object) => Promise<{
            violations: { id: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes[0]?.target.join(' ')})`,
    );
  });
}
