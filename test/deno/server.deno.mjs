// Server mode on Deno (Deno.serve + upgradeWebSocket) driven by clients in the same Deno process:
// our Deno client and Deno's native WebSocket. The Node side (deno.test.mjs) drives it with `ws`.
import * as A from '../conformance/assert.mjs';
import * as util from '../conformance/util.mjs';
import { closed, peers, webSocket } from './peers.deno.mjs';

const { certs } = peers;
const limits = { maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 };

/** Starts an echoing server; returns it with its `ws:`/`wss:` URL. */
async function echoServer(config = {}) {
  const server = webSocket.createWebSocketServer();
  server.on('messageReceive', (m) => server.send(m.data, m.clientConnection));
  A.equal(await server.start({ serverIP: '127.0.0.1', serverPort: 0, ...limits, ...config }), true);
  A.ok(server.port > 0, 'the bound port is reported');
  return { server, url: `${config.serverCert ? 'wss' : 'ws'}://127.0.0.1:${server.port}` };
}

Deno.test('echo server: connect event with the peer address, text and binary echoed, close event once', async () => {
  const { server, url } = await echoServer();
  const events = [];
  server.on('connect', (c) => events.push(['connect', c]));
  server.on('close', (c, r) => events.push(['close', c, r]));
  const ws = webSocket.createWebSocket();
  await util.openSocket(ws, url);
  A.equal(await util.ask(ws, 'héllo 𝄞'), 'héllo 𝄞');
  const got = util.once(ws, 'message');
  await ws.send(util.bytes(0, 1, 255));
  A.deepEqual([...new Uint8Array(await got)], [0, 1, 255]);
  const [conn] = server.listAllConnections();
  A.equal(conn.clientIP, '127.0.0.1');
  A.deepEqual(events[0], ['connect', conn]);
  const done = closed(ws);
  await ws.close({ code: 4000, reason: 'bye' });
  await done;
  await util.until(() => events.length === 2, 10000, 'server close event');
  A.deepEqual(events[1], ['close', conn, { code: 4000, reason: 'bye', closeReason: 'bye' }]);
  A.deepEqual(server.listAllConnections(), []);
  A.equal(await server.stop(), true);
});

Deno.test('the configured subprotocol is answered; a list the server does not accept is refused', async () => {
  const { server, url } = await echoServer({ protocol: 'chat' });
  const native = new WebSocket(url, ['other', 'chat']); // Deno sends "other, chat"
  await new Promise((resolve, reject) => { native.onopen = resolve; native.onerror = reject; });
  A.equal(native.protocol, 'chat');
  const nativeClosed = new Promise((r) => { native.onclose = r; });
  native.close();
  await nativeClosed;
  const ws = webSocket.createWebSocket();
  const log = util.record(ws, ['open', 'error']);
  await ws.connect(url, { protocol: 'nope' });
  await util.until(() => log.length > 0, 10000, 'error');
  A.deepEqual(log.map(([t]) => t), ['error']);
  A.equal(log[0][1].data, '400');
  await server.stop();
});

Deno.test('admission: a second connection from the same IP over the limit gets 503, the server an error event', async () => {
  const { server, url } = await echoServer({ maxConnectionsForOneClient: 1 });
  const errors = [];
  server.on('error', (e) => errors.push(e));
  const first = webSocket.createWebSocket();
  await util.openSocket(first, url);
  const second = webSocket.createWebSocket();
  const log = util.record(second, ['open', 'error']);
  await second.connect(url);
  await util.until(() => log.length > 0 && errors.length > 0, 10000, 'refusal');
  A.deepEqual(log.map(([t]) => t), ['error']);
  A.equal(log[0][1].data, '503');
  A.equal(errors[0].code, 200);
  A.equal(server.listAllConnections().length, 1);
  const done = closed(first);
  await server.stop();
  A.deepEqual(await done, { code: 1001, reason: 'server is going away' });
});

Deno.test('stop(): clients get 1001, the port is free again at once; a taken port is 2302007', async () => {
  const { server, url } = await echoServer();
  const port = server.port;
  const other = webSocket.createWebSocketServer();
  await A.rejectsWith(other.start({ serverIP: '127.0.0.1', serverPort: port, ...limits }), 2302007);
  const ws = webSocket.createWebSocket();
  await util.openSocket(ws, url);
  const done = closed(ws);
  A.equal(await server.stop(), true);
  A.deepEqual(await done, { code: 1001, reason: 'server is going away' });
  A.equal(await other.start({ serverIP: '127.0.0.1', serverPort: port, ...limits }), true);
  A.equal(other.port, port);
  await A.rejectsWith(server.stop(), 2302999);
  await other.stop();
});

Deno.test('server close(conn, {code, reason}) reaches the client', async () => {
  const { server, url } = await echoServer();
  const ws = webSocket.createWebSocket();
  await util.openSocket(ws, url);
  const done = closed(ws);
  const [conn] = server.listAllConnections();
  A.equal(await server.close(conn, { code: 4001, reason: 'kicked' }), true);
  A.deepEqual(await done, { code: 4001, reason: 'kicked' });
  await util.until(() => server.listAllConnections().length === 0, 10000, 'registry emptied');
  await A.rejectsWith(server.send('x', conn), 2302006);
  await server.stop();
});

Deno.test('wss: serverCert serves TLS that our client trusts through caPath', async () => {
  const { server, url } = await echoServer({ serverCert: { certPath: certs.serverCert, keyPath: certs.serverKey } });
  A.ok(url.startsWith('wss:'));
  const ws = webSocket.createWebSocket();
  await util.openSocket(ws, url, { caPath: certs.ca });
  A.equal(await util.ask(ws, 'secure'), 'secure');
  const done = closed(ws);
  await ws.close();
  await done;
  await server.stop();
  const missing = webSocket.createWebSocketServer();
  await A.rejectsWith(missing.start({ serverPort: 0, ...limits, serverCert: { certPath: `${certs.serverCert}.gone`, keyPath: certs.serverKey } }), 2302002);
});

Deno.test("a client that never answers Deno's keep-alive ping is dropped once: one close event {0, 'The link is down'}", async () => {
  const { createDenoTransport } = await import('../../dist/deno/transports/deno.js');
  const server = webSocket.createWebSocketServer({ transport: createDenoTransport({ serverIdleTimeout: 1 }) });
  const closes = [];
  server.on('close', (conn, result) => closes.push([conn, result]));
  await server.start({ serverIP: '127.0.0.1', serverPort: 0, ...limits });
  // A raw TCP client: it completes the handshake and then reads nothing, so no pong ever comes.
  const conn = await Deno.connect({ hostname: '127.0.0.1', port: server.port });
  await conn.write(new TextEncoder().encode(
    'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  ));
  const head = new Uint8Array(512);
  const n = await conn.read(head);
  A.ok(new TextDecoder().decode(head.subarray(0, n)).startsWith('HTTP/1.1 101'), 'upgraded');
  await util.until(() => closes.length > 0, 10000, 'the server close event');
  await util.sleep(300); // Deno fires its second close event right after the first
  A.equal(closes.length, 1, 'Deno\'s double close is reported once');
  A.deepEqual(closes[0][1], { code: 0, reason: 'The link is down', closeReason: 'The link is down' });
  A.deepEqual(server.listAllConnections(), []);
  conn.close();
  await server.stop();
});

Deno.test('IPv6 loopback: a server on ::1 reports the client as ::1', async () => {
  const server = webSocket.createWebSocketServer();
  server.on('messageReceive', (m) => server.send(JSON.stringify(m.clientConnection), m.clientConnection));
  await server.start({ serverIP: '::1', serverPort: 0, ...limits });
  const ws = webSocket.createWebSocket();
  await util.openSocket(ws, `ws://[::1]:${server.port}`);
  const conn = JSON.parse(await util.ask(ws, 'who'));
  A.equal(conn.clientIP, '::1');
  A.ok(conn.clientPort > 0);
  const done = closed(ws);
  await server.stop();
  A.deepEqual(await done, { code: 1001, reason: 'server is going away' });
});
