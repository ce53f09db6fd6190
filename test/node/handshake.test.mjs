// The handshake as the Node transport sees it, against raw TCP servers: the real 101 reason phrase
// and response headers (headerReceive), and plain HTTP refusals.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { webSocket } from 'ohos-websocket';
import * as util from '../conformance/util.mjs';
import { answer101, startRawServer } from '../helpers/raw-peers.mjs';

describe('handshake against raw servers', () => {
  const servers = [];
  after(() => Promise.all(servers.map((s) => s.close())));
  const start = async (onRequest) => {
    const s = await startRawServer(onRequest);
    servers.push(s);
    return s;
  };

  test('headerReceive gets the 101 headers (lowercase keys, string values) before open; open carries the real reason phrase', async () => {
    const raw = await start((socket, head) =>
      answer101(socket, head, {
        reason: 'Switching Protocols Yay',
        headers: ['X-Custom-Header: Some Value', 'Set-Cookie: a=1', 'Set-Cookie: b=2'],
      }));
    const ws = webSocket.createWebSocket();
    const log = [];
    ws.on('headerReceive', (...args) => log.push(['headerReceive', ...args]));
    ws.on('open', (err, value) => log.push(['open', err, value]));
    ws.on('openInfo', (err, value) => log.push(['openInfo', err, value]));
    assert.equal(await ws.connect(raw.url), true);
    await util.until(() => log.length === 3, 10000, 'headerReceive, open, openInfo');
    assert.deepEqual(log.map(([t]) => t), ['headerReceive', 'open', 'openInfo']);
    assert.equal(log[0].length, 2, 'headerReceive gets one argument');
    const headers = log[0][1];
    assert.equal(headers['x-custom-header'], 'Some Value');
    assert.equal(headers.upgrade, 'websocket');
    assert.equal(headers.connection, 'Upgrade');
    assert.equal(typeof headers['sec-websocket-accept'], 'string');
    assert.equal(headers['set-cookie'], 'a=1, b=2', 'repeated headers are joined into one string');
    for (const [k, v] of Object.entries(headers)) {
      assert.equal(k, k.toLowerCase());
      assert.equal(typeof v, 'string');
    }
    assert.deepEqual(log[1].slice(1), [undefined, { status: 101, message: 'Switching Protocols Yay' }]);
    assert.deepEqual(log[2].slice(1), [undefined, { status: 101, message: 'Switching Protocols Yay' }]);
    ws.onHeaderReceive((h) => log.push(['alias', h]));
    const closed = util.once(ws, 'close');
    await ws.close();
    assert.deepEqual(await closed, { code: 1000, reason: 'CLOSE_NORMAL' }); // local close is reported even if the peer never answers
  });

  test('the request target and Origin reach the server as specified', async () => {
    let seen;
    const raw = await start((socket, head) => {
      seen = head;
      answer101(socket, head);
    });
    const ws = webSocket.createWebSocket();
    await util.openSocket(ws, `${raw.url}?room=7`);
    assert.equal(seen.method, 'GET');
    assert.equal(seen.target, '/?room=7');
    assert.equal(seen.headers.origin, 'http://127.0.0.1');
    assert.equal(seen.headers['sec-websocket-protocol'], undefined, 'no protocol offered by default');
    const closed = util.once(ws, 'close');
    await ws.close();
    await closed;
  });

  for (const [status, line] of [[403, 'Forbidden'], [404, 'Not Found'], [500, 'Internal Server Error'], [200, 'OK'], [301, 'Moved Permanently']]) {
    test(`HTTP ${status} instead of 101 → one error event {200, data "${status}"}, no open, no close`, async () => {
      const raw = await start((socket) => {
        const extra = status === 301 ? 'Location: ws://127.0.0.1:1/\r\n' : '';
        socket.end(`HTTP/1.1 ${status} ${line}\r\n${extra}Content-Length: 9\r\nConnection: close\r\n\r\nrefused.\n`);
      });
      const ws = webSocket.createWebSocket();
      const log = util.record(ws, ['headerReceive', 'open', 'error', 'close']);
      assert.equal(await ws.connect(raw.url), true);
      await util.until(() => log.length >= 1, 10000, 'error');
      await util.sleep(50);
      assert.deepEqual(log.map(([t]) => t), ['error']);
      const err = log[0][1];
      assert.equal(err.code, 200);
      assert.equal(err.message, 'Websocket connect failed');
      assert.equal(err.data, String(status));
      await assert.rejects(ws.send('x'), (e) => e.code === -1);
    });
  }

  test('a bad Sec-WebSocket-Accept fails the handshake: error {200}, no open', async () => {
    const raw = await start((socket) => {
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: bm9wZQ==\r\n\r\n');
    });
    const ws = webSocket.createWebSocket();
    const log = util.record(ws, ['open', 'error', 'close']);
    await ws.connect(raw.url);
    await util.until(() => log.length >= 1, 10000, 'error');
    await util.sleep(50);
    assert.deepEqual(log.map(([t]) => t), ['error']);
    assert.equal(log[0][1].code, 200);
  });

  test('the server closing the TCP connection before answering → error {200, "0"}', async () => {
    const raw = await start((socket) => socket.destroy());
    const ws = webSocket.createWebSocket();
    const log = util.record(ws, ['open', 'error', 'close']);
    await ws.connect(raw.url);
    await util.until(() => log.length >= 1, 10000, 'error');
    await util.sleep(50);
    assert.deepEqual(log.map(([t]) => t), ['error']);
    assert.equal(log[0][1].data, '0');
  });
});

describe('protocol violations by the peer after open', () => {
  const servers = [];
  after(() => Promise.all(servers.map((s) => s.close())));
  const frames = {
    'a reserved opcode': Buffer.from([0x83, 0x00]),
    'invalid UTF-8 in a text frame': Buffer.from([0x81, 0x02, 0xff, 0xfe]),
    'a masked frame from the server': Buffer.from([0x81, 0x81, 1, 2, 3, 4, 0x61]),
    'a close frame with a 1-byte payload': Buffer.from([0x88, 0x01, 0x03]),
  };
  for (const [what, bytes] of Object.entries(frames)) {
    test(`${what} → error {200, "0"} then close {0, "The link is down"}`, async () => {
      const raw = await startRawServer((socket, head) => {
        answer101(socket, head);
        setImmediate(() => socket.write(bytes));
      });
      servers.push(raw);
      const ws = webSocket.createWebSocket();
      const log = util.record(ws, ['open', 'message', 'error', 'close']);
      await ws.connect(raw.url);
      await util.until(() => log.length === 3, 10000, 'open, error, close');
      assert.deepEqual(log.map(([t]) => t), ['open', 'error', 'close']);
      assert.equal(log[1][1].code, 200);
      assert.equal(log[1][1].data, '0');
      assert.deepEqual(log[2][1], { code: 0, reason: 'The link is down' });
    });
  }
});

test('a URL fragment is not sent: ws://h/p#frag connects to /p', async () => {
  let target;
  const raw = await startRawServer((socket, head) => { target = head.target; answer101(socket, head); });
  const ws = webSocket.createWebSocket();
  await util.openSocket(ws, `${raw.url}/p?q=1#frag`);
  assert.equal(target, '/p?q=1');
  const closed = util.once(ws, 'close');
  await ws.close();
  await closed;
  await raw.close();
});
