// Admission limits (docs/behaviour.md#server): distinct client IPs and connections per IP, refused with HTTP 503
// before the upgrade plus an `error` {code: 200}; slots come back on every close path, aborted
// handshakes included. Clients come from 127.0.0.1 and 127.0.0.2 (both loopback) to a 127.0.0.1 server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { loopback, openWs, startServer } from '../helpers/server-util.mjs';

const from = (ip) => ({ localAddress: ip });
const refusedWith503 = (promise) => assert.rejects(promise, /Unexpected server response: 503/);

test('maxConcurrentClientsNumber counts distinct IPs; a new IP over it gets 503 and an error event', async (t) => {
  const { server, url, next, log } = await startServer(loopback({ maxConcurrentClientsNumber: 1, maxConnectionsForOneClient: 5 }));
  t.after(() => server.stop());
  const a1 = await openWs(url, from('127.0.0.1'));
  const a2 = await openWs(url, from('127.0.0.1')); // same IP: not a new client
  await refusedWith503(openWs(url, from('127.0.0.2')));
  const [err] = await next('error');
  assert.equal(err.code, 200);
  assert.equal(err.message, 'Websocket connect failed');
  assert.match(err.cause, /127\.0\.0\.2.*maxConcurrentClientsNumber is 1/);
  assert.equal(JSON.stringify(err), '{"code":200,"data":"503"}');
  assert.equal(err.data, '503');
  assert.equal(log.filter((e) => e[0] === 'connect').length, 2);
  assert.deepEqual(server.listAllConnections().map((c) => c.clientIP), ['127.0.0.1', '127.0.0.1']);
  // When 127.0.0.1 has no connection left, it no longer counts: 127.0.0.2 gets in.
  a1.close();
  a2.terminate();
  await next('close', 2);
  const b = await openWs(url, from('127.0.0.2'));
  const [conn] = await next('connect', 3);
  assert.deepEqual(conn, { clientIP: '127.0.0.2', clientPort: b._socket.localPort });
  await refusedWith503(openWs(url, from('127.0.0.1')));
  await next('error', 2);
});

test('maxConnectionsForOneClient counts connections per IP; other IPs are unaffected', async (t) => {
  const { server, url, next } = await startServer(loopback({ maxConcurrentClientsNumber: 5, maxConnectionsForOneClient: 2 }));
  t.after(() => server.stop());
  const a = [await openWs(url, from('127.0.0.1')), await openWs(url, from('127.0.0.1'))];
  await refusedWith503(openWs(url, from('127.0.0.1')));
  const [err] = await next('error');
  assert.equal(err.code, 200);
  assert.match(err.cause, /maxConnectionsForOneClient is 2/);
  const b = [await openWs(url, from('127.0.0.2')), await openWs(url, from('127.0.0.2'))];
  await refusedWith503(openWs(url, from('127.0.0.2')));
  await next('error', 2);
  assert.equal(server.listAllConnections().length, 4);
  // A server-side close gives the slot back.
  const [first] = await next('connect', 1);
  await server.close(first);
  await next('close', 1);
  a.push(await openWs(url, from('127.0.0.1')));
  assert.equal(server.listAllConnections().length, 4);
  for (const ws of [...a, ...b]) ws.close();
});

test('defaults: 10 connections per IP when the limits are left out', async (t) => {
  const { maxConcurrentClientsNumber, maxConnectionsForOneClient, ...config } = loopback();
  assert.ok(maxConcurrentClientsNumber && maxConnectionsForOneClient);
  const { server, url, next } = await startServer(config);
  t.after(() => server.stop());
  const clients = [];
  for (let i = 0; i < 10; i++) clients.push(await openWs(url));
  await refusedWith503(openWs(url));
  await next('error');
  assert.equal(server.listAllConnections().length, 10);
  for (const ws of clients) ws.close();
});

test('an admitted handshake that aborts gives its slot back and is never listed', async (t) => {
  const { server, url, next, log } = await startServer(loopback({ maxConcurrentClientsNumber: 1, maxConnectionsForOneClient: 1 }));
  t.after(() => server.stop());
  const { port } = new URL(url);
  // Passes admission (a fresh IP, under the limits), then fails the WebSocket handshake itself.
  for (let i = 0; i < 3; i++) {
    const answer = await new Promise((resolve, reject) => {
      const raw = connect({ host: '127.0.0.1', port: Number(port), localAddress: '127.0.0.2' }, () => {
        raw.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Key: not-a-key\r\nSec-WebSocket-Version: 13\r\n\r\n');
      });
      let text = '';
      raw.on('data', (d) => { text += d; });
      raw.on('close', () => resolve(text));
      raw.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 400/);
    assert.deepEqual(server.listAllConnections(), []);
  }
  // Had any of those kept its slot, this client (another IP, limit 1) would be refused.
  const ws = await openWs(url, from('127.0.0.1'));
  await next('connect');
  assert.equal(log.filter((e) => e[0] === 'error').length, 0);
  ws.close();
  await next('close');
  assert.deepEqual(server.listAllConnections(), []);
});

test('limits above 10 are honoured (a server on Node is not capped at 10)', async (t) => {
  const { server, url, next } = await startServer(loopback({ maxConcurrentClientsNumber: 2, maxConnectionsForOneClient: 25 }));
  t.after(() => server.stop());
  const clients = await Promise.all(Array.from({ length: 25 }, () => openWs(url)));
  await next('connect', 25);
  await refusedWith503(openWs(url));
  assert.equal(server.listAllConnections().length, 25);
  for (const ws of clients) ws.terminate();
  await next('close', 25);
  assert.deepEqual(server.listAllConnections(), []);
});
