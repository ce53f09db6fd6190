// Heartbeat (docs/behaviour.md#connect-options): the sanitising rules of pingInterval/pongTimeout, real ping frames, a
// silent peer detected as a dead link, and pongs keeping a live link open.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { webSocket } from 'ohos-websocket';
import * as util from '../conformance/util.mjs';
import { startEchoServer } from '../helpers/peers.mjs';
import { answer101, opcodes, startRawServer } from '../helpers/raw-peers.mjs';
import { normalise } from '../helpers/recording-transport.mjs';

const URL = 'ws://127.0.0.1:9';

describe('heartbeat option sanitising (the normalised request a transport receives)', () => {
  const table = [
    // [options, expected {pingIntervalMs, pongTimeoutMs} or undefined when disabled]
    [{}, { pingIntervalMs: 30000, pongTimeoutMs: 30000 }],
    [{ pingInterval: 0 }, undefined],
    [{ pingInterval: 0, pongTimeout: 0 }, undefined],
    [{ pingInterval: 0, pongTimeout: 10 }, undefined],
    [{ pingInterval: 10 }, { pingIntervalMs: 10000, pongTimeoutMs: 30000 }], // the default 30 is not clamped
    [{ pingInterval: 10, pongTimeout: 30 }, { pingIntervalMs: 10000, pongTimeoutMs: 30000 }],
    [{ pingInterval: 10, pongTimeout: 20 }, { pingIntervalMs: 10000, pongTimeoutMs: 10000 }], // clamped
    [{ pingInterval: 10, pongTimeout: 5 }, { pingIntervalMs: 10000, pongTimeoutMs: 5000 }],
    [{ pingInterval: 5, pongTimeout: 0 }, { pingIntervalMs: 5000, pongTimeoutMs: 0 }], // pings, never a timeout
    [{ pongTimeout: 5 }, { pingIntervalMs: 30000, pongTimeoutMs: 5000 }],
    [{ pongTimeout: 60 }, { pingIntervalMs: 30000, pongTimeoutMs: 30000 }],
    [{ pingInterval: -1 }, { pingIntervalMs: 30000, pongTimeoutMs: 30000 }],
    [{ pingInterval: 30001 }, { pingIntervalMs: 30000, pongTimeoutMs: 30000 }],
    [{ pingInterval: 30000, pongTimeout: 30000 }, { pingIntervalMs: 30000000, pongTimeoutMs: 30000000 }],
    [{ pingInterval: NaN }, { pingIntervalMs: 30000, pongTimeoutMs: 30000 }],
    [{ pingInterval: Infinity }, { pingIntervalMs: 30000, pongTimeoutMs: 30000 }],
    [{ pingInterval: 100, pongTimeout: -5 }, { pingIntervalMs: 100000, pongTimeoutMs: 30000 }],
    [{ pingInterval: 100, pongTimeout: 40000 }, { pingIntervalMs: 100000, pongTimeoutMs: 30000 }],
    [{ pingInterval: 2.9, pongTimeout: 1.5 }, { pingIntervalMs: 2000, pongTimeoutMs: 1000 }], // whole seconds
  ];
  for (const [options, expected] of table) {
    test(`${JSON.stringify(options, (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))} → ${JSON.stringify(expected)}`, async () => {
      const request = await normalise(webSocket, URL, options);
      assert.deepEqual(request.heartbeat, expected);
    });
  }

  test('explicit heartbeat options on a transport without pings → 801 naming them; unset ones are fine', async () => {
    const r = normalise(webSocket, URL, { pingInterval: 5 }, { heartbeat: false });
    await assert.rejects(r, (e) => e.code === 801 && /pingInterval/.test(e.cause) && /recording/.test(e.cause));
    const request = await normalise(webSocket, URL, {}, { heartbeat: false });
    assert.ok(request, 'connects without heartbeat options');
  });
});

describe('heartbeat on the wire', () => {
  const cleanups = [];
  after(() => Promise.all(cleanups.map((c) => c())));

  test('a peer that completes the handshake then stays silent: ping frames, then error {200} and close {0, "The link is down"}', async () => {
    const raw = await startRawServer((socket, head) => answer101(socket, head));
    cleanups.push(raw.close);
    const ws = webSocket.createWebSocket();
    const log = util.record(ws, ['open', 'error', 'close']);
    await ws.connect(raw.url, { pingInterval: 1, pongTimeout: 1 });
    await util.until(() => log.length === 3, 15000, 'open, error, close');
    assert.deepEqual(log.map(([t]) => t), ['open', 'error', 'close']);
    assert.equal(log[1][1].code, 200);
    assert.equal(log[1][1].message, 'Websocket connect failed');
    assert.equal(log[1][1].data, '0');
    assert.deepEqual(log[2][1], { code: 0, reason: 'The link is down' });
    assert.ok(opcodes(raw.received()).includes(0x9), 'the client sent a ping frame');
    await assert.rejects(ws.send('x'), (e) => e.code === -1, 'the dropped session has ended');
  });

  test('real ping frames reach a ws server and its pongs keep the link alive', async () => {
    const echo = await startEchoServer();
    cleanups.push(echo.close);
    let pings = 0;
    echo.wss.on('connection', (socket) => socket.on('ping', () => pings++));
    const ws = webSocket.createWebSocket();
    const log = util.record(ws, ['error', 'close']);
    // Three pings at 2 s with a 2 s pong deadline: without pongs the link would have been dropped
    // (see the silent peer above); the margin keeps a loaded machine from failing the test.
    await util.openSocket(ws, echo.url, { pingInterval: 2, pongTimeout: 2 });
    await util.until(() => pings >= 3, 20000, 'three pings');
    assert.deepEqual(log, [], 'no error or close while pongs arrive');
    assert.equal(await util.ask(ws, 'still here'), 'still here');
    const closed = util.once(ws, 'close');
    await ws.close();
    assert.deepEqual(await closed, { code: 1000, reason: 'CLOSE_NORMAL' });
  });
});
