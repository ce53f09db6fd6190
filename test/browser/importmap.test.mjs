// Code shared with a HarmonyOS app keeps its `@kit.NetworkKit` / `@ohos.net.webSocket` /
// `@kit.BasicServicesKit` / `@ohos.base` imports: an import map points them at the browser build,
// and the code runs unchanged in Chromium against a `ws` peer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEchoServer } from '../helpers/peers.mjs';
import { launchChromium, openPage, startStaticServer } from './harness.mjs';

let site, echo, browser, page;
before(async () => {
  [site, echo] = await Promise.all([startStaticServer(), startEchoServer()]);
  browser = await launchChromium();
  ({ page } = await openPage(browser, site.origin, '/test/browser/pages/importmap.html'));
});
after(async () => {
  await browser?.close();
  await Promise.all([site?.close(), echo?.close()]);
});

test('HarmonyOS module names resolve through an import map and the shared code runs', async () => {
  assert.deepEqual(await page.evaluate((url) => window.shared(url), echo.url), [
    ['connect', true],
    ['send', true],
    ['echo', 'shared code'],
    ['close', true],
    ['closed', { code: 1000, reason: 'CLOSE_NORMAL' }],
    ['send after close', true, true, -1],
    ['same namespace', true],
  ]);
});
