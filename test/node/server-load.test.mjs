// Load (issue 3): 200 clients × 50 messages echoed by our server, none lost, per-connection order
// kept in both directions, the registry empty after all close. 180 `ws` clients (100 from
// 127.0.0.2, 80 from 127.0.0.1) and 20 of our own clients, against limits that fit exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webSocket } from 'ohos-websocket';
import { loopback, openWs, startServer } from '../helpers/server-util.mjs';

const CLIENTS = 200;
const MESSAGES = 50;
/** Message `j` of client `i`: text for even `j`, binary (the same text's bytes) for odd `j`. */
const payload = (i, j) => (j % 2 === 0 ? `c${i}m${j} ✓` : new TextEncoder().encode(`c${i}m${j} bin`).buffer);
const asText = (d) => (typeof d === 'string' ? d : `bin:${new TextDecoder().decode(d)}`);
const expected = (i) => Array.from({ length: MESSAGES }, (_, j) => asText(payload(i, j)));

test(`${CLIENTS} clients × ${MESSAGES} messages echoed, in order, none lost`, async () => {
  const { server, url, next } = await startServer(loopback({ maxConcurrentClientsNumber: 2, maxConnectionsForOneClient: 100 }));
  /** What the server received, per connection key, in arrival order. */
  const atServer = new Map();
  server.on('messageReceive', ({ data, clientConnection: c }) => {
    const key = `${c.clientIP}:${c.clientPort}`;
    if (!atServer.has(key)) atServer.set(key, []);
    atServer.get(key).push(asText(data));
    server.send(data, c);
  });
  const started = Date.now();

  const foreign = (i) =>
    openWs(url, { localAddress: i < 100 ? '127.0.0.2' : '127.0.0.1' }).then(async (ws) => {
      const done = new Promise((resolve) => {
        const got = [];
        ws.on('message', (d, bin) => {
          got.push(bin ? `bin:${d.toString()}` : d.toString());
          if (got.length === MESSAGES) resolve(got);
        });
      });
      for (let j = 0; j < MESSAGES; j++) ws.send(payload(i, j));
      const got = await done;
      ws.close();
      await ws.closed;
      return { got };
    });

  const ours = (i) =>
    new Promise((resolve, reject) => {
      const ws = webSocket.createWebSocket();
      const got = [];
      ws.on('message', (err, d) => {
        got.push(asText(d));
        if (got.length === MESSAGES) ws.close();
      });
      ws.on('close', () => resolve({ got }));
      ws.on('error', reject);
      ws.connect(url).catch(reject);
      // Sent while connecting: queued by our client and flushed in order on open.
      for (let j = 0; j < MESSAGES; j++) ws.send(payload(i, j)).catch(reject);
    });

  const results = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => (i < 180 ? foreign(i) : ours(i))));
  results.forEach((r, i) => assert.deepEqual(r.got, expected(i), `client ${i}`));
  await next('close', CLIENTS);
  const elapsed = Date.now() - started;

  // The server saw each connection's messages in the order they were sent.
  assert.equal(atServer.size, CLIENTS);
  const seen = new Set();
  for (const list of atServer.values()) {
    const i = Number(/^c(\d+)m/.exec(list[0].replace(/^bin:/, ''))[1]);
    assert.deepEqual(list, expected(i));
    seen.add(i);
  }
  assert.equal(seen.size, CLIENTS);
  assert.deepEqual(server.listAllConnections(), []);
  assert.equal(await server.stop(), true);
  console.log(`# server load: ${CLIENTS} clients × ${MESSAGES} messages echoed (${CLIENTS * MESSAGES * 2} frames) in ${elapsed} ms`);
});
