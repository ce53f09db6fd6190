// `npm run bench`: the package against the raw transports it wraps, side by side, in one run.
// Prints Markdown tables (package ÷ raw ratios with their spread and noise floor, absolute figures,
// the machine) and writes them to bench/results/latest.{md,json}.
//
//   node bench/run.mjs            full run (≈ 10 minutes on 2 cores)
//   node bench/run.mjs --quick    short run (≈ 2 minutes), same scenarios, fewer and shorter slices
//   node bench/run.mjs --only=node-client,size   a subset: size, node-client, node-server, memory, deno, chromium
//   node bench/run.mjs --readme   also puts the tables into docs/bench.md (between its markers)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { echoServer, runJsonLines } from './lib/proc.mjs';
import { machine as describe } from './lib/machine.mjs';
import { report } from './lib/report.mjs';
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
const wanted = (name) => !only || only.includes(name);

/** Slice sizes: long enough that one slice is ≥ ~100 ms of CPU, short enough to alternate often. */
const CONFIG = quick
  ? {
      node: { rounds: 1, pairs: 3, small: { count: 10_000, inflight: 1000 }, large: { count: 12, inflight: 8 } },
      server: { rounds: 1, pairs: 2, clients: 100, messages: 300, inflight: 10 },
      memory: { samples: 1, connections: 500 },
      deno: { rounds: 1, pairs: 3, small: { count: 20_000, inflight: 1000 }, large: { count: 20, inflight: 8 } },
      chromium: { rounds: 1, pairs: 2, small: { count: 2000, inflight: 1000 }, large: { count: 6, inflight: 8 } },
    }
  : {
      node: { rounds: 5, pairs: 4, small: { count: 25_000, inflight: 1000 }, large: { count: 40, inflight: 8 } },
      server: { rounds: 6, pairs: 3, clients: 100, messages: 1000, inflight: 10 },
      memory: { samples: 3, connections: 2000 },
      deno: { rounds: 3, pairs: 4, small: { count: 50_000, inflight: 1000 }, large: { count: 80, inflight: 8 } },
      chromium: { rounds: 4, pairs: 4, small: { count: 4000, inflight: 1000 }, large: { count: 10, inflight: 8 } },
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
    size = { package: packageSizes(), baseline: await baselineSizes() };
  }
  await scenario('node-client', { cpu: 1.03 }, async () => {
    log('core overhead without I/O');
    const [line] = await runJsonLines(process.execPath, ['--expose-gc', fileURLToPath(new URL('./node/overhead.mjs', import.meta.url)), '--json']);
    machine.coreNs = line;
    const [registry] = await runJsonLines(process.execPath, ['--expose-gc', fileURLToPath(new URL('./node/registry-cost.mjs', import.meta.url)), '--json']);
    machine.registry = registry;
    return nodeClient(CONFIG.node, echo, log);
  });
  await scenario('node-server', { cpu: 1.05 }, () => nodeServer(CONFIG.server, log));
  await scenario('deno', { cpu: 1.03 }, () => denoClient(CONFIG.deno, echo, log, machine));
  await scenario('chromium', { cpu: 1.03 }, () => chromiumClient(CONFIG.chromium, echo, log, machine));
  await scenario('memory', { extraBytes: 1024 }, () => nodeMemory(CONFIG.memory, echo, log));
} finally {
  await echo.stop();
}
machine.loadAfter = loadavg().map((x) => x.toFixed(2)).join(' ');
machine.seconds = Math.round((Date.now() - started) / 1000);

const md = report({ rows, size, machine });
const dir = fileURLToPath(new URL('./results/', import.meta.url));
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
}
log(`done; tables also in bench/results/latest.md`);
