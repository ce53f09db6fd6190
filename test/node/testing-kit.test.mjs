// ohos-websocket/testing: the in-memory network, its scripted peers, records and timing rules, as a
// user of the published subpath sees them (no real sockets anywhere in this file).
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { webSocket } from 'ohos-websocket';
import { nodeTransport } from 'ohos-websocket/transports/node';
import { createTestNetwork } from 'ohos-websocket/testing';
import { record } from '../conformance/util.mjs';

let net;
beforeEach(() => {
  net = createTestNetwork();
});
afterEach(() => net.close());

const client = () => webSocket.createWebSocket({ transport: net.transport });

describe('client against a scripted peer', () => {
  test('connect, the handshake record, messages both ways, peer close', async () => {
    const peer = net.peer('ws://api.test/feed', { headers: { 'x-server': 'kit' } });
    const ws = client();
    const log = record(ws, ['headerReceive', 'open', 'message', 'close', 'error']);
    assert.equal(await ws.connect('ws://api.test/feed?x=1', { protocol: 'v1, v2', header: { 'X-Token': 't' } }), true);
    const conn = await peer.nextConnection();
    assert.equal(conn.protocol, 'v1');
    assert.equal(conn.request.path, '/feed?x=1');
    assert.equal(conn.request.headers.host, 'api.test');
    assert.equal(conn.request.headers['x-token'], 't');
    assert.equal(conn.request.headers['sec-websocket-protocol'], 'v1, v2');
    assert.equal(conn.request.origin, 'http://api.test');
    assert.deepEqual(conn.request.protocols, ['v1', 'v2']);
    await ws.send('up');
    await ws.send(new Uint8Array([1, 2]).buffer);
    assert.equal(await conn.nextMessage(), 'up');
    assert.deepEqual([...new Uint8Array(await conn.nextMessage())], [1, 2]);
    conn.send('down');
    conn.send(new Uint8Array([9, 8, 7]).subarray(1)); // a view: exactly its bytes
    conn.close(4000, 'bye');
    await net.flush();
    assert.deepEqual(log.map(([t]) => t), ['headerReceive', 'open', 'message', 'message', 'close']);
    assert.equal(log[0][1]['x-server'], 'kit');
    assert.equal(log[2][1], 'down');
    assert.deepEqual([...new Uint8Array(log[3][1])], [8, 7]);
    assert.deepEqual(log[4][1], { code: 4000, reason: 'bye' });
    assert.deepEqual(await conn.closed, { code: 4000, reason: 'bye', clean: true });
    assert.deepEqual(conn.closeFrame, { code: 4000, reason: 'bye' }, 'the client echoed the close frame');
    assert.deepEqual(net.handshakes.map((h) => [h.outcome, h.status, h.protocol]), [['accepted', 101, 'v1']]);
  });

  test('client close: the peer records its code and reason', async () => {
    const peer = net.peer('wss://api.test');
    const ws = client();
    await ws.connect('wss://api.test', { caPath: '/etc/ca.pem', skipServerCertVerification: true });
    const conn = await peer.nextConnection();
    assert.equal(conn.request.secure, true);
    assert.equal(conn.request.tls.caPath, '/etc/ca.pem');
    const closed = new Promise((r) => ws.on('close', (_e, v) => r(v)));
    await ws.close({ code: 4100, reason: 'done' });
    assert.deepEqual(await closed, { code: 4100, reason: 'done' });
    assert.deepEqual(conn.closeFrame, { code: 4100, reason: 'done' });
    assert.equal((await conn.closed).clean, true);
  });

  test('nothing listening: error {200, "0"} like a refused port; refuse(status): the status in data', async () => {
    const ws = client();
    const log = record(ws, ['open', 'error', 'close']);
    await ws.connect('ws://127.0.0.1:1');
    await net.flush();
    assert.deepEqual(log.map(([t, e]) => [t, e.code, e.data]), [['error', 200, '0']]);
    net.peer('ws://127.0.0.1:1').refuse(401, 'Unauthorized');
    await ws.connect('ws://127.0.0.1:1');
    await net.flush();
    assert.deepEqual(log.map(([t, e]) => [t, e.code, e.data]), [['error', 200, '0'], ['error', 200, '401']]);
    assert.deepEqual(net.handshakes.map((h) => h.outcome), ['unreachable', 'refused']);
    await assert.rejects(ws.send('x'), (e) => e.code === -1);
  });

  test('drop: error {200, "0"} then close {0, "The link is down"}; the peer sees 1006, not clean', async () => {
    const peer = net.peer('ws://api.test');
    const ws = client();
    const log = record(ws, ['error', 'close']);
    await ws.connect('ws://api.test');
    const conn = await peer.nextConnection();
    conn.send('last words');
    conn.drop();
    await net.flush();
    assert.deepEqual(log.map(([t, v]) => [t, t === 'error' ? v.data : v]), [['error', '0'], ['close', { code: 0, reason: 'The link is down' }]]);
    assert.deepEqual(await conn.closed, { code: 1006, reason: '', clean: false });
  });

  test('hold and release one frame at a time, in order; close frames wait behind held messages', async () => {
    const peer = net.peer('ws://api.test');
    const ws = client();
    const got = [];
    ws.on('message', (_e, d) => got.push(d));
    ws.on('close', (_e, v) => got.push(v));
    await ws.connect('ws://api.test');
    const conn = await peer.nextConnection();
    await net.flush();
    conn.hold();
    conn.send('a');
    conn.send('b');
    conn.close(1000, 'end');
    await net.flush();
    assert.deepEqual(got, []);
    assert.equal(conn.held, 3);
    await conn.release();
    assert.deepEqual(got, ['a']);
    await conn.releaseAll();
    assert.deepEqual(got, ['a', 'b', { code: 1000, reason: 'end' }]);
  });

  test('the peer path routes: exact path first, then the path-less peer; echo option', async () => {
    const any = net.peer('ws://api.test', { echo: true });
    const chat = net.peer('ws://api.test/chat', { protocol: false });
    const ws = client();
    await ws.connect('ws://api.test/chat');
    await ws.close();
    await ws.connect('ws://api.test/other');
    await net.flush();
    assert.equal(chat.connections.length, 1);
    assert.equal(any.connections.length, 1);
    const echoed = new Promise((r) => ws.on('message', (_e, d) => r(d)));
    await ws.send('ping?');
    assert.equal(await echoed, 'ping?');
    assert.throws(() => net.peer('ws://api.test'), /already answers/);
  });

  test('certificate files: every path exists by default; `files` narrows it (2302002)', async () => {
    const strict = createTestNetwork({ files: ['/ca.pem'] });
    strict.peer('wss://api.test');
    const ws = webSocket.createWebSocket({ transport: strict.transport });
    assert.equal(await ws.connect('wss://api.test', { caPath: '/ca.pem' }), true);
    await ws.close();
    await assert.rejects(ws.connect('wss://api.test', { caPath: '/missing.pem' }), (e) => e.code === 2302002);
    strict.close();
  });
});

describe('timers: every delay and the heartbeat go through the global timer functions', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'setInterval'] }));
  afterEach(() => mock.timers.reset());

  // node:test's mock timers (Node 20) date timers created during a tick from the tick's end, so
  // these tests advance one step at a time, as a user would.
  const advance = async (ms, step = 1000) => {
    for (let t = 0; t < ms; t += step) {
      mock.timers.tick(step);
      await net.flush();
    }
  };

  test('a delayed handshake opens only once the fake clock passes the delay', async () => {
    const peer = net.peer('ws://slow.test').delay(5000);
    const ws = client();
    const log = record(ws, ['open', 'error']);
    await ws.connect('ws://slow.test');
    await advance(4000);
    assert.deepEqual(log, []);
    await advance(1000);
    assert.deepEqual(log.map(([t]) => t), ['open']);
    assert.equal(peer.connections.length, 1);
  });

  test('heartbeat: pongs keep the link; a peer that stops answering is dropped after pongTimeout', async () => {
    const peer = net.peer('ws://hb.test');
    const ws = client();
    const log = record(ws, ['open', 'error', 'close']);
    await ws.connect('ws://hb.test', { pingInterval: 10, pongTimeout: 5 });
    const conn = await peer.nextConnection();
    await advance(60_000);
    assert.equal(conn.pings, 6);
    assert.deepEqual(log.map(([t]) => t), ['open']);
    conn.answerPings(false);
    await advance(15_000);
    assert.deepEqual(log.map(([t]) => t), ['open', 'error', 'close']);
    assert.deepEqual(log[2][1], { code: 0, reason: 'The link is down' });
    assert.equal((await conn.closed).clean, false);
  });

  test('close() while a handshake is delayed aborts it and leaves no timer behind', async () => {
    net.peer('ws://slow.test').delay(60_000);
    const ws = client();
    const log = record(ws, ['open', 'error', 'close']);
    await ws.connect('ws://slow.test');
    await ws.close({ code: 1000, reason: 'never mind' });
    await net.flush();
    assert.deepEqual(log, [['close', { code: 1000, reason: 'never mind' }]]);
    assert.equal(net.handshakes[0].outcome, 'aborted');
    await advance(60_000, 10_000);
    assert.deepEqual(log.length, 1);
  });

  test('latency option: each delivery waits on the fake clock', async () => {
    const slow = createTestNetwork({ latency: 100 });
    slow.peer('ws://far.test', { echo: true });
    const ws = webSocket.createWebSocket({ transport: slow.transport });
    const log = record(ws, ['open', 'message']);
    await ws.connect('ws://far.test');
    mock.timers.tick(100);
    assert.deepEqual(log, []);
    mock.timers.tick(100);
    assert.deepEqual(log.map(([t]) => t), ['open']);
    await ws.send('x');
    mock.timers.tick(100);
    mock.timers.tick(100);
    assert.deepEqual(log.map(([t]) => t), ['open', 'message']);
    slow.close();
  });
});

describe('the default transport', () => {
  test('install() makes code that calls createWebSocket() itself use the network; undo restores it', async () => {
    const before = webSocket.transport;
    assert.equal(before, nodeTransport);
    const undo = net.install();
    assert.equal(webSocket.transport, net.transport);
    assert.equal(webSocket.capabilities.name, 'test');
    const peer = net.peer('ws://code-under-test.test');
    const ws = webSocket.createWebSocket();
    await ws.connect('ws://code-under-test.test');
    assert.equal((await peer.nextConnection()).request.url, 'ws://code-under-test.test/');
    undo();
    assert.equal(webSocket.transport, before);
    net.install();
    net.close();
    assert.equal(webSocket.transport, before, 'close() undoes install() too');
  });
});

test('CommonJS (jest without ESM): require() gets the kit, and install() reaches require(\'ohos-websocket\')', async () => {
  const require = createRequire(import.meta.url);
  const cjs = require('ohos-websocket');
  const kit = require('ohos-websocket/testing');
  const cjsNet = kit.createTestNetwork();
  cjsNet.install();
  assert.equal(cjs.webSocket.capabilities.name, 'test');
  cjsNet.peer('ws://cjs.test', { echo: true });
  const ws = cjs.webSocket.createWebSocket();
  const echoed = new Promise((r) => ws.on('message', (_e, d) => r(d)));
  await ws.connect('ws://cjs.test');
  await ws.send('from require');
  assert.equal(await echoed, 'from require');
  cjsNet.close();
  assert.equal(cjs.webSocket.capabilities.name, 'node');
});

describe('servers on the network', () => {
  test('a server on serverIP:serverPort; clients from other IPs; admission and stop', async () => {
    const server = webSocket.createWebSocketServer({ transport: net.transport });
    const events = [];
    server.on('connect', (c) => events.push(['connect', c.clientIP]));
    server.on('messageReceive', (m) => server.send(`echo ${m.data}`, m.clientConnection));
    server.on('error', (e) => events.push(['error', e.data]));
    await server.start({ serverPort: 8080, maxConcurrentClientsNumber: 1, maxConnectionsForOneClient: 5 });
    const a = client();
    const answer = new Promise((r) => a.on('message', (_e, d) => r(d)));
    await a.connect('ws://localhost:8080'); // the default serverIP 0.0.0.0 takes every IPv4 name
    await a.send('hi');
    assert.equal(await answer, 'echo hi');
    const b = webSocket.createWebSocket({ transport: net.transportFrom('10.0.0.2') });
    const refused = new Promise((r) => b.on('error', (e) => r(e.data)));
    await b.connect('ws://127.0.0.1:8080');
    assert.equal(await refused, '503');
    await net.flush();
    assert.deepEqual(events, [['connect', '127.0.0.1'], ['error', '503']]);
    const second = webSocket.createWebSocketServer({ transport: net.transport });
    await assert.rejects(second.start({ serverIP: '127.0.0.1', serverPort: 8080, maxConcurrentClientsNumber: 1, maxConnectionsForOneClient: 1 }), (e) => e.code === 2302007);
    const closed = new Promise((r) => a.on('close', (_e, v) => r(v)));
    assert.equal(await server.stop(), true);
    assert.deepEqual(await closed, { code: 1001, reason: 'server is going away' });
    const c = client();
    const gone = new Promise((r) => c.on('error', (e) => r(e.data)));
    await c.connect('ws://127.0.0.1:8080');
    assert.equal(await gone, '0', 'after stop() the port refuses');
  });
});

test('wss: a server started with serverCert takes wss: clients (no TLS happens); ws: to it fails', async () => {
  const server = webSocket.createWebSocketServer({ transport: net.transport });
  server.on('messageReceive', (m) => server.send(m.data, m.clientConnection));
  await server.start({ serverPort: 8443, serverCert: { certPath: '/srv/cert.pem', keyPath: '/srv/key.pem' }, maxConcurrentClientsNumber: 2, maxConnectionsForOneClient: 2 });
  const ws = client();
  const echo = new Promise((r) => ws.on('message', (_e, d) => r(d)));
  await ws.connect('wss://127.0.0.1:8443', { caPath: '/srv/ca.pem', clientCert: { certPath: '/c.pem', keyPath: '/k.pem' } });
  await ws.send('secret');
  assert.equal(await echo, 'secret');
  assert.deepEqual(net.handshakes[0].tls.clientCert, { certPath: '/c.pem', keyPath: '/k.pem' });
  const plain = client();
  const failed = new Promise((r) => plain.on('error', (e) => r(e.data)));
  await plain.connect('ws://127.0.0.1:8443');
  assert.equal(await failed, '0');
  await server.stop();
});

test('order: what a server sends from its connect listener arrives after the client\'s open', async () => {
  const server = webSocket.createWebSocketServer({ transport: net.transport });
  server.on('connect', (c) => server.send('first', c));
  await server.start({ serverPort: 0, maxConcurrentClientsNumber: 1, maxConnectionsForOneClient: 1 });
  const ws = client();
  const log = record(ws, ['open', 'message']);
  await ws.connect(`ws://127.0.0.1:${server.port}`);
  await net.flush();
  assert.deepEqual(log, [['open', { status: 101, message: 'Switching Protocols' }], ['message', 'first']]);
  await server.stop();
});

test('close() drops every open link and the runner still exits by itself', async () => {
  const peer = net.peer('ws://api.test');
  const ws = client();
  const log = record(ws, ['close']);
  await ws.connect('ws://api.test', { pingInterval: 30 });
  const conn = await peer.nextConnection();
  net.close();
  await net.flush();
  assert.deepEqual(log, [['close', { code: 0, reason: 'The link is down' }]]);
  assert.equal(conn.state, 'closed');
});

test('close() fails the handshakes under way, even a delayed one, so no client is left connecting', async () => {
  net.peer('ws://slow.test').delay(60_000);
  net.peer('ws://api.test');
  const slow = client();
  const fast = client();
  const log = record(slow, ['open', 'error']);
  const fastLog = record(fast, ['open', 'error']);
  await slow.connect('ws://slow.test', { pingInterval: 30 });
  fast.connect('ws://api.test', { pingInterval: 30 }); // still on its way when the network closes
  net.close();
  await net.flush();
  assert.deepEqual(log.map(([t, e]) => [t, e.data]), [['error', '0']]);
  assert.deepEqual(fastLog.map(([t, e]) => [t, e.data]), [['error', '0']]);
  assert.deepEqual(net.handshakes.map((h) => h.outcome), ['aborted', 'aborted']);
});

