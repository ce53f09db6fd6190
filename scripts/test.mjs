#!/usr/bin/env node
// `npm test`: builds, type-checks, makes sure Chromium is there when a selected test needs it, then
// runs the selected `test/**/*.test.mjs` with node's own test runner. The runner must exit by itself:
// no force-exit flag is used, so a leaked timer or socket shows up as a hang.
//
//   npm test                                   everything
//   node scripts/test.mjs server tls           the test files whose path contains "server" or "tls"
//   npm test -- --no-chromium                  everything that does not need Chromium
//   npm test -- --no-build                     skip build and type check (dist/ is already fresh)
//
// Output: one dot per test (failures in full at the end), then the counts; the whole TAP report is
// written to test-results/test.tap. The last line is always `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const only = args.filter((a) => !a.startsWith('--'));
for (const f of flags) {
  if (!['--no-build', '--no-chromium'].includes(f)) {
    console.error(`unknown option ${f} (known: --no-build, --no-chromium)`);
    process.exit(2);
  }
}

const run = (cmd) => {
  const r = spawnSync('npm', ['run', '--silent', cmd], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`npm run ${cmd} failed`);
    process.exit(r.status ?? 1);
  }
};
if (!flags.has('--no-build')) {
  run('build');
  run('typecheck');
}

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    // test/examples/ holds the test kit's examples for other runners; kit-examples.test.mjs runs them.
    if (statSync(p).isDirectory()) {
      if (p !== join('test', 'examples')) walk(p);
    } else if (name.endsWith('.test.mjs')) files.push(p);
  }
};
walk('test');
/** A test file drives Chromium when it imports the Chromium helpers or playwright. */
const needsChromium = (file) => /chromium\.mjs|harness\.mjs|playwright-core/.test(readFileSync(file, 'utf8'));
let selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (flags.has('--no-chromium')) selected = selected.filter((f) => !needsChromium(f));
if (selected.length === 0) {
  console.error(`no test file matches ${only.join(' ')}`);
  process.exit(2);
}
if (selected.some(needsChromium)) process.env.CHROMIUM_PATH = ensureChromium();

const TAP = process.env.TEST_REPORT_FILE || join('test-results', 'test.tap'); // the tests of this script use their own
mkdirSync(dirname(TAP), { recursive: true });
const env = { ...process.env };
delete env.NODE_TEST_CONTEXT; // when run from inside a test, report here and not to the outer runner
const child = spawn(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-reporter=dot', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${TAP}`, ...selected],
  { stdio: 'inherit', env },
);
// Ctrl+C reaches the runner too (same process group); wait for it to finish its report.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  const tap = readFileSync(TAP, 'utf8');
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  const [pass, fail, skipped, cancelled, todo] = ['pass', 'fail', 'skipped', 'cancelled', 'todo'].map(count);
  console.log(`\n${selected.length} test files; ${skipped} skipped, ${cancelled} cancelled, ${todo} todo; full report: ${TAP}`);
  console.log(`${pass} passed, ${fail + cancelled} failed`);
  process.exit(code ?? (signal ? 1 : 0));
});
