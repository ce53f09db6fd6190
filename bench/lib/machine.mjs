// The machine a run came from: CPU, cores, memory, load, and the runtime versions measured.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const quiet = (fn) => {
  try {
    return fn();
  } catch {
    return undefined;
  }
};

export function machine({ deno, chromium }) {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    ws: require('ws/package.json').version,
    deno: quiet(() => execFileSync(deno, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0].replace(/^deno /, '')),
    chromium: quiet(() => execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).match(/\d+(\.\d+)+/)?.[0]),
    loadBefore: loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}
