// `npm run bench`: the package against the raw transports it wraps, side by side, in one run: the
// six rows of issue 14 (Node client ×2, server, Chromium, memory, script-tag size), each with its
// noise floor. Prints Markdown tables and, on a full run, writes bench/results/latest.{md,json}.
//
//   node bench/run.mjs            full run (≈ 10 minutes on 2 quiet cores)
//   node bench/run.mjs --quick    short run (≈ 2 minutes), same workloads, fewer and shorter slices;
//                                 indicative figures, written to the OS temp dir (the tree stays clean)
//   node bench/run.mjs --only=server,size   a subset: size, node-client, server, chromium, memory
//                                 (+ deno, opt-in: not one of the six rows)
//   node bench/run.mjs --readme   also puts the tables into docs/bench.md and the summary into README.md
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { echoServer, runJsonLines } from './lib/proc.mjs';
import { machine as describe } from './lib/machine.mjs';
import { report, summary } from './lib/report.mjs';
import { baselineSizes, packageSizes } from './size/size.mjs';
import { nodeClient } from './node/scenario-client.mjs';
import { nodeServer } from './node/scenario-server.mjs';
import { nodeMemory } from './node/scenario-memory.mjs';
import { DENO, denoClient } from './deno/scenario.mjs';
import { chromiumClient } from './browser/scenario.mjs';
import { CHROMIUM } from './browser/chromium.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const DEFAULT = ['size', 'node-client', 'server', 'chromium', 'memory'];
const wanted = (name) => (only ? only.includes(name) : DEFAULT.includes(name));
if (quick && args.includes('--readme')) {
  process.stderr.write('--readme takes the figures of a full run only (a --quick run is indicative)\n');
  process.exit(2);
}

/** Slice sizes: long enough that one slice is ≥ ~100 ms of CPU, short enough to alternate often. */
const CONFIG = quick
  ? {
      node: { rounds: 1, pairs: 3, small: { count: 10_000 }, large: { count: 24 } },
      server: { rounds: 1, pairs: 3, clients: 100, messages: 200, inflight: 100 },
      memory: { samples: 2, connections: 2000 },
      deno: { rounds: 1, pairs: 3, small: { count: 20_000 }, large: { count: 24 } },
      chromium: { rounds: 1, pairs: 3, count: 4000 },
    }
  : {
      node: { rounds: 5, pairs: 4, small: { count: 25_000 }, large: { count: 64 } },
      server: { rounds: 8, pairs: 4, clients: 100, messages: 500, inflight: 100 },
      memory: { samples: 3, connections: 2000 },
      deno: { rounds: 3, pairs: 4, small: { count: 50_000 }, large: { count: 80 } },
      chromium: { rounds: 4, pairs: 4, count: 8000 },
    };

const started = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);

const machine = describe({ deno: DENO, chromium: CHROMIUM });
machine.mode = quick ? '--quick' : 'full';
const rows = [];
let size;
/**
 * Runs one scenario; a scenario that breaks (a browser that will not start, a build that throws) is
 * printed as a skipped row with its error, and the run goes on with the others.
 */
async function scenario(name, target, fn) {
  if (!wanted(name)) return;
  try {
    rows.push(...(await fn()));
  } catch (e) {
    log(`${name} failed: ${e?.stack ?? e}`);
    rows.push({ id: name, title: name, runtime: name, target, memory: name === 'memory', skipped: `failed: ${String(e?.message ?? e).split('\n')[0]}` });
  }
}

const echo = await echoServer();
try {
  if (wanted('size')) {
    log('script-tag sizes');
    size = { package: await packageSizes(), baseline: await baselineSizes() };
  }
  await scenario('node-client', { cpu: 1.03 }, async () => {
    log('core overhead without I/O');
    const [line] = await runJsonLines(process.execPath, ['--expose-gc', fileURLToPath(new URL('./node/overhead.mjs', import.meta.url)), '--json']);
    machine.coreNs = line;
    const [registry] = await runJsonLines(process.execPath, ['--expose-gc', fileURLToPath(new URL('./node/registry-cost.mjs', import.meta.url)), '--json']);
    machine.registry = registry;
    return nodeClient(CONFIG.node, echo, log);
  });
  await scenario('server', { cpu: 1.05 }, async () => {
    log('UTF-8 decode/encode of a 64-byte text, in isolation');
    const [line] = await runJsonLines(process.execPath, ['--expose-gc', fileURLToPath(new URL('./node/utf8-cost.mjs', import.meta.url)), '--json']);
    machine.utf8 = line;
    return nodeServer(CONFIG.server, log);
  });
  await scenario('deno', { cpu: 1.03 }, () => denoClient(CONFIG.deno, echo, log, machine));
  await scenario('chromium', { cpu: 1.03 }, () => chromiumClient(CONFIG.chromium, echo, log, machine));
  await scenario('memory', { extraBytes: 1024 }, () => nodeMemory(CONFIG.memory, echo, log));
} finally {
  await echo.stop();
}
machine.loadAfter = loadavg().map((x) => x.toFixed(2)).join(' ');
machine.seconds = Math.round((Date.now() - started) / 1000);

const md = report({ rows, size, machine });
// A quick (or partial) run is indicative: it never replaces the committed results of a full run.
const partial = quick || only;
const dir = partial ? join(tmpdir(), 'ohos-websocket-bench/') : fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}latest.md`, md);
writeFileSync(`${dir}latest.json`, `${JSON.stringify({ date: new Date().toISOString(), config: CONFIG, machine, rows, size }, null, 2)}\n`);
process.stdout.write(`\n${md}`);
const readme = fileURLToPath(new URL('../docs/bench.md', import.meta.url));
if (args.includes('--readme') && existsSync(readme)) {
  const text = readFileSync(readme, 'utf8');
  const [begin, end] = ['<!-- bench:table -->', '<!-- /bench:table -->'];
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const table = `${begin}\n\n${date} UTC, \`npm run bench${quick ? ' -- --quick' : ''}\`.\n\n${md.trim()}\n\n${end}`;
  writeFileSync(readme, text.slice(0, text.indexOf(begin)) + table + text.slice(text.indexOf(end) + end.length));
  const front = fileURLToPath(new URL('../README.md', import.meta.url));
  const [b2, e2] = ['<!-- bench:summary -->', '<!-- /bench:summary -->'];
  const r = readFileSync(front, 'utf8');
  if (r.includes(b2) && r.includes(e2)) writeFileSync(front, r.slice(0, r.indexOf(b2)) + `${b2}\n${summary({ rows, size, machine, date })}\n${e2}` + r.slice(r.indexOf(e2) + e2.length));
}
log(`done; tables also in ${dir}latest.md${partial ? ' (indicative: --quick/--only runs are not the committed results)' : ''}`);
