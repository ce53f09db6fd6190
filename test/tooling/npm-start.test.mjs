// `npm start` is one process tree: SIGTERM sent to npm alone (as a service manager or `kill <pid>`
// does) and SIGINT sent to its process group (what Ctrl+C in a terminal does) both stop the
// playground and free every port it held.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Resolves with the connection outcome: 'open' or the error code (ECONNREFUSED once freed). */
const probe = (port) =>
  new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve('open');
    });
    s.once('error', (err) => resolve(err.code));
  });

for (const [signal, to] of [['SIGTERM', 'npm'], ['SIGINT', 'the process group (Ctrl+C)']]) {
  test(`npm start, then ${signal} to ${to}: the server stops and its three ports are free`, async () => {
    const npm = spawn('npm', ['start'], {
      cwd: root,
      // The suite has built dist/ already; rebuilding here would race the other test files.
      env: { ...process.env, PORT: '0', OHOS_WS_NO_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so a failure below can clean up the whole tree
    });
    let out = '';
    npm.stdout.setEncoding('utf8').on('data', (s) => (out += s));
    npm.stderr.setEncoding('utf8').on('data', (s) => (out += s));
    const closed = once(npm, 'close'); // every holder of the pipes (npm, sh, node) has exited
    try {
      while (!/Press Ctrl\+C to stop/.test(out)) {
        await Promise.race([once(npm.stdout, 'data'), closed.then(() => assert.fail(`npm start ended early:\n${out}`))]);
      }
      const ports = [/playground: http:\/\/127\.0\.0\.1:(\d+)/, /echo server: ws:\/\/127\.0\.0\.1:(\d+)/, /chat room: +ws:\/\/127\.0\.0\.1:(\d+)/]
        .map((re) => Number(re.exec(out)[1]));
      assert.deepEqual(await Promise.all(ports.map(probe)), ['open', 'open', 'open']);
      if (signal === 'SIGTERM') npm.kill(signal); // npm only, not the group
      else process.kill(-npm.pid, signal);
      await closed;
      assert.match(out, /stopped/, out);
      assert.deepEqual(await Promise.all(ports.map(probe)), ['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED'], out);
    } finally {
      try {
        process.kill(-npm.pid, 'SIGKILL');
      } catch {} // already gone: the expected case
    }
  });
}
