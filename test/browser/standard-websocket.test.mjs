// The `default` exports condition is the browser transport on the standard global WebSocket, so it
// must work outside browsers too: the conformance cases run against dist/browser/index.js in a Node
// child process (undici's WebSocket; Node 20 needs --experimental-websocket) and in Deno, with the
// same `ws` peer on loopback. Each case is its own subtest.
import { after, before, describe, test } from 'node:test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cases, declareRemoteCases } from '../conformance/runner.mjs';
import { startEchoServer, WS_PEER } from '../helpers/peers.mjs';
import { refusedPort, ROOT } from './harness.mjs';

const RUNNER = join(ROOT, 'test/browser/standard-runner.mjs');
const DENO = join(ROOT, 'node_modules/.bin/deno');

/** How long a runner that reported every case may take to exit before it counts as leaking. */
const EXIT_GRACE_MS = 15000;

/**
 * Runs the runner; resolves with its per-case results keyed by name, its exit code, and whether it
 * had to be killed because something (a socket, a timer) kept it alive after its last case.
 */
function runChild(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const results = new Map();
    let out = '';
    let err = '';
    let grace;
    let killed = false;
    const take = (line) => {
      if (!line.startsWith('{')) return;
      const r = JSON.parse(line);
      if (r.done) grace = setTimeout(() => { killed = true; child.kill(); }, EXIT_GRACE_MS);
      else results.set(r.name, r);
    };
    child.stdout.on('data', (d) => {
      out += d;
      const lines = out.split('\n');
      out = lines.pop();
      lines.forEach(take);
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(grace);
      take(out);
      resolve({ code, killed, results, stderr: err });
    });
  });
}

const RUNTIMES = {
  // Node ≥ 22 has the global already; Node 20 exposes the same undici WebSocket behind a flag.
  node: () => [process.execPath, [...(typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : []), RUNNER]],
  deno: existsSync(DENO) ? () => [DENO, ['run', '--quiet', '--no-prompt', '--allow-net=127.0.0.1', '--allow-read', RUNNER]] : undefined,
};

for (const [runtime, command] of Object.entries(RUNTIMES)) {
  describe(`conformance: browser transport on ${runtime}'s standard WebSocket`, { skip: command ? false : `${runtime} not installed` }, () => {
    let echo;
    let run;
    before(async () => {
      echo = await startEchoServer();
      const urls = { echo: echo.url, refused: `ws://127.0.0.1:${await refusedPort()}` };
      const [cmd, args] = command();
      run = await runChild(cmd, [...args, JSON.stringify({ urls, peer: WS_PEER })]);
    });
    after(() => echo?.close());

    test('the runtime ran every case and exited by itself with status 0', () => {
      if (run.killed) throw new Error(`still running ${EXIT_GRACE_MS} ms after its last case: a socket or timer was left open`);
      if (run.code !== 0 || run.results.size !== cases.length) {
        throw new Error(`exit ${run.code}, ${run.results.size}/${cases.length} cases reported\n${run.stderr}`);
      }
    });
    declareRemoteCases(
      async (name) => run.results.get(name) ?? { error: `no result (the runner stopped early)\n${run.stderr}` },
      (name, body) => test(name, (t) => body((why) => t.skip(why))),
      `on ${runtime}`,
    );
  });
}
