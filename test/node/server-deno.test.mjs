// Our Node server driven by a client that is not ours: Deno's native WebSocket (the `deno` npm
// package's binary), run as a child process on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loopback, startServer } from '../helpers/server-util.mjs';

const deno = fileURLToPath(new URL('../../node_modules/.bin/deno', import.meta.url));
const script = fileURLToPath(new URL('../helpers/server-deno-client.mjs', import.meta.url));

/** Runs the Deno client; resolves with its JSON report. */
const runDeno = (...args) =>
  new Promise((resolve, reject) => {
    execFile(deno, ['run', '--quiet', '--no-config', '--allow-net=127.0.0.1', script, ...args], (err, stdout, stderr) => {
      if (err) return reject(new Error(`deno failed: ${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()));
    });
  });

test('Deno client: text and binary echoed, its close code and reason reach the close event', async (t) => {
  const { server, url, next } = await startServer(loopback({ protocol: 'chat' }));
  t.after(() => server.stop());
  server.on('messageReceive', (m) => server.send(m.data, m.clientConnection));
  const out = await runDeno(url, 'echo', 'chat');
  assert.deepEqual(out, {
    protocol: 'chat',
    echoes: ['from deno 😀', [1, 2, 3, 255]],
    close: { code: 4000, reason: 'deno bye', wasClean: true },
  });
  const [conn] = await next('connect');
  assert.equal(conn.clientIP, '127.0.0.1');
  const [closedConn, result] = await next('close');
  assert.deepEqual(closedConn, conn);
  assert.deepEqual(result, { code: 4000, reason: 'deno bye', closeReason: 'deno bye' });
  assert.deepEqual(server.listAllConnections(), []);
});

test('Deno client: server close(conn, options) and stop() reach it with their codes', async () => {
  const { server, url, next } = await startServer();
  server.on('messageReceive', (m) => server.close(m.clientConnection, { code: 4001, reason: 'kicked' }));
  const kicked = await runDeno(url, 'wait');
  assert.deepEqual(kicked.close, { code: 4001, reason: 'kicked', wasClean: true });
  assert.deepEqual((await next('close'))[1], { code: 4001, reason: 'kicked', closeReason: 'kicked' });

  let stopping;
  server.on('messageReceive', () => { stopping = server.stop(); });
  const stopped = await runDeno(url, 'wait');
  assert.deepEqual(stopped.close, { code: 1001, reason: 'server is going away', wasClean: true });
  assert.equal(await stopping, true);
  assert.equal(server.port, undefined);
  assert.deepEqual(server.listAllConnections(), []);
});
