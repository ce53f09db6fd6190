// End to end: `npm start`'s server (playground/server.mjs, the package's own server mode) and its
// page in real Chromium. One tab connects to the echo server, sends text and binary, sees the
// echoes and every event, is refused an unsupported option with 801, closes with a code and a
// reason; two tabs talk through the chat room (the shared HarmonyOS-style module). A screenshot is
// saved as test-results/playground.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { root, startPlayground } from './start.mjs';

const executablePath = findChromium();

describe('playground page in Chromium', { skip: executablePath ? false : 'no Chromium (set CHROMIUM_PATH)' }, () => {
  let playground;
  let browser;
  const errors = [];
  const requested = [];

  /** Opens the playground in a new tab and waits until both of its modules have started. */
  async function openTab() {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
    page.on('request', (r) => requested.push(r.url()));
    page.on('websocket', (w) => requested.push(w.url()));
    await page.goto(playground.url);
    await page.waitForSelector('body[data-ready="app"][data-chat]');
    // The chat panel says why when the shared module's bundle could not be built.
    assert.equal(await page.getAttribute('body', 'data-chat'), 'ready', await page.textContent('#chat-note'));
    return page;
  }

  /** Waits for the `n`th (1-based) log row of `event` and returns its payload text. */
  async function logged(page, event, n = 1) {
    const row = page.locator(`#log li[data-event="${event}"]`).nth(n - 1);
    await row.waitFor();
    return row.locator('.payload').textContent();
  }

  before(async () => {
    playground = await startPlayground();
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  });

  after(async () => {
    await browser?.close();
    const exit = await playground?.stop();
    // The server stops cleanly on SIGTERM (its own handler, then a natural exit).
    assert.deepEqual(exit, { code: 0, signal: null }, playground?.output());
    assert.match(playground.output(), /stopped/);
  });

  test('serves the page, the script-tag build and a config naming its own servers', async () => {
    const page = await fetch(playground.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<script src="\/dist\/ohos-websocket\.min\.js"><\/script>/);
    const script = await fetch(new URL('/dist/ohos-websocket.min.js', playground.url));
    assert.equal(script.status, 200);
    assert.match(playground.config.echo, /^ws:\/\/127\.0\.0\.1:\d+$/);
    assert.match(playground.config.chat, /^ws:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(playground.config.echo, playground.config.chat);
    const escape = await fetch(new URL('/dist/..%2f..%2fpackage.json', playground.url));
    assert.equal(escape.status, 404);
  });

  test('echo: connect, text and binary round trips, every event logged, close with code and reason', async () => {
    const page = await openTab();
    assert.equal(await page.locator('#transport-name').textContent(), 'browser');
    // Capability flags of the active transport are shown: a browser sends no custom headers.
    assert.equal(await page.locator('#caps li[data-cap="headers"]').getAttribute('class'), 'off');
    assert.equal(await page.locator('#caps li[data-cap="server"]').getAttribute('class'), 'off');

    // An option the transport lacks is answered with 801, visibly.
    await page.click('#try-801');
    const refused = page.locator('#log li[data-code="801"] .payload');
    await refused.waitFor();
    assert.match(await refused.textContent(), /BusinessError 801: Capability not supported.*header/);
    assert.match(await page.locator('#connect-note').textContent(), /801/);

    await page.fill('#protocol', 'echo');
    await page.click('#connect');
    assert.match(await logged(page, 'open'), /"status":101/);
    assert.match(await logged(page, 'openInfo'), /"protocol":"echo"/);
    await page.locator('#state[data-state="open"]').waitFor();

    await page.fill('#text', 'hello, echo ✓ 𝄞');
    await page.click('#send-text');
    assert.equal(await logged(page, 'message'), JSON.stringify('hello, echo ✓ 𝄞'));
    await logged(page, 'dataEnd');

    await page.fill('#hex', 'de ad be ef 00 ff');
    await page.click('#send-binary');
    assert.equal(await logged(page, 'message', 2), 'ArrayBuffer(6) de ad be ef 00 ff');

    await page.fill('#close-code', '4001');
    await page.fill('#close-reason', 'done testing');
    await page.click('#close');
    assert.deepEqual(JSON.parse(await logged(page, 'close')), { code: 4001, reason: 'done testing' });
    await page.locator('#state[data-state="closed"]').waitFor();

    // A close started by the server: the echo server obeys "/close <code> <reason>".
    await page.fill('#protocol', '');
    await page.click('#connect');
    await logged(page, 'open', 2);
    await page.fill('#text', '/close 4321 server says bye');
    await page.press('#text', 'Control+Enter');
    assert.deepEqual(JSON.parse(await logged(page, 'close', 2)), { code: 4321, reason: 'server says bye' });
    assert.equal(await page.locator('#log li[data-event="error"]').count(), 0);
    await page.close();
  });

  test('chat: two tabs talk through the room (shared HarmonyOS-style module)', async () => {
    const alice = await openTab();
    const bob = await openTab();
    await alice.fill('#chat-name', 'alice');
    await alice.click('#chat-join');
    await alice.locator('#online[data-count="1"]').waitFor();
    await bob.fill('#chat-name', 'bob');
    await bob.click('#chat-join');
    await alice.locator('#online[data-count="2"]').waitFor();
    // Alice sees Bob arrive (and, below, leave) in the conversation itself.
    await alice.locator('#chat-lines li.joined', { hasText: 'someone joined · 2 online' }).waitFor();

    await bob.fill('#chat-text', 'hi alice, this is bob');
    await bob.click('#chat-say');
    const heard = alice.locator('#chat-lines li', { hasText: 'hi alice, this is bob' });
    await heard.waitFor();
    assert.equal(await heard.locator('b').textContent(), 'bob');
    await alice.fill('#chat-text', 'hello bob');
    await alice.click('#chat-say');
    await bob.locator('#chat-lines li', { hasText: 'hello bob' }).waitFor();

    // Something to look at in the screenshot: the echo log beside the chat.
    await alice.fill('#protocol', 'echo');
    await alice.click('#connect');
    await logged(alice, 'open');
    await alice.click('#send-text');
    await logged(alice, 'dataEnd');
    await alice.click('#send-binary');
    await logged(alice, 'dataEnd', 2);
    await alice.click('#try-801');
    await alice.locator('#log li[data-code="801"]').waitFor();

    await mkdir(join(root, 'test-results'), { recursive: true });
    await alice.screenshot({ path: join(root, 'test-results/playground.png'), fullPage: true });

    await bob.click('#chat-leave');
    await alice.locator('#online[data-count="1"]').waitFor();
    await alice.locator('#chat-lines li.left', { hasText: 'someone left · 1 online' }).waitFor();
    await Promise.all([alice.close(), bob.close()]);
    assert.deepEqual(errors, []);
  });

  test('presets fill the subprotocol; a long payload wraps at word boundaries; errors show their cause', async () => {
    const page = await openTab();
    assert.equal(await page.inputValue('#protocol'), 'echo', 'the echo server is preselected with its subprotocol');
    await page.click('[data-preset="chat"]');
    assert.equal(await page.inputValue('#protocol'), '');
    await page.click('[data-preset="echo"]');
    assert.equal(await page.inputValue('#protocol'), 'echo');
    assert.equal(await page.inputValue('#url'), playground.config.echo);
    await page.click('#connect');
    await logged(page, 'open');
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    await page.fill('#text', words);
    await page.click('#send-text');
    const payload = page.locator('#log li[data-event="message"] .payload').first();
    await payload.waitFor();
    // Every rendered line ends at a space: no word is cut in two.
    const lines = await payload.evaluate((el) => {
      const range = document.createRange();
      const text = el.firstChild;
      const tops = [];
      for (let i = 0; i < text.length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        if (!tops.length || tops.at(-1).top !== top) tops.push({ top, at: i });
      }
      return tops.map((t) => t.at);
    });
    assert.ok(lines.length > 1, 'the payload needs more than one line');
    const text = await payload.textContent();
    for (const at of lines.slice(1)) assert.match(text.slice(at - 1, at + 1), /^[\s"]/, `a line starts inside a word: ${text.slice(at - 6, at + 6)}`);
    await page.click('#try-801');
    const refused = page.locator('#log li[data-code="801"] .payload').first();
    await refused.waitFor();
    assert.match(await refused.textContent(), /Capability not supported — .+/, 'the cause follows the native message');
    await page.close();
  });

  test('the page contacts nothing but the playground server (no CDN, no fonts)', () => {
    assert.ok(requested.length > 0);
    const elsewhere = requested.filter((u) => !/^(https?|wss?):\/\/127\.0\.0\.1:\d+\//.test(u) && !u.startsWith('data:'));
    assert.deepEqual(elsewhere, []);
    assert.ok(requested.some((u) => u.endsWith('/dist/ohos-websocket.min.js')));
    assert.ok(requested.some((u) => u.startsWith(playground.config.chat)));
  });
});
