// WebSocketServer connections (docs/behaviour.md#server): events and payloads, send/close semantics and codes, every
// close path keeping listAllConnections() exact, the one-listener rule and the static aliases.
// Driven by `ws` clients (not ours) and by our own client, on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webSocket } from 'ohos-websocket';
import { openWs, rejection, runChild, startServer } from '../helpers/server-util.mjs';

const codeOf = async (promise) => (await rejection(promise)).code;

test('connect, messageReceive (text, exact binary, fragments), send back', async (t) => {
  const { server, url, next, log } = await startServer();
  t.after(() => server.stop());
  const ws = await openWs(url);
  const [conn] = await next('connect');
  assert.deepEqual(conn, { clientIP: '127.0.0.1', clientPort: ws._socket.localPort });
  assert.deepEqual(server.listAllConnections(), [conn]);

  ws.send('héllo 😀');
  const pool = new Uint8Array(64).map((_, i) => i);
  ws.send(pool.subarray(10, 13)); // a view onto a larger buffer: only its 3 bytes travel
  ws.send('par', { fin: false });
  ws.send('ts', { fin: true });
  ws.send(new ArrayBuffer(0));
  const [m1] = await next('messageReceive', 1);
  const [m2] = await next('messageReceive', 2);
  const [m3] = await next('messageReceive', 3);
  const [m4] = await next('messageReceive', 4);
  assert.deepEqual(m1, { data: 'héllo 😀', clientConnection: conn });
  assert.ok(m2.data instanceof ArrayBuffer);
  assert.deepEqual([...new Uint8Array(m2.data)], [10, 11, 12]);
  assert.equal(m3.data, 'parts');
  assert.ok(m4.data instanceof ArrayBuffer && m4.data.byteLength === 0);

  const got = new Promise((resolve) => { const out = []; ws.on('message', (d, bin) => { out.push([d, bin]); if (out.length === 2) resolve(out); }); });
  assert.equal(await server.send('text 😀', conn), true);
  assert.equal(await server.send(new Uint8Array([7, 8, 9]).buffer, { clientIP: '127.0.0.1', clientPort: conn.clientPort }), true);
  const [[d1, b1], [d2, b2]] = await got;
  assert.equal(b1, false);
  assert.equal(d1.toString(), 'text 😀');
  assert.equal(b2, true);
  assert.deepEqual([...d2], [7, 8, 9]);
  assert.equal(log.filter((e) => e[0] === 'error').length, 0);
});

test('send/close argument checks and 2302006', async (t) => {
  const { server, url, next } = await startServer();
  t.after(() => server.stop());
  await openWs(url);
  const [conn] = await next('connect');
  for (const data of [42, null, undefined, new Uint8Array(2), new DataView(new ArrayBuffer(2)), {}]) {
    assert.equal(await codeOf(server.send(data, conn)), 401, String(data));
  }
  for (const c of [undefined, null, {}, { clientIP: '127.0.0.1' }, { clientIP: 1, clientPort: 2 }, { clientIP: '127.0.0.1', clientPort: '5' }]) {
    assert.equal(await codeOf(server.send('x', c)), 401, JSON.stringify(c));
    assert.equal(await codeOf(server.close(c)), 401, JSON.stringify(c));
  }
  assert.equal(await codeOf(server.send('x'.repeat(5_242_865), conn)), 401);
  assert.equal(await codeOf(server.send('é'.repeat(2_621_433), conn)), 401); // 5,242,866 UTF-8 bytes
  assert.equal(await codeOf(server.send(new ArrayBuffer(5_242_865), conn)), 401);
  for (const options of [null, 'x', {}, { code: 4000 }, { reason: 'r' }, { code: '4000', reason: 'r' }, { code: 4000, reason: 5 }]) {
    assert.equal(await codeOf(server.close(conn, options)), 401, JSON.stringify(options));
  }
  const stranger = { clientIP: '127.0.0.1', clientPort: conn.clientPort === 1 ? 2 : 1 };
  const e = await rejection(server.send('x', stranger));
  assert.equal(e.code, 2302006);
  assert.match(e.message, /^websocket connection does not exist/);
  assert.equal(await codeOf(server.close(stranger)), 2302006);
  assert.equal(await codeOf(server.send('x', { clientIP: '::1', clientPort: conn.clientPort })), 2302006);
  // The largest payload is fine.
  assert.equal(await server.send(new ArrayBuffer(5_242_864), conn), true);
});

test('server close: default and given codes, while closing, after closed', async (t) => {
  const { server, url, next } = await startServer();
  t.after(() => server.stop());
  const a = await openWs(url);
  const [ca] = await next('connect', 1);
  assert.equal(await server.close(ca), true);
  // The close has begun: send is -1, close is 2302999, the connection is still listed until it ends.
  assert.equal(await codeOf(server.send('late', ca)), -1);
  assert.equal(await codeOf(server.close(ca)), 2302999);
  assert.deepEqual(server.listAllConnections(), [ca]);
  assert.deepEqual(await a.closed, [1000, 'CLOSE_NORMAL']);
  const [cc, result] = await next('close', 1);
  assert.deepEqual(cc, ca);
  assert.deepEqual(result, { code: 1000, reason: 'CLOSE_NORMAL', closeReason: 'CLOSE_NORMAL' });
  assert.deepEqual(server.listAllConnections(), []);
  assert.equal(await codeOf(server.send('gone', ca)), 2302006);
  assert.equal(await codeOf(server.close(ca)), 2302006);

  const b = await openWs(url);
  const [cb] = await next('connect', 2);
  await server.close(cb, { code: 4321, reason: 'kicked ✂' });
  assert.deepEqual(await b.closed, [4321, 'kicked ✂']);
  assert.deepEqual((await next('close', 2))[1], { code: 4321, reason: 'kicked ✂', closeReason: 'kicked ✂' });

  // A code that cannot be sent becomes 1000, a long reason is cut to 123 UTF-8 bytes (as the client).
  const c = await openWs(url);
  const [cx] = await next('connect', 3);
  await server.close(cx, { code: -100, reason: 'é'.repeat(100) });
  const [code, reason] = await c.closed;
  assert.equal(code, 1000);
  assert.equal(reason, 'é'.repeat(61));
  assert.deepEqual((await next('close', 3))[1], { code: 1000, reason: 'é'.repeat(61), closeReason: 'é'.repeat(61) });
});

test('client close paths: code and reason, no reason, abnormal drop; registry exact in the listener', async (t) => {
  const { server, url, next } = await startServer();
  t.after(() => server.stop());
  const seen = [];
  server.on('close', (conn, result) => seen.push([conn, result, server.listAllConnections()]));
  const a = await openWs(url);
  const b = await openWs(url);
  const c = await openWs(url);
  await next('connect', 3);
  assert.equal(server.listAllConnections().length, 3);
  a.close(4001, 'bye');
  await a.closed;
  b.close(1000);
  await b.closed;
  c.terminate();
  await c.closed;
  while (seen.length < 3) await new Promise((r) => setImmediate(r));
  assert.deepEqual(seen[0][1], { code: 4001, reason: 'bye', closeReason: 'bye' });
  assert.deepEqual(seen[1][1], { code: 1000, reason: 'The link is down', closeReason: 'The link is down' });
  assert.deepEqual(seen[2][1], { code: 0, reason: 'The link is down', closeReason: 'The link is down' });
  assert.deepEqual(seen.map((s) => s[2].length), [2, 1, 0]);
  assert.deepEqual(server.listAllConnections(), []);
});

test('one listener per event, static aliases share the slot, off twins, bad on/off throw 401', async (t) => {
  const { server, url, next } = await startServer();
  t.after(() => server.stop());
  const calls = [];
  const first = (c) => calls.push(['first', c.clientPort]);
  const second = (c) => calls.push(['second', c.clientPort]);
  server.on('connect', first);
  server.on('connect', second); // replaces `first`
  server.off('connect', first); // not the registered one: no effect
  let ws = await openWs(url);
  while (calls.length < 1) await new Promise((r) => setImmediate(r));
  assert.deepEqual(calls.map((c) => c[0]), ['second']);
  server.onConnect(first); // the alias takes the same slot
  ws.close();
  await next('close', 1);
  ws = await openWs(url);
  while (calls.length < 2) await new Promise((r) => setImmediate(r));
  assert.deepEqual(calls.map((c) => c[0]), ['second', 'first']);
  server.offConnect();
  const received = [];
  server.onMessageReceive((m) => received.push(m.data));
  const closes = [];
  server.onWebSocketServerClose((conn, r) => closes.push(r.code));
  ws.send('one');
  while (received.length < 1) await new Promise((r) => setImmediate(r));
  server.offMessageReceive(() => {}); // another function: still registered
  ws.send('two');
  while (received.length < 2) await new Promise((r) => setImmediate(r));
  server.offMessageReceive();
  const errors = [];
  server.onWebSocketServerError((e) => errors.push(e));
  server.offWebSocketServerError();
  ws.close(4002, 'x');
  await ws.closed;
  while (closes.length < 1) await new Promise((r) => setImmediate(r));
  assert.deepEqual(closes, [4002]);
  ws = await openWs(url);
  assert.equal(calls.length, 2); // offConnect removed it
  ws.send('three');
  ws.close();
  await ws.closed;
  assert.deepEqual(received, ['one', 'two']);
  for (const [type, cb] of [[42, () => {}], ['connect', 'nope'], [undefined, () => {}]]) {
    assert.throws(() => server.on(type, cb), (e) => e.code === 401);
  }
  assert.throws(() => server.off(7), (e) => e.code === 401);
  assert.throws(() => server.off('connect', 5), (e) => e.code === 401);
  server.on('no-such-event', () => {}); // ignored
  server.off('no-such-event');
});

test('a throwing listener does not break the server (child process: its errors are uncaught there)', async () => {
  const out = await runChild('throwing');
  assert.deepEqual(out, {
    echoes: ['a', 'b'],
    code: 4000,
    uncaught: ['connect listener bug', 'message listener bug', 'message listener bug'],
  });
});

test('listAllConnections: an array of fresh copies, awaitable', async (t) => {
  const { server, url, next } = await startServer();
  t.after(() => server.stop());
  assert.deepEqual(server.listAllConnections(), []);
  await openWs(url);
  await openWs(url);
  await next('connect', 2);
  const list = server.listAllConnections();
  assert.ok(Array.isArray(list));
  assert.equal(list.length, 2);
  list[0].clientPort = 1;
  list.pop();
  assert.equal(server.listAllConnections().length, 2);
  assert.ok(server.listAllConnections().every((c) => c.clientPort !== 1 && c.clientIP === '127.0.0.1'));
  assert.equal((await server.listAllConnections()).length, 2);
});

test('our client and our server: queued sends, both payload kinds, close codes both ways', async (t) => {
  const { server, url, next } = await startServer();
  t.after(() => server.stop());
  const ws = webSocket.createWebSocket();
  const inbox = [];
  ws.on('message', (err, data) => inbox.push(data));
  const closed = new Promise((resolve) => ws.on('close', (err, r) => resolve(r)));
  await ws.connect(url);
  await ws.send('queued while connecting');
  await ws.send(new Uint8Array([5, 6]).buffer);
  const [conn] = await next('connect');
  const [m1] = await next('messageReceive', 1);
  const [m2] = await next('messageReceive', 2);
  assert.equal(m1.data, 'queued while connecting');
  assert.deepEqual([...new Uint8Array(m2.data)], [5, 6]);
  assert.deepEqual(m1.clientConnection, conn);
  await server.send('to client', conn);
  await server.send(new Uint8Array([9]).buffer, conn);
  while (inbox.length < 2) await new Promise((r) => setImmediate(r));
  assert.equal(inbox[0], 'to client');
  assert.ok(inbox[1] instanceof ArrayBuffer);
  assert.deepEqual([...new Uint8Array(inbox[1])], [9]);
  await server.close(conn, { code: 4001, reason: 'kicked' });
  assert.deepEqual(await closed, { code: 4001, reason: 'kicked' });
  assert.deepEqual((await next('close'))[1], { code: 4001, reason: 'kicked', closeReason: 'kicked' });

  // And the other way: our client closes with the defaults.
  const again = webSocket.createWebSocket();
  const opened = new Promise((resolve) => again.on('open', resolve));
  await again.connect(url);
  await opened;
  await next('connect', 2);
  await again.close();
  assert.deepEqual((await next('close', 2))[1], { code: 1000, reason: 'CLOSE_NORMAL', closeReason: 'CLOSE_NORMAL' });
  assert.deepEqual(server.listAllConnections(), []);
});
