// Node client echo: package vs raw `ws`, against the shared echo server in its own process.
// Each round is a fresh process; package rounds and raw-vs-raw (noise floor) rounds alternate.
import { child } from '../lib/proc.mjs';
import { clientRow } from '../lib/pairs.mjs';

/** The payload cases of every client scenario (Node, Deno, Chromium share them). */
export const CASES = [
  { id: 'text64', title: '64 B text, 1,000 in flight', kind: 'text', size: 64, target: { cpu: 1.03, tput: 0.97 } },
  { id: 'bin64', title: '64 B binary, 1,000 in flight', kind: 'binary', size: 64, target: { cpu: 1.03, tput: 0.97 } },
  { id: 'bin1m', title: '1 MiB binary, 8 in flight', kind: 'binary', size: 1 << 20, target: { cpu: 1.02, tput: 0.98 } },
];

async function round(job) {
  const c = child('../node/client-echo.mjs', [], ['--expose-gc']);
  try {
    return (await c.ask(job)).pairs;
  } finally {
    await c.stop();
  }
}

/** `cfg`: `{ rounds, pairs, small: {count, inflight}, large: {count, inflight} }`. */
/** Node only: the same 64 B binary case against raw `ws` delivering ArrayBuffers too. */
const NODE_EXTRA = [
  { id: 'bin64ab', title: "64 B binary vs raw ws with binaryType 'arraybuffer'", kind: 'binary', size: 64, raw: 'rawArrayBuffer', target: { cpu: 1.03, tput: 0.97 } },
];

export async function nodeClient(cfg, echo, log) {
  const rows = [];
  for (const c of [...CASES, ...NODE_EXTRA]) {
    const shape = c.size > 65536 ? cfg.large : cfg.small;
    const base = { url: echo.url, a: c.raw ?? 'raw', kind: c.kind, size: c.size, pairs: cfg.pairs, ...shape };
    const pairs = [];
    const floor = [];
    for (let r = 0; r < cfg.rounds; r++) {
      log(`node client ${c.id}: round ${r + 1}/${cfg.rounds}`);
      pairs.push(...(await round({ ...base, b: 'pkg' })));
      floor.push(...(await round({ ...base, b: base.a })));
    }
    rows.push(clientRow({ id: `node-client-${c.id}`, title: `Node client, ${c.title}`, runtime: 'node', target: c.target, pairs, floor }));
  }
  return rows;
}
