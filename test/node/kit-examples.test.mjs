// The test kit in the runners users have: test/examples/ holds the same five tests of
// playground/shared/chat.ts (unchanged HarmonyOS-style code) for node:test, vitest and jest, each
// with the setup a user would copy. Here each runner runs its folder as a user would, in a child
// process, and must report every test passed and exit by itself. The README section "Testing
// HarmonyOS WebSocket code" is run the same way, pasted file by file into an empty project.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name) => `${root}node_modules/${name}`;

/**
 * Runs a command (from the repository root by default); resolves with its exit code and combined
 * output. A runner that does not exit by itself (something left running) is killed after two
 * minutes and reported as such, so the failure names the cause instead of hanging `npm test`.
 */
function run(args, env = {}, cwd = root) {
  const childEnv = { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete childEnv.NODE_TEST_CONTEXT; // a node:test child would otherwise report to this runner
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: childEnv });
    let out = '';
    let hung = false;
    const guard = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, 120_000);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code: hung ? 'did not exit by itself within 2 minutes' : code, out });
    });
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

/** The README section's code blocks that start with a `// <file name>` line, by file name. */
function readmeFiles() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split('\n## Testing HarmonyOS WebSocket code\n')[1].split('\n## ')[0];
  const files = {};
  for (const [, code] of section.matchAll(/```js\n([\s\S]*?)```/g)) {
    const name = /^\/\/ ([\w.-]+\.m?js)\b/.exec(code)?.[1];
    if (name) files[name] = code;
  }
  return files;
}

describe('the README section, pasted into an empty project', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ohos-websocket-readme-'));
    // What `npm install ohos-websocket vitest jest` would give the project.
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules/ohos-websocket'));
    for (const dep of ['vitest', 'jest', '@jest']) symlinkSync(bin(dep), join(dir, 'node_modules', dep));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    for (const [name, code] of Object.entries(readmeFiles())) writeFileSync(join(dir, name), code);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('it has the module under test and a test file per runner', () => {
    assert.deepEqual(Object.keys(readmeFiles()).sort(), [
      'jest.config.mjs', 'kit-names.mjs', 'vitest.config.mjs', 'watch.jest.js', 'watch.js', 'watch.node.test.mjs', 'watch.vitest.js',
    ]);
  });

  test('node --import ./kit-names.mjs --test watch.node.test.mjs', async () => {
    const { code, out } = await run(['--import', './kit-names.mjs', '--test', 'watch.node.test.mjs'], {}, dir);
    assert.equal(code, 0, out);
    assert.match(out, /# pass 3\b/, out);
  });

  test('npx vitest run', async () => {
    const { code, out } = await run([join(dir, 'node_modules/vitest/vitest.mjs'), 'run'], {}, dir);
    assert.equal(code, 0, out);
    assert.match(out, /Tests\s+2 passed/, out);
  });

  test('NODE_OPTIONS=--experimental-vm-modules npx jest', async () => {
    const { code, out } = await run([join(dir, 'node_modules/jest/bin/jest.js')], { NODE_OPTIONS: '--experimental-vm-modules' }, dir);
    assert.equal(code, 0, out);
    assert.match(out, /Tests:\s+2 passed, 2 total/, out);
  });
});
