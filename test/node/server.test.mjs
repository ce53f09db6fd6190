// WebSocketServer on Node (SPEC §3): start checks in SPEC order, events, send/close semantics and
// codes, the one-listener rule and aliases, addresses. Driven by `ws` clients (not ours) on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { webSocket, BusinessError } from 'ohos-websocket';
import { nodeCapabilities, nodeTransport } from 'ohos-websocket/transports/node';
import { loopback, makeCert, openWs, rejection, runChild, startServer } from '../helpers/server-util.mjs';

const codeOf = async (promise) => (await rejection(promise)).code;

test('start: argument checks in SPEC order', async (t) => {
  const { certPath, keyPath, dir, cleanup } = makeCert();
  t.after(cleanup);
  const s = webSocket.createWebSocketServer();
  for (const bad of [undefined, null, 'x', 8080]) assert.equal(await codeOf(s.start(bad)), 401, String(bad));
  // 2302004 before 2302005 before the shapes before 2302002.
  assert.equal(await codeOf(s.start(loopback({ serverIP: 'hello', serverPort: -1 }))), 2302004);
  for (const ip of ['256.1.1.1', '1.2.3', '01.2.3.4', '::1::2', 'localhost', 42, null]) {
    assert.equal(await codeOf(s.start(loopback({ serverIP: ip }))), 2302004, String(ip));
  }
  assert.equal(await codeOf(s.start(loopback({ serverPort: 70000, maxConcurrentClientsNumber: 0 }))), 2302005);
  for (const port of [-1, 65536, 1.5, '80', undefined, NaN]) {
    assert.equal(await codeOf(s.start(loopback({ serverPort: port }))), 2302005, String(port));
  }
  for (const extra of [
    { maxConcurrentClientsNumber: 0 },
    { maxConnectionsForOneClient: -1 },
    { maxConcurrentClientsNumber: 1.5 },
    { maxConnectionsForOneClient: '10' },
    { protocol: 42 },
    { protocol: 'a b' },
    { serverCert: 'cert.pem' },
    { serverCert: { certPath: certPath } },
  ]) {
    const e = await rejection(s.start(loopback({ ...extra, serverCert: extra.serverCert ?? { certPath: join(dir, 'nope.pem'), keyPath } })));
    assert.equal(e.code, 401, JSON.stringify(extra));
    assert.ok(e instanceof BusinessError && e.message.startsWith('Parameter error'));
  }
  // A missing file is reported before the port is tried (this port is taken).
  const blocker = createServer();
  await new Promise((r) => blocker.listen(0, '127.0.0.1', r));
  t.after(() => blocker.close());
  const taken = blocker.address().port;
  for (const serverCert of [{ certPath: join(dir, 'nope.pem'), keyPath }, { certPath, keyPath: join(dir, 'nope.pem') }, { certPath: '', keyPath }]) {
    const e = await rejection(s.start(loopback({ serverPort: taken, serverCert })));
    assert.equal(e.code, 2302002, JSON.stringify(serverCert));
    assert.match(e.message, /^Websocket certificate file does not exist/);
  }
  const inUse = await rejection(s.start(loopback({ serverPort: taken })));
  assert.equal(inUse.code, 2302007);
  assert.match(inUse.message, /^Websocket port already occupied/);
  // An address that is valid but not this machine's (TEST-NET-1, nothing is sent).
  assert.equal(await codeOf(s.start(loopback({ serverIP: '192.0.2.1' }))), 2302004);
  // Not a PEM pair: the files exist, loading them fails.
  const junk = join(dir, 'junk.pem');
  writeFileSync(junk, 'not a certificate');
  assert.equal(await codeOf(s.start(loopback({ serverCert: { certPath: junk, keyPath: junk } }))), 2302999);
  // Nothing above left the object started; now it starts, and a second start is 2302999 whatever its config.
  assert.equal(s.port, undefined);
  assert.equal(await s.start(loopback({ maxConcurrentClientsNumber: 1000, maxConnectionsForOneClient: 1000 })), true);
  assert.equal(typeof s.port, 'number');
  assert.equal(await codeOf(s.start(loopback())), 2302999);
  assert.equal(await codeOf(s.start(null)), 2302999);
  assert.equal(await s.stop(), true);
  assert.equal(s.port, undefined);
});

test('start: 801 on a transport without server mode', async () => {
  const noServer = { capabilities: { ...nodeCapabilities, name: 'clientonly', server: false }, connect: nodeTransport.connect };
  const e = await rejection(webSocket.createWebSocketServer({ transport: noServer }).start(loopback()));
  assert.equal(e.code, 801);
  assert.match(e.message, /clientonly/);
  const noListen = { capabilities: nodeCapabilities, connect: nodeTransport.connect };
  assert.equal(await codeOf(webSocket.createWebSocketServer({ transport: noListen }).start(loopback())), 801);
  // Bad arguments still win over 801 (they are the caller's to fix on every transport).
  assert.equal(await codeOf(webSocket.createWebSocketServer({ transport: noServer }).start(loopback({ serverPort: -5 }))), 2302005);
});

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

test('addresses: IPv6 ::1, IPv4-mapped listener reports plain IPv4, default serverIP 0.0.0.0', async () => {
  const v6 = await startServer(loopback({ serverIP: '::1' }), { host: '::1' });
  await openWs(v6.url);
  assert.deepEqual((await v6.next('connect'))[0].clientIP, '::1');
  assert.equal(await v6.server.stop(), true);

  // A dual-stack socket sees IPv4 peers as ::ffff:a.b.c.d; HarmonyOS reports the plain address.
  const mapped = await startServer(loopback({ serverIP: '::ffff:127.0.0.1' }));
  await openWs(mapped.url);
  assert.deepEqual((await mapped.next('connect'))[0].clientIP, '127.0.0.1');
  await mapped.server.stop();

  const { serverIP, ...rest } = loopback();
  assert.equal(serverIP, '127.0.0.1');
  const any = await startServer(rest); // binds 0.0.0.0; the client still comes over loopback
  const ws = await openWs(any.url);
  assert.equal((await any.next('connect'))[0].clientIP, '127.0.0.1');
  ws.close();
  await any.server.stop();
});

test('protocol: the configured subprotocol is answered; a client offering only others is refused', async (t) => {
  const { server, url, next, log } = await startServer(loopback({ protocol: 'chat' }));
  t.after(() => server.stop());
  const ws = await openWs(url, {}, ['superchat', 'chat']);
  assert.equal(ws.protocol, 'chat');
  const plain = await openWs(url); // offering none is accepted, with none answered
  assert.equal(plain.protocol, '');
  await next('connect', 2);
  await assert.rejects(openWs(url, {}, ['other']), /Unexpected server response: 400/);
  assert.equal(server.listAllConnections().length, 2);
  assert.equal(log.filter((e) => e[0] === 'connect').length, 2);
  assert.equal(log.filter((e) => e[0] === 'error').length, 0);
});

test('wss: serverCert serves TLS to a ws client and to our client', async (t) => {
  const { certPath, keyPath, cert, cleanup } = makeCert();
  t.after(cleanup);
  const { server, url, next } = await startServer(loopback({ serverCert: { certPath, keyPath } }), { scheme: 'wss' });
  t.after(() => server.stop());
  server.on('messageReceive', (m) => server.send(m.data, m.clientConnection));
  assert.match(url, /^wss:/);
  const foreign = await openWs(url, { ca: cert });
  foreign.send('over tls');
  const [d] = await new Promise((r) => foreign.once('message', (...a) => r(a)));
  assert.equal(d.toString(), 'over tls');
  await assert.rejects(openWs(url), /self-signed|unable to verify|certificate/i); // not trusted without the CA

  const ours = webSocket.createWebSocket();
  const got = new Promise((resolve) => ours.on('message', (err, data) => resolve(data)));
  const opened = new Promise((resolve) => ours.on('open', resolve));
  await ours.connect(url, { caPath: certPath });
  await opened;
  await ours.send(new Uint8Array([1, 2, 3]).buffer);
  const echoed = await got;
  assert.ok(echoed instanceof ArrayBuffer);
  assert.deepEqual([...new Uint8Array(echoed)], [1, 2, 3]);
  const closed = new Promise((resolve) => ours.on('close', (err, r) => resolve(r)));
  await ours.close({ code: 4100, reason: 'done' });
  assert.deepEqual(await closed, { code: 4100, reason: 'done' });
  foreign.close(4200, 'foreign done');
  const serverSide = (await Promise.all([next('close', 1), next('close', 2)])).map(([, r]) => r.code).sort();
  assert.deepEqual(serverSide, [4100, 4200]);
});

test('serverCert with both paths empty means plain ws:', async (t) => {
  const { server, url } = await startServer(loopback({ serverCert: { certPath: '', keyPath: '' } }));
  t.after(() => server.stop());
  const ws = await openWs(url);
  ws.close();
  await ws.closed;
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
