// Chromium scenario driver (runs in the bench process): one fresh headless Chromium per round, a
// page with both sides, and the renderer main-thread time per slice from the DevTools protocol
// (`Performance.getMetrics` → TaskDuration: seconds the renderer main thread spent in tasks).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { plan } from '../lib/echo-driver.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // A hidden or throttled page would measure the scheduler, not the socket code.
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
  // gc() in the page, for the core-overhead loop.
  '--js-flags=--expose-gc'];

/** Launches Chromium with a fresh profile; returns `{ browser, version, close() }`. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'ohos-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  const version = context.browser()?.version() ?? (await versionOf(context));
  return {
    context,
    version,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function versionOf(context) {
  const page = context.pages()[0] ?? (await context.newPage());
  return page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown');
}

export const chromiumAvailable = () => existsSync(CHROMIUM);

/**
 * One round: a fresh browser, sides A and B in one page, warm-up then alternating slices.
 * Returns `[{ a: {cpu, wall}, b: {cpu, wall} }]` in µs per message.
 */
export async function chromiumRound(job) {
  const b = await launch();
  try {
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(`http://127.0.0.1:${job.port}/bench/browser/page.html`);
    await page.waitForFunction(() => globalThis.ready === true);
    await page.evaluate((j) => globalThis.setup(`ws://127.0.0.1:${j.port}`, j.a, j.b, j.kind, j.size), job);
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const taskTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    const measure = async (k) => {
      await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
      const t0 = await taskTime();
      const wall = await page.evaluate(([k, c, i]) => globalThis.slice(k, c, i), [k, job.count, job.inflight]);
      const cpu = ((await taskTime()) - t0) * 1e6 / job.count;
      return { cpu, wall };
    };
    for (let i = 0; i < 2; i++) {
      await measure('a');
      await measure('b');
    }
    const pairs = [];
    for (const order of plan(job.pairs)) {
      const pair = {};
      for (const k of order) pair[k] = await measure(k);
      pairs.push(pair);
    }
    if (job.profile) {
      // Profiling aid (`node bench/browser/profile.mjs`): the renderer's CDP CPU profile of B slices.
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      for (let i = 0; i < 4; i++) await measure('b');
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(job.profile, JSON.stringify(profile));
    }
    const core = job.core ? await page.evaluate(() => globalThis.coreOverhead()) : undefined;
    return { pairs, version: b.version, core };
  } finally {
    await b.close();
  }
}
