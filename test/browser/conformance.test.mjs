// Runs the shared conformance suite inside real Chromium against the browser ESM build
// (dist/browser/index.js imported by URL), with a `ws` echo peer on loopback, then again with this
// package's own Node server as the peer, and inside a module worker. Each case is its own node:test
// subtest; the page (or worker) runs it through the one runner, which skips a case the browser
// transport or the peer cannot do.
import { after, before, describe, test } from 'node:test';
import { cases, declareRemoteCases } from '../conformance/runner.mjs';
import { startEchoServer, WS_PEER } from '../helpers/peers.mjs';
import { PACKAGE_PEER, startPackageEchoServer } from '../helpers/package-peer.mjs';
import { launchChromium, openPage, refusedPort, startStaticServer } from './harness.mjs';

/**
 * One run of the suite: `pagePath` loads the runner (window or worker), `startPeer` the echo peer
 * and `peer` says what it lacks; `check(page)` adds checks of that page.
 */
function suite(title, { pagePath, startPeer, peer: peerInfo = WS_PEER, where, check }) {
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
    declareRemoteCases(
      (name) => page.evaluate(([n, u, p]) => window.runCase(n, u, p), [name, urls, peerInfo]),
      (name, body) => test(name, { timeout: 60000 }, (t) => body((why) => t.skip(why))),
      where,
    );
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
  peer: PACKAGE_PEER,
  where: 'in Chromium',
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
