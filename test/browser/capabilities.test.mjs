// In real Chromium, against both browser builds (the ESM file imported by URL and the script-tag
// file): bad input gets the same outcome as on Node, every option a standard WebSocket cannot
// honour is answered with 801 naming the option and the transport, the options that are fine
// everywhere connect, and a server cannot start (801).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { webSocket as nodeWebSocket } from 'ohos-websocket';
import { startEchoServer } from '../helpers/peers.mjs';
import { launchChromium, openPage, startStaticServer } from './harness.mjs';
import { ACCEPTED, BAD_INPUTS, outcome, UNSUPPORTED } from './pages/checks.mjs';

const PAGES = {
  'ESM build': '/test/browser/pages/esm.html',
  'script-tag build': '/test/browser/pages/script-tag.html',
};

describe('capabilities and input checks in Chromium', () => {
  let site, echo, browser;
  const results = {};
  before(async () => {
    [site, echo] = await Promise.all([startStaticServer(), startEchoServer()]);
    browser = await launchChromium();
    for (const [label, path] of Object.entries(PAGES)) {
      const { page } = await openPage(browser, site.origin, path);
      results[label] = await page.evaluate((url) => window.runChecks(url), echo.url);
    }
  });
  after(async () => {
    await browser?.close();
    await Promise.all([site?.close(), echo?.close()]);
  });

  test('bad input: the documented outcome on Node (ws transport)', async () => {
    for (const [name, expected, run] of BAD_INPUTS) assert.equal(await outcome(() => run(nodeWebSocket)), expected, name);
  });

  for (const label of Object.keys(PAGES)) {
    describe(label, () => {
      test('bad input: the same outcome as on Node', () => {
        assert.deepEqual(results[label].bad, BAD_INPUTS.map(([name, expected]) => [name, expected]));
      });

      for (const [name, , option] of UNSUPPORTED) {
        test(`${name} → 801 naming "${option}" and the browser transport`, () => {
          const [, code, message, cause] = results[label].unsupported.find(([n]) => n === name);
          assert.equal(code, 801, `${name}: ${message}`);
          assert.equal(message, 'Capability not supported');
          // Every build carries the explanation, the script-tag file included (docs/behaviour.md#errors).
          assert.ok(cause.includes(option), `the cause names ${option}: ${cause}`);
          assert.ok(cause.includes('browser'), `the cause names the transport: ${cause}`);
        });
      }

      test('options that are fine everywhere connect and open', () => {
        assert.deepEqual(results[label].accepted, ACCEPTED.map(([name]) => [name, 'resolved true', 101]));
      });

      test('createWebSocketServer().start() → 801 naming the browser transport', () => {
        assert.equal(results[label].server, 'rejected 801');
        assert.ok(results[label].serverMessage.includes('browser'), results[label].serverMessage);
      });
    });
  }
});
