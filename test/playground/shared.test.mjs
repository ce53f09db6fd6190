// The code-sharing story, for real: playground/shared/chat.ts (HarmonyOS-style code importing
// `@kit.NetworkKit` and `@kit.BasicServicesKit`) type-checks against the package's declarations
// through tsconfig `paths`, and runs unchanged in Node (module hooks) and in Deno (import map) —
// here both at once, talking to each other through the playground's chat room.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { root, startPlayground } from './start.mjs';

const deno = join(root, 'node_modules/.bin/deno');
const denoBuilt = existsSync(join(root, 'dist/deno/index.js'));

/**
 * Starts a command; `done` resolves with its exit code and combined output, `seen(re)` once its
 * output matches `re`.
 */
function start(cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters = [];
  const onData = (d) => {
    out += d;
    for (const w of waiters) if (w.re.test(out)) w.resolve();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const done = once(child, 'exit').then(([code]) => ({ code, out }));
  const seen = (re) =>
    new Promise((resolve, reject) => {
      waiters.push({ re, resolve });
      onData('');
      done.then(() => reject(new Error(`exited without printing ${re}:\n${out}`)));
    });
  return { done, seen };
}

const run = (cmd, args, env) => start(cmd, args, env).done;

const nodeScript = (...args) =>
  start(process.execPath, ['--import', './playground/node/register.mjs', 'playground/node/chat.mjs', ...args]);

const denoScript = (...args) =>
  start(deno, ['run', '--quiet', '--config', 'playground/deno/deno.json', '--allow-net=127.0.0.1', 'playground/deno/chat.ts', ...args], {
    NO_COLOR: '1',
  });

test('the shared module type-checks against the package types via tsconfig paths', async () => {
  const { code, out } = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'playground']);
  assert.equal(code, 0, out);
});

describe('the shared module, unchanged, in Node and Deno', () => {
  let playground;
  before(async () => {
    playground = await startPlayground();
  });
  after(async () => {
    // Ctrl+C: the server stops its WebSocket servers and the process ends by itself, code 0.
    assert.deepEqual(await playground.stop('SIGINT'), { code: 0, signal: null }, playground.output());
  });

  test('Node: joins the room, says a line, hears it back, leaves, exits by itself', async () => {
    const { code, out } = await nodeScript(playground.config.chat, 'node-solo', 'hello from Node').done;
    assert.equal(code, 0, out);
    assert.match(out, /^\* transport: node$/m);
    assert.match(out, /^\* joined$/m);
    assert.match(out, /^node-solo: hello from Node$/m);
    assert.match(out, /^\* left \(1000 node-solo left\)$/m);
  });

  test('Node: a refused connection rejects join() with the BusinessError of the error event', async () => {
    // The page port speaks HTTP, not WebSocket: the handshake is refused with a status code.
    const url = playground.url.replace('http:', 'ws:');
    const { code, out } = await nodeScript(url, 'nobody', 'unheard').done;
    assert.notEqual(code, 0);
    assert.match(out, /^\* error 200: Websocket connect failed/m);
    assert.match(out, /^failed: 200 /m);
  });

  test('Deno and Node talk to each other through the room', { skip: denoBuilt ? false : 'dist/deno not built' }, async () => {
    // Deno joins and listens until node-user speaks; Node starts once Deno is in the room and
    // waits for a second member before speaking.
    const listener = denoScript(playground.config.chat, 'deno-user', '--until', 'node-user');
    await listener.seen(/^\* joined$/m);
    const fromNode = await nodeScript(playground.config.chat, 'node-user', 'hello Deno, from Node', '--wait', '2').done;
    const fromDeno = await listener.done;
    assert.equal(fromDeno.code, 0, fromDeno.out);
    assert.equal(fromNode.code, 0, fromNode.out);
    assert.match(fromDeno.out, /^\* transport: deno$/m);
    assert.match(fromDeno.out, /^node-user: hello Deno, from Node$/m);
    assert.match(fromDeno.out, /^\* left \(1000 deno-user left\)$/m);
    assert.match(fromNode.out, /^\* transport: node$/m);
    assert.match(fromNode.out, /^\* 2 online$/m);
    assert.match(fromNode.out, /^node-user: hello Deno, from Node$/m);
  });

  test('Deno: says a line and hears it back', { skip: denoBuilt ? false : 'dist/deno not built' }, async () => {
    const { code, out } = await denoScript(playground.config.chat, 'deno-solo', 'hello from Deno').done;
    assert.equal(code, 0, out);
    assert.match(out, /^deno-solo: hello from Deno$/m);
  });
});
