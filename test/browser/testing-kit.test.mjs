// ohos-websocket/testing in real Chromium: the browser build of the kit loads by URL, runs the
// whole conformance suite in the page with no network at all, and serves a WebSocketServer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, openPage, startStaticServer } from './harness.mjs';

describe('the test kit in Chromium (dist/browser/testing.js)', () => {
  let site, browser, page;
  before(async () => {
    site = await startStaticServer();
    browser = await launchChromium();
    ({ page } = await openPage(browser, site.origin, '/test/browser/pages/kit.html'));
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('every conformance case passes over the kit in the page', { timeout: 120000 }, async () => {
    const rows = await page.evaluate(() => window.runKitCases());
    const failed = rows.filter(([, r]) => r !== 'ok' && r !== 'skipped');
    assert.deepEqual(failed, []);
    assert.ok(rows.filter(([, r]) => r === 'ok').length >= 25, `${rows.length} cases ran`);
  });

  test('a WebSocketServer on the network answers; install() is undone by close()', async () => {
    const r = await page.evaluate(() => window.runKitServer());
    assert.deepEqual(r, { before: 'browser', during: 'test', answer: 'echo hi', after: 'browser' });
  });
});
