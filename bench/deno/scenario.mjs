// Deno client echo (opt-in: `--only=deno`; not one of issue 14's rows): the package's dist/deno build vs Deno's own WebSocket, in fresh Deno processes,
// against the shared echo server. Package rounds and raw-vs-raw (noise floor) rounds alternate.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runJsonLines } from '../lib/proc.mjs';
import { clientRow, skippedRow } from '../lib/pairs.mjs';
import { CASES } from '../node/scenario-client.mjs';

const here = (rel) => fileURLToPath(new URL(rel, import.meta.url));
export const DENO = here('../../node_modules/.bin/deno');
const BUILD = here('../../dist/deno/index.js');

async function round(job) {
  const lines = await runJsonLines(DENO, [
    'run', '--quiet', '--no-lock', '--v8-flags=--expose-gc', '--allow-net=127.0.0.1', `--allow-read=${here('../..')}`, '--allow-env',
    here('./client-echo.mjs'), JSON.stringify(job),
  ], { NO_COLOR: '1' });
  return lines.filter((l) => l.pair).map((l) => l.pair);
}

/** The core's own JavaScript per message in Deno, no I/O. */
async function coreOverhead() {
  const [line] = await runJsonLines(DENO, ['run', '--quiet', '--no-lock', '--v8-flags=--expose-gc', `--allow-read=${here('../..')}`, here('./overhead.mjs')], { NO_COLOR: '1' });
  return line;
}

/** `cfg`: as for the Node client scenario. */
export async function denoClient(cfg, echo, log, machine) {
  const rows = [];
  if (existsSync(BUILD)) machine.coreNsDeno = await coreOverhead();
  for (const c of CASES) {
    const meta = { id: `deno-client-${c.id}`, title: `Deno client, ${c.title}`, runtime: 'deno', target: c.target };
    if (!existsSync(BUILD)) {
      rows.push(skippedRow({ ...meta, reason: 'dist/deno/index.js not built' }));
      continue;
    }
    const count = (c.size > 65536 ? cfg.large : cfg.small).count;
    const base = { url: echo.url, a: 'raw', kind: c.kind, size: c.size, pairs: cfg.pairs, count, inflight: c.window };
    const pairs = [];
    const floor = [];
    for (let r = 0; r < cfg.rounds; r++) {
      log(`deno client ${c.id}: round ${r + 1}/${cfg.rounds}`);
      pairs.push(...(await round({ ...base, b: 'pkg' })));
      floor.push(...(await round({ ...base, b: 'raw' })));
    }
    rows.push(clientRow({ ...meta, pairs, floor }));
  }
  return rows;
}
