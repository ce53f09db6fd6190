// ohos-websocket/reconnect leaves nothing behind (issue 13, docs/behaviour.md#resources): close() while connecting,
// while backing off (a 60 s timer pending) and while open, and a session that gives up, each in a
// child process that must exit by itself; a guard kills a child that does not and fails the test.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { refusedPort, startEchoServer } from '../helpers/peers.mjs';
import { startScriptedServer } from '../helpers/raw-peers.mjs';

const CHILD = fileURLToPath(new URL('../helpers/reconnect-child.mjs', import.meta.url));
const GUARD_MS = 30000;

const runChild = (state, url) => new Promise((resolve) => {
  const child = spawn(process.execPath, [CHILD, state, url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const guard = setTimeout(() => child.kill('SIGKILL'), GUARD_MS);
  child.on('exit', (code, signal) => {
    clearTimeout(guard);
    resolve({ code, signal, out: out.trim(), err: err.trim() });
  });
});

describe('a process that used a reconnecting WebSocket exits by itself', () => {
  let echo, silent, refused;
  before(async () => {
    echo = await startEchoServer();
    silent = await startScriptedServer(['silent']);
    refused = `ws://127.0.0.1:${await refusedPort()}`;
  });
  after(() => Promise.all([echo.close(), silent.close()]));

  const cases = [
    ['close() while connecting', 'connecting', () => silent.url, 'ok {"code":4000,"reason":"connecting"}'],
    ['close() while backing off', 'backoff', () => refused, 'ok {"code":4000,"reason":"backoff"}'],
    ['close() while open (heartbeat running)', 'open', () => echo.url, 'ok {"code":4000,"reason":"open"}'],
    ['the session gives up', 'giveUp', () => refused, 'ok {"code":0,"reason":"The link is down"}'],
  ];
  for (const [name, state, url, expected] of cases) {
    test(name, async () => {
      const r = await runChild(state, url());
      assert.equal(r.signal, null, `killed after ${GUARD_MS} ms: something kept the process alive (${r.out} ${r.err})`);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, expected);
      assert.equal(r.err, '');
    });
  }
});
