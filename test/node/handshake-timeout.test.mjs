// A handshake that never completes fails (issue 10, point 8): the native client gives up after
// libwebsockets' default of 20 s; so do we, with the `error` event {200, "0"} and no `close`, and
// `createWebSocket({ handshakeTimeout })` shortens it. The peer is a real TCP server on loopback
// that accepts the connection and never answers the upgrade.
import { after, before, test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { webSocket } from 'ohos-websocket';
import * as util from '../conformance/util.mjs';

let silent;
const sockets = new Set();
const ended = [];
before(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => {}); // read the upgrade request, answer nothing
    socket.on('close', () => ended.push(socket));
    socket.on('error', () => {});
  });
  await new Promise((r) => silent.listen(0, '127.0.0.1', r));
});
after(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => silent.close(r));
});
const url = () => `ws://127.0.0.1:${silent.address().port}/`;

test('handshakeTimeout: an attempt the server never answers fails with error {200, "0"}, no open, no close', async () => {
  const ws = webSocket.createWebSocket({ handshakeTimeout: 300 });
  const log = util.record(ws, ['open', 'error', 'close']);
  const closedBefore = ended.length;
  assert.equal(await ws.connect(url()), true);
  await util.until(() => log.length >= 1, 10000, 'the error event');
  assert.equal(log[0][0], 'error');
  const err = log[0][1];
  assert.equal(JSON.stringify(err), '{"code":200,"data":"0"}');
  assert.match(err.cause, /did not complete the WebSocket handshake within 300 ms/);
  // The attempt is over: the TCP connection is dropped, the object can connect again.
  await util.until(() => ended.length > closedBefore, 10000, 'the server to see the connection end');
  await util.sleep(50);
  assert.deepEqual(log.map(([t]) => t), ['error']);
  await assert.rejects(ws.send('x'), (e) => e.code === -1);
  assert.equal(await ws.connect(url()), true, 'a new attempt may start');
  await ws.close();
});

test('the default is 20 s, as libwebsockets\' (fake timers: no waiting)', async (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  const ws = webSocket.createWebSocket();
  const log = util.record(ws, ['open', 'error', 'close']);
  assert.equal(await ws.connect(url()), true);
  mock.timers.tick(19_999);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(log, [], 'still connecting after 19.999 s');
  mock.timers.tick(1);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(log.map(([type, e]) => [type, e.code, e.data]), [['error', 200, '0']]);
  assert.match(log[0][1].cause, /within 20000 ms/);
});

test('close() while connecting still ends the attempt as a close, and no timeout fires later', async () => {
  const ws = webSocket.createWebSocket({ handshakeTimeout: 200 });
  const log = util.record(ws, ['open', 'error', 'close']);
  await ws.connect(url());
  assert.equal(await ws.close({ code: 4000, reason: 'stop' }), true);
  await util.sleep(400);
  assert.deepEqual(log, [['close', { code: 4000, reason: 'stop' }]]);
});

test('an invalid handshakeTimeout means the default; factories never throw over it', () => {
  for (const v of [-1, NaN, '100', null, 1e12, Infinity]) {
    assert.equal(webSocket.createWebSocket({ handshakeTimeout: v }).handshakeTimeout, 20000, String(v));
  }
  assert.equal(webSocket.createWebSocket({ handshakeTimeout: 0 }).handshakeTimeout, 0);
});
