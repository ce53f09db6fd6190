// docs/behaviour.md#callbacks-and-promises: an exception thrown by a user callback or listener belongs to the user — it surfaces as
// an ordinary uncaught exception, asynchronously, and neither corrupts the object nor stops later
// events. Checked in a child process so the uncaught exceptions can be captured without failing
// this runner.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startEchoServer } from '../helpers/peers.mjs';

const CHILD = fileURLToPath(new URL('../helpers/throwing-child.mjs', import.meta.url));
let echo;
before(async () => { echo = await startEchoServer(); });
after(() => echo.close());

test('throwing listeners and callbacks: every event still arrives, every throw is an uncaught exception, no rejection', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [CHILD, echo.url], { timeout: 30000 });
  const report = JSON.parse(stdout);
  assert.deepEqual(report.seen, [
    'headerReceive', 'open', 'openInfo',
    'message:a', 'dataEnd', 'message:b', 'dataEnd', 'message:c', 'dataEnd',
    'close',
  ]);
  assert.deepEqual(report.result, { code: 1000, reason: 'CLOSE_NORMAL' });
  assert.deepEqual([...report.caught].sort(), [
    'from close', 'from close callback', 'from connect callback undefined', 'from dataEnd', 'from dataEnd', 'from dataEnd',
    'from headerReceive', 'from message a', 'from message b', 'from message c', 'from open', 'from openInfo',
    'from send callback a', 'from send callback b', 'from send callback c',
  ].sort());
  assert.deepEqual(report.rejections, []);
});
