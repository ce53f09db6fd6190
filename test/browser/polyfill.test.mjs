// Issue 10, point 4, in Chromium: a W3C WebSocket polyfill written over this API, installed as
// `globalThis.WebSocket` after our sockets exist, must not make the browser transport construct it
// (that recursed into `Maximum call stack size exceeded`). ESM build and script-tag build.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEchoServer } from '../helpers/peers.mjs';
import { EXPECTED } from '../helpers/w3c-polyfill.mjs';
import { launchChromium, startStaticServer } from './harness.mjs';

let site, echo, browser;
before(async () => {
  [site, echo] = await Promise.all([startStaticServer(), startEchoServer()]);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await Promise.all([site?.close(), echo?.close()]);
});

async function inPage(path, useGlobal) {
  const page = await browser.newPage();
  try {
    await page.goto(`${site.origin}${path}`);
    return await page.evaluate(async ([url, useGlobal]) => {
      const { polyfillRoundTrip } = await import('/test/helpers/w3c-polyfill.mjs');
      const ns = useGlobal ? window.webSocket : (await import('/dist/browser/index.js')).webSocket;
      return polyfillRoundTrip(ns, url);
    }, [echo.url, useGlobal]);
  } finally {
    await page.close();
  }
}

test('ESM build: a polyfill over this API installed as globalThis.WebSocket round-trips through us', async () => {
  assert.deepEqual(await inPage('/test/browser/pages/esm.html', false), EXPECTED);
});

test('script-tag build: the same', async () => {
  assert.deepEqual(await inPage('/test/browser/pages/script-tag.html', true), EXPECTED);
});
