// Runs the shared conformance suite inside real Chromium against the browser ESM build
// (dist/browser/index.js imported by URL), with a `ws` echo peer on loopback, then again with this
// package's own Node server as the peer, and inside a module worker. Each case is its own node:test
// subtest; the page (or worker) skips a case whose `needs` the browser transport lacks.
import { after, before, describe, test } from 'node:test';
import { cases } from '../conformance/cases.mjs';
import { startEchoServer } from '../helpers/peers.mjs';
import { peerLimit, startPackageEchoServer } from './package-peer.mjs';
import { launchChromium, openPage, refusedPort, startStaticServer } from './harness.mjs';

/**
 * One run of the suite: `pagePath` loads the runner (window or worker), `startPeer` the echo peer;
 * `skipFor(case)` names what a peer cannot do, `check(page)` adds checks of that page.
 */
function suite(title, { pagePath, startPeer, where, skipFor = () => undefined, check }) {
  describe(title, () => {
    let site, peer, browser, page;
    const urls = {};
    before(async () => {
      [site, peer] = await Promise.all([startStaticServer(), startPeer()]);
      urls.echo = peer.url;
      urls.refused = `ws://127.0.0.1:${await refusedPort()}`;
      browser = await launchChromium();
      ({ page } = await openPage(browser, site.origin, pagePath));
    });
    after(async () => {
      await browser?.close();
      await Promise.all([site?.close(), peer?.close()]);
    });

    if (check) check(() => page);
    for (const c of cases) {
      const limit = skipFor(c);
      test(c.name, { timeout: 60000, skip: limit ?? false }, async (t) => {
        const result = await page.evaluate(([name, u]) => window.runCase(name, u), [c.name, urls]);
        if (result.skipped) return t.skip(result.skipped);
        if (result.error) throw new Error(`${where}: ${result.error}`);
      });
    }
  });
}

suite('conformance: browser transport in Chromium (ESM build), ws peer', {
  pagePath: '/test/browser/pages/esm.html',
  startPeer: startEchoServer,
  where: 'in Chromium',
  check: (page) =>
    test('the page sees the same case list as Node', async () => {
      const names = await page().evaluate(() => window.caseNames);
      if (JSON.stringify(names) !== JSON.stringify(cases.map((c) => c.name))) {
        throw new Error(`case lists differ:\n page: ${names.join(' | ')}\n node: ${cases.map((c) => c.name).join(' | ')}`);
      }
    }),
});

suite("conformance: browser transport in Chromium (ESM build), this package's Node server as peer", {
  pagePath: '/test/browser/pages/esm.html',
  startPeer: startPackageEchoServer,
  where: 'in Chromium',
  skipFor: (c) => {
    const limit = peerLimit(c.run);
    return limit ? `needs ${limit}, which the HarmonyOS server API cannot do` : undefined;
  },
});

suite('conformance: browser transport in a Chromium module worker (no window, no DOM), ws peer', {
  pagePath: '/test/browser/pages/worker.html',
  startPeer: startEchoServer,
  where: 'in the worker',
  check: (page) =>
    test('the worker has no window and no document', async () => {
      if ((await page().evaluate(() => window.noDom)) !== true) throw new Error('the worker sees a window or a document');
    }),
});
