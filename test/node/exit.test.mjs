// Resource hygiene (SPEC §7): a Node process that used the library exits by itself — no leaked
// timer, socket or listener — after each kind of session end. Each scenario runs in a child process
// (test/helpers/exit-child.mjs); a guard kills a child that does not exit and fails the test.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createProxy } from 'proxy';
import { startEchoServer } from '../helpers/peers.mjs';

const CHILD = fileURLToPath(new URL('../helpers/exit-child.mjs', import.meta.url));
const GUARD_MS = 30000;

/** Runs a scenario; resolves with {code, stdout, stderr}; kills the child after GUARD_MS. */
function runChild(scenario, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, scenario, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let killed = false;
    const guard = setTimeout(() => { killed = true; child.kill('SIGKILL'); }, GUARD_MS);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, killed, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });
}

describe('a process that used the library exits by itself', () => {
  let echo, proxy, proxyPort, refusedPort, forbidden;
  before(async () => {
    echo = await startEchoServer();
    proxy = createProxy(createServer());
    await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
    proxyPort = proxy.address().port;
    const s = createNetServer();
    await new Promise((r) => s.listen(0, '127.0.0.1', r));
    refusedPort = s.address().port;
    await new Promise((r) => s.close(r));
    forbidden = createServer((_req, res) => res.writeHead(403).end());
    forbidden.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n'));
    await new Promise((r) => forbidden.listen(0, '127.0.0.1', r));
  });
  after(async () => {
    await echo.close();
    await new Promise((r) => { proxy.close(r); proxy.closeAllConnections(); });
    await new Promise((r) => { forbidden.close(r); forbidden.closeAllConnections(); });
  });

  const viaProxy = () => ({ proxy: { host: '127.0.0.1', port: proxyPort, exclusionList: [] } });
  const normal = 'ok {"code":1000,"reason":"CLOSE_NORMAL"}';
  // [name, scenario, args (computed when the test runs, after the peers started), expected stdout]
  const scenarios = [
    ['connect, echo, close', 'echo', () => ({ url: echo.url }), normal],
    ['…with a 1-second heartbeat', 'echo', () => ({ url: echo.url, options: { pingInterval: 1, pongTimeout: 1 } }), normal],
    ['…through an HTTP proxy', 'echo', () => ({ url: echo.url, options: viaProxy() }), normal],
    ['the peer closes', 'peerClose', () => ({ url: echo.url }), 'ok {"code":4000,"reason":"bye"}'],
    ['the peer drops the link (heartbeat running)', 'drop', () => ({ url: echo.url }), 'ok 200 {"code":0,"reason":"The link is down"}'],
    ['the connection is refused', 'refused', () => ({ url: `ws://127.0.0.1:${refusedPort}` }), 'ok 200'],
    ['the server answers 403', 'refused', () => ({ url: `ws://127.0.0.1:${forbidden.address().port}` }), 'ok 200'],
    ['close() while connecting', 'abort', () => ({ url: echo.url }), normal],
    ['close() while connecting through a proxy', 'abort', () => ({ url: echo.url, options: viaProxy() }), normal],
    ['callback style, listeners left registered', 'callbacks', () => ({ url: echo.url }), normal],
  ];
  for (const [name, scenario, args, expected] of scenarios) {
    test(name, async () => {
      const r = await runChild(scenario, args());
      assert.equal(r.killed, false, `the child did not exit within ${GUARD_MS} ms (stdout: ${r.stdout}; stderr: ${r.stderr})`);
      assert.equal(r.code, 0, `exit code ${r.code}: ${r.stderr}`);
      assert.equal(r.stdout, expected);
      assert.equal(r.stderr, '', 'no warnings or errors');
    });
  }
});
