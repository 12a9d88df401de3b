import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath } from './chromium.js';

const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Pages kept open between reports: opening one costs a renderer process, reusing one nothing. */
const maxIdlePages = 4;

interface Session {
  browser: Browser;
  /** Without JavaScript: a report is static HTML and CSS. */
  context: BrowserContext;
  idle: Page[];
}

let session: Promise<Session> | null = null;

async function launch(executablePath: string): Promise<Session> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args, headless: true });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    return { browser, context, idle: [] };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * The process's one headless Chromium, launched on first use (playwright-core loads only then)
 * and again if it went away. ChromiumMissing when there is none.
 */
function currentSession(): Promise<Session> {
  if (!session) {
    const started = launch(chromiumPath());
    session = started;
    started.then(
      ({ browser }) =>
        browser.on('disconnected', () => {
          if (session === started) session = null;
        }),
      () => {
        if (session === started) session = null;
      },
    );
  }
  return session;
}

/**
 * Runs `use` with a page of the shared browser that no one else uses meanwhile, so reports print
 * concurrently: an idle page when there is one (`use` replaces its whole document), else a new
 * one. The page is kept for the next report afterwards, or closed when `use` failed.
 */
export async function withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  const current = currentSession();
  const { context, idle } = await current;
  const page = idle.pop() ?? (await context.newPage());
  let reusable = false;
  try {
    const result = await use(page);
    reusable = true;
    return result;
  } finally {
    if (reusable && session === current && !page.isClosed() && idle.length < maxIdlePages) {
      idle.push(page);
    } else {
      await page.close().catch(() => undefined);
    }
  }
}

/** Closes the shared browser, if one was launched (the server's shutdown calls it). */
export async function closeBrowser(): Promise<void> {
  const current = session;
  session = null;
  if (!current) return;
  const opened = await current.catch(() => null);
  await opened?.browser.close();
}
