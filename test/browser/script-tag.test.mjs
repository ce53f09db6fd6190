// The CDN way: dist/ohos-websocket.min.js loaded with a plain <script src> in real Chromium, and
// HarmonyOS-style code (callbacks, the global `webSocket`) talking to a `ws` echo peer and to this
// package's own Node server on loopback.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEchoServer } from '../helpers/peers.mjs';
import { launchChromium, openPage, startStaticServer } from './harness.mjs';
import { startPackageEchoServer } from '../helpers/package-peer.mjs';

describe('script-tag build in Chromium: the global webSocket', () => {
  let site, echo, ours, browser, page;
  before(async () => {
    [site, echo, ours] = await Promise.all([startStaticServer(), startEchoServer(), startPackageEchoServer()]);
    browser = await launchChromium();
    ({ page } = await openPage(browser, site.origin, '/test/browser/pages/script-tag.html'));
  });
  after(async () => {
    await browser?.close();
    await Promise.all([site?.close(), echo?.close(), ours?.close()]);
  });

  const EXPECTED = [
    ['connect', true],
    ['open', { status: 101, message: 'Switching Protocols' }],
    ['send text', true],
    ['send binary', true],
    ['message', 'Hello, server! 你好 𝄞'],
    ['dataEnd'],
    ['message', { arrayBuffer: true, bytes: [0, 1, 127, 128, 255] }],
    ['dataEnd'],
    ['close', true],
    ['closed', { code: 1000, reason: 'bye' }],
  ];

  test('HarmonyOS-style code with a ws peer: connect, send text and binary, echoes, close', async () => {
    assert.deepEqual(await page.evaluate((url) => window.harmonyEcho(url), echo.url), EXPECTED);
  });

  test("HarmonyOS-style code with this package's Node server as the peer", async () => {
    assert.deepEqual(await page.evaluate((url) => window.harmonyEcho(url), ours.url), EXPECTED);
  });

  test('a refused connection reaches HarmonyOS code as an error event {200, "0"} only', async () => {
    const { refusedPort } = await import('./harness.mjs');
    const log = await page.evaluate((url) => window.harmonyEcho(url), `ws://127.0.0.1:${await refusedPort()}`);
    assert.deepEqual(log, [['connect', true], ['error', 200, '0']]);
  });

  test('the global carries BusinessError, isBusinessError, TlsProtocol and the browser capabilities', async () => {
    const shape = await page.evaluate(() => window.globalShape());
    assert.deepEqual(shape, {
      type: 'object',
      createWebSocket: 'function',
      createWebSocketServer: 'function',
      BusinessError: 'function',
      isError: true,
      code: 401,
      guard: true,
      TlsProtocol: 3,
      capabilities: {
        name: 'browser', headers: false, proxy: false, caPath: false, clientCert: false, keyPassword: false,
        minTlsVersion: false, skipServerCertVerification: false, heartbeat: false, responseHeaders: false,
        server: false, closeCodes: 'application',
      },
    });
  });
});
