// wss: in Chromium, against a `ws` peer behind real TLS (certificates made at test time): the
// browser verifies the certificate itself, so an untrusted one is a failed handshake (an `error`
// event {200, "0"}, no open, no close); once the browser context trusts it, text and binary
// round-trip over TLS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:https';
import { makeCerts } from '../helpers/certs.mjs';
import { startEchoServer } from '../helpers/peers.mjs';
import { launchChromium, startStaticServer } from './harness.mjs';

let certs, site, echo, browser;
before(async () => {
  certs = makeCerts();
  const server = createServer({ cert: certs.read('server.pem'), key: certs.read('server.key') });
  [site, echo] = await Promise.all([startStaticServer(), startEchoServer({ server })]);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await Promise.all([site?.close(), echo?.close()]);
  certs?.cleanup();
});

/** Runs the round trip in a fresh context (`options` as for `browser.newContext`). */
async function roundTrip(options) {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    await page.goto(`${site.origin}/test/browser/pages/esm.html`);
    await page.waitForFunction(() => window.ready === true);
    return await page.evaluate(async (url) => {
      const [{ webSocket }, { wssRoundTrip }] = await Promise.all([import('/dist/browser/index.js'), import('/test/browser/pages/wss.mjs')]);
      return wssRoundTrip(webSocket, url);
    }, echo.url);
  } finally {
    await context.close();
  }
}

test('the peer really is wss:', () => assert.match(echo.url, /^wss:\/\/127\.0\.0\.1:\d+$/));

test('an untrusted certificate: connect resolves true, then only an error event {200, "0"}', async () => {
  assert.deepEqual(await roundTrip({}), [
    ['connect', true],
    ['error', 200, '0'],
    ['session over', 2302999],
  ]);
});

test('a certificate the browser trusts: text and binary round-trip over TLS, then close', async () => {
  assert.deepEqual(await roundTrip({ ignoreHTTPSErrors: true }), [
    ['connect', true],
    ['open', { status: 101, message: 'Switching Protocols' }],
    ['message', 'tls ✓'],
    ['message', [9, 8, 7]],
    ['close', { code: 1000, reason: 'CLOSE_NORMAL' }],
    ['session over', 2302999],
  ]);
});
