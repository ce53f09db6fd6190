// stop() (docs/behaviour.md#server, §7): every client gets 1001 `server is going away`, the port is free at once,
// resolves true, 2302999 when not started; a process that started and stopped a server exits by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webSocket } from 'ohos-websocket';
import { createServer } from 'node:net';
import { silentClient } from '../helpers/raw-peers.mjs';
import { loopback, openWs, rejection, runChild, startServer } from '../helpers/server-util.mjs';

test('stop when not started is 2302999', async () => {
  const s = webSocket.createWebSocketServer();
  const e = await rejection(s.stop());
  assert.equal(e.code, 2302999);
  assert.match(e.message, /^Websocket Unknown Other Error/);
  await s.start(loopback());
  assert.equal(await s.stop(), true);
  assert.equal((await rejection(s.stop())).code, 2302999);
});

test('stop closes every client with 1001, empties the registry, frees the port at once', async () => {
  const { server, url, next, log } = await startServer();
  const port = server.port;
  const foreign = [await openWs(url), await openWs(url), await openWs(url)];
  const ours = webSocket.createWebSocket();
  const oursClosed = new Promise((resolve) => ours.on('close', (err, r) => resolve(r)));
  const oursOpen = new Promise((resolve) => ours.on('open', resolve));
  await ours.connect(url);
  await oursOpen;
  await next('connect', 4);
  assert.equal(server.listAllConnections().length, 4);

  assert.equal(await server.stop(), true);
  // Resolved only after every close event: nothing is left.
  assert.deepEqual(server.listAllConnections(), []);
  assert.equal(server.port, undefined);
  const closes = log.filter((e) => e[0] === 'close');
  assert.equal(closes.length, 4);
  for (const [, , result] of closes) assert.deepEqual(result, { code: 1001, reason: 'server is going away', closeReason: 'server is going away' });
  for (const ws of foreign) assert.deepEqual(await ws.closed, [1001, 'server is going away']);
  assert.deepEqual(await oursClosed, { code: 1001, reason: 'server is going away' });

  // The port is free: another server takes it right away, and serves.
  const again = await startServer(loopback({ serverPort: port }));
  assert.equal(again.server.port, port);
  const ws = await openWs(again.url);
  await again.next('connect');
  assert.equal(await again.server.stop(), true);
  assert.deepEqual(await ws.closed, [1001, 'server is going away']);
});

test('stop() does not wait for a client that never reads: 1001 to all, the silent one dropped after the grace, the port free when it resolves', { timeout: 15000 }, async () => {
  // Before, stop() waited for the socket layer's close timeout (30 s on ws) for such a client.
  const { server, url, next, log } = await startServer();
  const port = server.port;
  const silent = await silentClient(port);
  const reading = await openWs(url);
  await next('connect', 2);
  assert.equal(await server.stop(), true);
  assert.deepEqual(server.listAllConnections(), []);
  const closes = log.filter((e) => e[0] === 'close').map(([, , result]) => result);
  assert.deepEqual(closes, [1, 2].map(() => ({ code: 1001, reason: 'server is going away', closeReason: 'server is going away' })));
  assert.deepEqual(await reading.closed, [1001, 'server is going away']);
  await silent.dropped(); // the server ended the connection
  // The port is free the moment stop() has resolved.
  const probe = createServer();
  await new Promise((resolve, reject) => probe.once('error', reject).listen(port, '127.0.0.1', resolve));
  await new Promise((r) => probe.close(r));
});

test('send/close during stop: the connections are closing', async () => {
  const { server, url, next } = await startServer();
  await openWs(url);
  const [conn] = await next('connect');
  const stopping = server.stop();
  assert.equal((await rejection(server.send('x', conn))).code, -1);
  assert.equal((await rejection(server.close(conn))).code, 2302999);
  assert.equal((await rejection(server.stop())).code, 2302999);
  assert.equal((await rejection(server.start(loopback()))).code, 2302999);
  assert.equal(await stopping, true);
  assert.equal((await rejection(server.send('x', conn))).code, 2302006);
});

test('stop during start waits for it; the same object starts again after stop', async () => {
  const server = webSocket.createWebSocketServer();
  const started = server.start(loopback());
  const stopped = server.stop();
  assert.equal(await started, true);
  assert.equal(await stopped, true);
  assert.equal(server.port, undefined);
  const events = [];
  server.on('connect', (c) => events.push(c));
  assert.equal(await server.start(loopback()), true);
  const ws = await openWs(`ws://127.0.0.1:${server.port}`);
  while (events.length < 1) await new Promise((r) => setImmediate(r));
  assert.equal(await server.stop(), true);
  assert.deepEqual(await ws.closed, [1001, 'server is going away']);
  // A failed start leaves nothing to stop.
  const bad = webSocket.createWebSocketServer();
  const failing = bad.start(loopback({ serverIP: '192.0.2.1' }));
  const e = await rejection(bad.stop());
  assert.equal(e.code, 2302999);
  assert.equal((await rejection(failing)).code, 2302004);
});

test('a Node process that started and stopped a server exits by itself', async () => {
  const out = await runChild('lifecycle');
  assert.deepEqual(out, {
    echoes: ['from ws', 'from ours'],
    stopped: true,
    foreign: { code: 1001, reason: 'server is going away' },
    ours: { code: 1001, reason: 'server is going away' },
    left: 0,
  });
});
