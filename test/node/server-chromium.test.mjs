// Our Node server driven by a browser's own WebSocket: headless Chromium (playwright-core) on
// loopback. Skipped, with the reason, when no Chromium is installed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_HELP, findChromium } from '../../scripts/chromium.mjs';
import { loopback, startServer } from '../helpers/server-util.mjs';

const executablePath = findChromium();
const skip = executablePath ? false : CHROMIUM_HELP;
let context;
let profile;

before(async () => {
  if (skip) return;
  profile = mkdtempSync(join(tmpdir(), 'ohos-ws-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath, args: [...CHROMIUM_ARGS] });
});
after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** In the page: open `url` with `protocols`, send text and binary, collect both echoes, close 4000. */
function browserEcho([url, protocols]) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    ws.binaryType = 'arraybuffer';
    const echoes = [];
    ws.onerror = () => reject(new Error('browser WebSocket error'));
    ws.onopen = () => {
      ws.send('from chromium 😀');
      ws.send(new Uint8Array([0, 128, 255]));
    };
    ws.onmessage = (e) => {
      echoes.push(typeof e.data === 'string' ? e.data : [...new Uint8Array(e.data)]);
      if (echoes.length === 2) ws.close(4000, 'chromium bye');
    };
    ws.onclose = (e) => resolve({ protocol: ws.protocol, echoes, code: e.code, reason: e.reason });
  });
}

/** In the page: open `url`, send "ready", report how the server closed the connection. */
function browserWaitClose(url) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.onopen = () => ws.send('ready');
    ws.onclose = (e) => resolve({ code: e.code, reason: e.reason, wasClean: e.wasClean });
  });
}

test('Chromium client: echo with subprotocol, its close reaches the close event', { skip }, async (t) => {
  const { server, url, next } = await startServer(loopback({ protocol: 'chat' }));
  t.after(() => server.stop());
  server.on('messageReceive', (m) => server.send(m.data, m.clientConnection));
  const page = await context.newPage();
  t.after(() => page.close());
  const out = await page.evaluate(browserEcho, [url, ['chat']]);
  assert.deepEqual(out, { protocol: 'chat', echoes: ['from chromium 😀', [0, 128, 255]], code: 4000, reason: 'chromium bye' });
  const [conn] = await next('connect');
  assert.equal(conn.clientIP, '127.0.0.1');
  assert.deepEqual((await next('close'))[1], { code: 4000, reason: 'chromium bye', closeReason: 'chromium bye' });
  assert.deepEqual(server.listAllConnections(), []);
});

test('Chromium client: server close(conn, options) and stop() reach it', { skip }, async (t) => {
  const { server, url, next } = await startServer();
  const page = await context.newPage();
  t.after(() => page.close());
  server.on('messageReceive', (m) => server.close(m.clientConnection, { code: 4001, reason: 'kicked' }));
  assert.deepEqual(await page.evaluate(browserWaitClose, url), { code: 4001, reason: 'kicked', wasClean: true });
  await next('close');
  let stopping;
  server.on('messageReceive', () => { stopping = server.stop(); });
  assert.deepEqual(await page.evaluate(browserWaitClose, url), { code: 1001, reason: 'server is going away', wasClean: true });
  assert.equal(await stopping, true);
  assert.deepEqual(server.listAllConnections(), []);
});
