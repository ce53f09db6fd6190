// Node server echo: the package server vs a raw `ws` server, both hosted in one process under test
// (its CPU is the figure); 100 raw `ws` clients per server in a separate load process.
import { child } from '../lib/proc.mjs';
import { plan } from '../lib/echo-driver.mjs';
import { clientRow, skippedRow } from '../lib/pairs.mjs';

const TARGET = { cpu: 1.05, tput: 0.95 };

/** One fresh server process and load process; returns the pairs (µs of server CPU per message). */
async function round(b, cfg) {
  const host = child('../node/server-host.mjs', [], ['--expose-gc']);
  const load = child('../node/load-gen.mjs');
  try {
    const { ports } = await host.ask({ start: { a: 'raw', b } });
    await load.ask({ connect: { ports, clients: cfg.clients } });
    const total = cfg.clients * cfg.messages;
    const measure = async (k) => {
      await host.ask({ mark: true, gc: true });
      const { wall } = await load.ask({ slice: k, messages: cfg.messages, inflight: cfg.inflight, size: 64 });
      const { cpu } = await host.ask({ mark: true });
      return { cpu: cpu / total, wall: wall / total };
    };
    await measure('a');
    await measure('b');
    const pairs = [];
    for (const order of plan(cfg.pairs)) {
      const pair = {};
      for (const k of order) pair[k] = await measure(k);
      pairs.push(pair);
    }
    return pairs;
  } finally {
    await load.stop();
    await host.stop();
  }
}

/** `cfg`: `{ rounds, pairs, clients, messages, inflight }`. */
export async function nodeServer(cfg, log) {
  const meta = {
    id: 'node-server',
    title: `Node server, ${cfg.clients} clients × ${cfg.messages.toLocaleString('en')} msgs of 64 B text`,
    runtime: 'node',
    target: TARGET,
  };
  const pairs = [];
  const floor = [];
  try {
    for (let r = 0; r < cfg.rounds; r++) {
      log(`node server: round ${r + 1}/${cfg.rounds}`);
      pairs.push(...(await round('pkg', cfg)));
      floor.push(...(await round('raw', cfg)));
    }
  } catch (e) {
    return [skippedRow({ ...meta, reason: `package server unavailable: ${String(e.message).split('\n')[0]}` })];
  }
  return [clientRow({ ...meta, pairs, floor })];
}
