// Request headers on the Node transport (docs/behaviour.md#connect-options): custom headers lowercased, non-string values
// dropped, CR/LF/NUL refused with 401 before anything is sent, and the Origin a native client sends.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { webSocket } from 'ohos-websocket';
import * as util from '../conformance/util.mjs';
import { startEchoServer } from '../helpers/peers.mjs';

describe('request headers', () => {
  let echo;
  let upgrades = 0;
  before(async () => {
    echo = await startEchoServer();
    echo.server.on('upgrade', () => upgrades++);
  });
  after(() => echo.close());

  /** Connects with `options`, asks the peer for the request headers, closes. */
  async function requestHeaders(options, url = echo.url) {
    const ws = webSocket.createWebSocket();
    await util.openSocket(ws, url, options);
    const headers = JSON.parse(await util.ask(ws, '__headers__'));
    const closed = util.once(ws, 'close');
    await ws.close();
    await closed;
    return headers;
  }

  test('custom headers are sent with lowercase names; values that are not non-empty strings are dropped', async () => {
    const h = await requestHeaders({
      header: { 'X-Token': 'abc', 'X-MiXeD-Case': 'Value Kept', 'X-Number': 42, 'X-Bool': true, 'X-Null': null,
        'X-Undef': undefined, 'X-Empty': '', 'X-Object': { a: 1 }, 'X-Array': ['a'] },
    });
    assert.equal(h['x-token'], 'abc');
    assert.equal(h['x-mixed-case'], 'Value Kept', 'values keep their case');
    for (const dropped of ['x-number', 'x-bool', 'x-null', 'x-undef', 'x-empty', 'x-object', 'x-array']) {
      assert.equal(h[dropped], undefined, `${dropped} is dropped`);
    }
  });

  test('header: {} and a header object of only dropped values are fine', async () => {
    const h = await requestHeaders({ header: {} });
    assert.equal(h.upgrade, 'websocket');
    const h2 = await requestHeaders({ header: { 'x-a': 1 } });
    assert.equal(h2['x-a'], undefined);
  });

  test('CR, LF or NUL in a header name or value → 401 and nothing reaches the server', async () => {
    const before = upgrades;
    const bad = [{ 'x-a': 'v\r\nx-injected: 1' }, { 'x-a': 'v\n' }, { 'x-a': 'v\r' }, { 'x-a': 'v\0' },
      { 'x-\r\nb': 'v' }, { 'x-b\0': 'v' }, { 'x-ok': 'fine', 'x-bad': 'a\nb' }];
    for (const header of bad) {
      const ws = webSocket.createWebSocket();
      const log = util.record(ws, ['open', 'error', 'close']);
      await assert.rejects(ws.connect(echo.url, { header }), (e) => e.code === 401 && e.message.startsWith('Parameter error'));
      const viaCallback = await new Promise((resolve) => ws.connect(echo.url, { header }, (e) => resolve(e)));
      assert.equal(viaCallback.code, 401);
      await util.sleep(20);
      assert.deepEqual(log, [], 'no event for a refused call');
    }
    // A good connection afterwards proves the server was reachable all along.
    await requestHeaders({});
    assert.equal(upgrades, before + 1, 'only the good connection reached the server');
  });

  test('a header name that is not an HTTP token → 401 (Node would refuse to send it)', async () => {
    const before = upgrades;
    for (const name of ['bad name', 'x:y', 'ä', '']) {
      const ws = webSocket.createWebSocket();
      await assert.rejects(ws.connect(echo.url, { header: { [name]: 'v' } }), (e) => e.code === 401, JSON.stringify(name));
    }
    assert.equal(upgrades, before);
  });

  test('Origin is http://host for ws: (no port unless supportOriginPort)', async () => {
    assert.equal((await requestHeaders({})).origin, 'http://127.0.0.1');
    assert.equal((await requestHeaders({ supportOriginPort: false })).origin, 'http://127.0.0.1');
    assert.equal((await requestHeaders({ supportOriginPort: true })).origin, `http://127.0.0.1:${echo.port}`);
  });

  test('a caller-supplied origin header replaces the derived one', async () => {
    assert.equal((await requestHeaders({ header: { Origin: 'https://app.example' } })).origin, 'https://app.example');
  });

  test('the protocol option is sent as Sec-WebSocket-Protocol', async () => {
    assert.equal((await requestHeaders({ protocol: 'chat' }))['sec-websocket-protocol'], 'chat');
    // Sent in the browsers' ", " form: Deno's server splits the list only on ", ".
    assert.equal((await requestHeaders({ protocol: 'a,b' }))['sec-websocket-protocol'], 'a, b');
    assert.equal((await requestHeaders({ protocol: ' x ,  y,z ' }))['sec-websocket-protocol'], 'x, y, z');
  });

  test('IPv6 loopback: ws://[::1]:port connects, Origin http://[::1]', async () => {
    const v6 = await startEchoServer({ host: '::1' });
    try {
      const h = await requestHeaders({ supportOriginPort: true }, v6.url);
      assert.equal(h.origin, `http://[::1]:${v6.port}`);
      assert.equal(h.host, `[::1]:${v6.port}`);
    } finally {
      await v6.close();
    }
  });
});
