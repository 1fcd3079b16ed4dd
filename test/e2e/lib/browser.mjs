// Debian chromium driven by playwright-core (installed into the cache, not into the repo).
import { pathToFileURL } from 'node:url';
import { sandboxEnv } from './setup.mjs';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const open = new Set();

/** Launch headless chromium; returns { browser, page }. Closed by closeAllBrowsers() too. */
export async function launch(prereq, { width = 1280, height = 800 } = {}) {
  const { chromium } = await import(pathToFileURL(prereq.playwright).href);
  const browser = await chromium.launch({
    executablePath: prereq.chromium,
    headless: true,
    args: FLAGS,
    // chromium writes ~/.config/chromium/Crash Reports even with its own profile: keep it in the cache
    env: sandboxEnv(prereq.cache),
    // run.mjs owns the signal handling (it stops code-server too)
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  open.add(browser);
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  return {
    browser,
    page,
    async close() {
      open.delete(browser);
      await browser.close().catch(() => {});
    },
  };
}

export async function closeAllBrowsers() {
  await Promise.all([...open].map((b) => b.close().catch(() => {})));
  open.clear();
}
