// The test kit in the runners users have: test/examples/ holds the same five tests of
// playground/shared/chat.ts (unchanged HarmonyOS-style code) for node:test, vitest and jest, each
// with the setup a user would copy. Here each runner runs its folder as a user would, in a child
// process, and must report every test passed and exit by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name) => `${root}node_modules/${name}`;

/** Runs a command from the repository root; resolves with its exit code and combined output. */
function run(args, env = {}) {
  const childEnv = { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete childEnv.NODE_TEST_CONTEXT; // a node:test child would otherwise report to this runner
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: childEnv });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const TESTS = 5;

test('node:test runs test/examples/node (mock timers, module hooks for the kit names)', async () => {
  const { code, out } = await run(['--import', './playground/node/register.mjs', '--test', 'test/examples/node/']);
  assert.equal(code, 0, out);
  assert.match(out, new RegExp(`# pass ${TESTS}\\b`), out);
  assert.match(out, /# fail 0\b/, out);
});

test('vitest 4 runs test/examples/vitest (vi fake timers, resolve.alias for the kit names)', async () => {
  const { code, out } = await run([bin('vitest/vitest.mjs'), 'run', '--config', 'test/examples/vitest.config.mjs']);
  assert.equal(code, 0, out);
  assert.match(out, new RegExp(`Tests\\s+${TESTS} passed`), out);
});

test('jest 30 runs test/examples/jest (native ESM, jest fake timers, moduleNameMapper)', async () => {
  const { code, out } = await run([bin('jest/bin/jest.js'), '--config', 'test/examples/jest.config.mjs'], {
    NODE_OPTIONS: '--experimental-vm-modules',
  });
  assert.equal(code, 0, out);
  assert.match(out, new RegExp(`Tests:\\s+${TESTS} passed, ${TESTS} total`), out);
});
