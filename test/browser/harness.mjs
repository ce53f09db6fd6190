// Shared setup for the Chromium tests: a static file server on 127.0.0.1 serving the repository
// (dist/, test/), real peers on loopback, and a headless Chromium driven by playwright-core.
// Everything started here has a matching stop, so each test file exits by itself.
import { createServer } from 'node:http';
import { readFile, realpath } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
export { refusedPort } from '../helpers/peers.mjs';
import { CHROMIUM_ARGS, CHROMIUM_HELP, findChromium } from '../../scripts/chromium.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Only these folders are served: the build and the tests (never node_modules or the rest). */
const SERVED = ['dist', 'test'];

/**
 * Serves the repository's `dist/` and `test/` folders over HTTP on 127.0.0.1 (random port).
 * @returns {Promise<{origin: string, close(): Promise<void>}>}
 */
export async function startStaticServer() {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const file = await realpath(join(ROOT, path));
      const inside = SERVED.some((d) => file.startsWith(join(ROOT, d) + sep));
      if (!inside || !TYPES[extname(file)]) throw new Error('not served');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)], 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }),
  };
}

/** Launches headless Chromium; throws with install instructions when there is none. */
export async function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_HELP);
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

/**
 * Opens `path` in a new page and waits until the page sets `window.ready` (its modules loaded).
 * Uncaught page errors are collected in `errors` so tests can show them.
 */
export async function openPage(browser, origin, path) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(origin + path);
  try {
    await page.waitForFunction(() => window.ready === true, undefined, { timeout: 20000 });
  } catch (e) {
    throw new Error(`${path} did not load: ${errors.join('\n') || e.message}`);
  }
  return { page, errors };
}
