// The README's "Reconnecting WebSocket" example, run as written (only the URL points at a local echo
// server, and the commented-out close() is called so the example ends) in a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startEchoServer } from '../helpers/peers.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('the README example runs: online, the echo, then the session ends with 1000', async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Reconnecting WebSocket'));
  const code = /```js\n([\s\S]*?)```/.exec(section)[1];
  assert.match(code, /ws:\/\/127\.0\.0\.1:8080\/feed/);
  const echo = await startEchoServer();
  const dir = mkdtempSync(join(tmpdir(), 'reconnect-readme-'));
  try {
    const file = join(dir, 'example.mjs');
    const module = pathToFileURL(join(ROOT, 'dist/node/reconnect.mjs')).href;
    writeFileSync(file, code
      .replace("'ohos-websocket/reconnect'", `'${module}'`)
      .replace('ws://127.0.0.1:8080', echo.url)
      .replace('// later: await ws.close();', "await new Promise((r) => ws.on('message', (e, d) => (console.log('got', d), r())));\nawait ws.close();"));
    const r = await new Promise((resolve) => {
      const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
      const out = { stdout: '', stderr: '' };
      child.stdout.on('data', (d) => (out.stdout += d));
      child.stderr.on('data', (d) => (out.stderr += d));
      const guard = setTimeout(() => child.kill('SIGKILL'), 20000);
      child.on('exit', (status) => { clearTimeout(guard); resolve({ ...out, status }); });
    });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), ['online', 'got hello', 'session over 1000']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await echo.close();
  }
});
