// Node client echo: package vs raw `ws` (used the ordinary way: text with toString(), binary as the
// Buffer ws hands out), against the shared echo server in its own process. Each round is a fresh
// process; package rounds and raw-vs-raw (noise floor) rounds alternate.
import { child } from '../lib/proc.mjs';
import { clientRow } from '../lib/pairs.mjs';

/**
 * The client workloads (issue 14): 64-byte text and 64-byte binary messages in turn with a window
 * of 1,000, and 1 MiB binary with a window of 16. Deno (opt-in) runs the same cases.
 */
export const CASES = [
  { id: 'mixed64', title: '64 B text + binary, window 1,000', kind: 'mixed', size: 64, window: 1000, target: { cpu: 1.03, tput: 0.97 } },
  { id: 'bin1m', title: '1 MiB binary, window 16', kind: 'binary', size: 1 << 20, window: 16, target: { cpu: 1.03, tput: 0.97 } },
];

async function round(job) {
  const c = child('../node/client-echo.mjs', [], ['--expose-gc']);
  try {
    return (await c.ask(job)).pairs;
  } finally {
    await c.stop();
  }
}

/** `cfg`: `{ rounds, pairs, small: { count }, large: { count } }` (messages per slice). */
export async function nodeClient(cfg, echo, log) {
  const rows = [];
  for (const c of CASES) {
    const count = (c.size > 65536 ? cfg.large : cfg.small).count;
    const base = { url: echo.url, a: 'raw', kind: c.kind, size: c.size, pairs: cfg.pairs, count, inflight: c.window };
    const pairs = [];
    const floor = [];
    for (let r = 0; r < cfg.rounds; r++) {
      log(`node client ${c.id}: round ${r + 1}/${cfg.rounds}`);
      pairs.push(...(await round({ ...base, b: 'pkg' })));
      floor.push(...(await round({ ...base, b: base.a })));
    }
    rows.push(clientRow({ id: `node-client-${c.id}`, title: `Node client, ${c.title}, vs raw \`ws\``, runtime: 'node', target: c.target, pairs, floor }));
  }
  return rows;
}
