// `npm test` itself (scripts/test.mjs): a short readable report whose last line is `N passed, N
// failed`, subsets that need no Chromium, and a wrong CHROMIUM_PATH reported as an error, never a
// silent fallback or skip. Runs the script on small subsets with --no-build (the suite built already).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function runTests(args, extraEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ohos-ws-runner-'));
  const env = { ...process.env, TEST_REPORT_FILE: join(dir, 'test.tap'), ...extraEnv };
  delete env.NODE_TEST_CONTEXT;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/test.mjs', '--no-build', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
    child.on('close', (code) => {
      let tap = '';
      try {
        tap = readFileSync(env.TEST_REPORT_FILE, 'utf8');
      } catch {}
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, stderr, tap });
    });
  });
}

test('a subset prints dots and ends with "N passed, N failed" alone on the last line; TAP goes to a file', async () => {
  const r = await runTests(['test/package/metadata']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines.at(-1), /^[1-9]\d* passed, 0 failed$/);
  assert.doesNotMatch(r.stdout, /TAP version|^ok \d/m, 'TAP belongs in the report file, not on the terminal');
  assert.match(r.tap, /^# pass [1-9]/m);
  assert.ok(lines.length < 10, r.stdout);
});

test('--no-chromium leaves out the files that drive Chromium, so no browser is needed', async () => {
  const r = await runTests(['--no-chromium', 'test/package/metadata', 'test/playground/page'], { CHROMIUM_PATH: '/nonexistent/chromium' });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^1 test files;/m);
  assert.doesNotMatch(r.tap, /playground page in Chromium/);
});

test('a CHROMIUM_PATH naming no browser is an error that says so, and nothing runs', async () => {
  const r = await runTests(['test/playground/page'], { CHROMIUM_PATH: '/nonexistent/chromium' });
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /CHROMIUM_PATH=\/nonexistent\/chromium does not exist/);
  assert.equal(r.tap, '');
});

test('a test file that drives Chromium fails on a wrong CHROMIUM_PATH instead of skipping', async () => {
  const { findChromium } = await import('../../scripts/chromium.mjs');
  const saved = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = '/nonexistent/chromium';
  try {
    assert.throws(() => findChromium(), /CHROMIUM_PATH=\/nonexistent\/chromium does not exist/);
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  }
});
