// WebSocketServer on Node (docs/behaviour.md#server): start checks in SPEC order, 801, addresses, subprotocol, wss.
// Driven by `ws` clients (not ours) and our own client, on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { webSocket, BusinessError } from 'ohos-websocket';
import { nodeCapabilities, nodeTransport } from 'ohos-websocket/transports/node';
import { loopback, makeCert, openWs, rejection, startServer } from '../helpers/server-util.mjs';

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
  // A transport that brings the server core but cannot listen: its flag, or no listen().
  const noServer = { ...nodeTransport, capabilities: { ...nodeCapabilities, name: 'clientonly', server: false } };
  const e = await rejection(webSocket.createWebSocketServer({ transport: noServer }).start(loopback()));
  assert.equal(e.code, 801);
  assert.match(e.cause, /clientonly/);
  const noListen = { ...nodeTransport, listen: undefined };
  assert.equal(await codeOf(webSocket.createWebSocketServer({ transport: noListen }).start(loopback())), 801);
  // Bad arguments still win over 801 there (they are the caller's to fix on every transport).
  assert.equal(await codeOf(webSocket.createWebSocketServer({ transport: noServer }).start(loopback({ serverPort: -5 }))), 2302005);
  // A transport without server mode at all (no serverCore, as the browser's): 801, listeners work.
  const clientOnly = { capabilities: { ...nodeCapabilities, name: 'clientonly' }, connect: nodeTransport.connect };
  const standIn = webSocket.createWebSocketServer({ transport: clientOnly });
  standIn.on('connect', () => {});
  const e2 = await rejection(standIn.start(loopback()));
  assert.equal(e2.code, 801);
  assert.match(e2.cause, /clientonly/);
});

test('server mode arrives with the transport: the browser entry serves through nodeTransport', async (t) => {
  // The browser build carries no server core (test/browser/bundle.test.mjs); nodeTransport brings it.
  const browserEntry = await import('../../dist/browser/index.js');
  const server = browserEntry.webSocket.createWebSocketServer({ transport: nodeTransport });
  server.on('messageReceive', (m) => server.send(`echo ${m.data}`, m.clientConnection));
  assert.equal(await server.start(loopback()), true);
  t.after(() => server.stop());
  const ws = await openWs(`ws://127.0.0.1:${server.port}`);
  const answer = new Promise((resolve) => ws.once('message', (d) => resolve(String(d))));
  ws.send('hi');
  assert.equal(await answer, 'echo hi');
  ws.close();
  // Its own default transport (the browser's) still has no server mode.
  assert.equal(await codeOf(browserEntry.webSocket.createWebSocketServer().start(loopback())), 801);
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
