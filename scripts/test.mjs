#!/usr/bin/env node
// `npm test`: builds, type-checks, makes sure Chromium is there (for the browser tests), then runs
// every `test/**/*.test.mjs` with node's own test runner. The runner must exit by itself: no
// force-exit flag is used, so a leaked timer or socket shows up as a hang.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npm', ['run', '--silent', 'build']);
run('npm', ['run', '--silent', 'typecheck']);
const chromium = ensureChromium();
if (chromium) process.env.CHROMIUM_PATH = chromium;

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    // test/examples/ holds the test kit's examples for other runners; kit-examples.test.mjs runs them.
    if (statSync(p).isDirectory()) {
      if (p !== join('test', 'examples')) walk(p);
    }
    else if (name.endsWith('.test.mjs')) files.push(p);
  }
};
walk('test');
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
run(process.execPath, ['--test', '--test-concurrency=2', ...selected]);
