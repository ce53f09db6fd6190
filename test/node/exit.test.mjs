// Resource hygiene (docs/behaviour.md#resources): a Node process that used the library exits by itself — no leaked
// timer, socket or listener — after each kind of session end. Each scenario runs in a child process
// (test/helpers/exit-child.mjs); a guard kills a child that does not exit and fails the test.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createProxy } from 'proxy';
import { refusedPort, startEchoServer } from '../helpers/peers.mjs';
import { startScriptedServer } from '../helpers/raw-peers.mjs';

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
  let echo, proxy, proxyPort, refused, forbidden;
  before(async () => {
    echo = await startEchoServer();
    proxy = createProxy(createServer());
    await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
    proxyPort = proxy.address().port;
    refused = await refusedPort();
    forbidden = await startScriptedServer([403]);
  });
  after(async () => {
    await echo.close();
    await new Promise((r) => { proxy.close(r); proxy.closeAllConnections(); });
    await forbidden.close();
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
    ['the connection is refused', 'refused', () => ({ url: `ws://127.0.0.1:${refused}` }), 'ok 200'],
    ['the server answers 403', 'refused', () => ({ url: forbidden.url }), 'ok 200'],
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
