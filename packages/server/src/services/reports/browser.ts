import type { Browser } from 'playwright-core';
import { chromiumPath } from './chromium.js';

const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

let launching: Promise<Browser> | null = null;

/**
 * The process's one headless Chromium, launched on first use (playwright-core loads only then)
 * and again if it went away; callers open a context of their own on it. ChromiumMissing when
 * there is none.
 */
export function sharedBrowser(): Promise<Browser> {
  if (!launching) {
    const executablePath = chromiumPath();
    const started = import('playwright-core').then(({ chromium }) =>
      chromium.launch({ executablePath, args, headless: true }),
    );
    launching = started;
    started.then(
      (browser) =>
        browser.on('disconnected', () => {
          if (launching === started) launching = null;
        }),
      () => {
        if (launching === started) launching = null;
      },
    );
  }
  return launching;
}

/** Closes the shared browser, if one was launched (the server's shutdown calls it). */
export async function closeBrowser(): Promise<void> {
  const current = launching;
  launching = null;
  if (!current) return;
  const browser = await current.catch(() => null);
  await browser?.close();
}
