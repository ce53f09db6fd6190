// ohos-websocket/reconnect in Chromium (the browser build over the page's WebSocket): a drop is
// reconnected without a close event, and the window's `online` event retries at once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEchoServer } from '../helpers/peers.mjs';
import { startScriptedServer } from '../helpers/raw-peers.mjs';
import { launchChromium, openPage, startStaticServer } from './harness.mjs';

let site, echo, browser, page, errors;
before(async () => {
  [site, echo] = await Promise.all([startStaticServer(), startEchoServer()]);
  browser = await launchChromium();
  ({ page, errors } = await openPage(browser, site.origin, '/test/browser/pages/reconnect.html'));
});
after(async () => {
  await browser?.close();
  await Promise.all([site?.close(), echo?.close()]);
});

test('a drop: error, reconnecting, open again, then one close when the app closes', async () => {
  assert.deepEqual(await page.evaluate((url) => window.dropAndReconnect(url), echo.url), [
    ['open', 101],
    ['error', 200],
    ['reconnecting', 'close'],
    ['open', 101],
    ['message', 'echo me'],
    ['close', { code: 1000, reason: 'CLOSE_NORMAL' }],
  ]);
  assert.deepEqual(errors, []);
});

test('the window\'s online event ends a 60 s backoff at once', async () => {
  const s = await startScriptedServer([503, 'accept']);
  try {
    assert.deepEqual(await page.evaluate((url) => window.onlineRetries(url), s.url), ['error', 'reconnecting', 'open', 'close']);
  } finally {
    await s.close();
  }
});
