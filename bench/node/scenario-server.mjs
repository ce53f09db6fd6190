// Node server echo (issue 14): a package echo server vs a `ws` echo server, each in its OWN
// process (its CPU is the figure), loaded by 100 raw `ws` clients per server from one separate
// load process: 64-byte text, `inflight` messages in flight per client. Slices alternate between
// the two servers; the noise floor is the same harness with two raw servers.
import { child } from '../lib/proc.mjs';
import { plan } from '../lib/echo-driver.mjs';
import { clientRow, skippedRow } from '../lib/pairs.mjs';

const TARGET = { cpu: 1.05, tput: 0.95 };

/** One fresh pair of server processes and a load process; returns the pairs (µs of server CPU per message). */
export async function round(b, cfg, a = 'raw') {
  const hosts = { a: child('../node/server-host.mjs', [], ['--expose-gc']), b: child('../node/server-host.mjs', [], ['--expose-gc']) };
  const load = child('../node/load-gen.mjs');
  try {
    const ports = { a: (await hosts.a.ask({ start: a })).port, b: (await hosts.b.ask({ start: b })).port };
    await load.ask({ connect: { ports, clients: cfg.clients } });
    const total = cfg.clients * cfg.messages;
    const measure = async (k) => {
      await hosts[k].ask({ mark: true, gc: true });
      const { wall } = await load.ask({ slice: k, messages: cfg.messages, inflight: cfg.inflight, size: 64 });
      const { cpu } = await hosts[k].ask({ mark: true });
      return { cpu: cpu / total, wall: wall / total };
    };
    for (let i = 0; i < 2; i++) {
      await measure('a');
      await measure('b');
    }
    const pairs = [];
    for (const order of plan(cfg.pairs)) {
      const pair = {};
      for (const k of order) pair[k] = await measure(k);
      pairs.push(pair);
    }
    return pairs;
  } finally {
    await load.stop();
    await Promise.all([hosts.a.stop(), hosts.b.stop()]);
  }
}

/** `cfg`: `{ rounds, pairs, clients, messages, inflight }`. */
export async function nodeServer(cfg, log) {
  const meta = {
    id: 'node-server',
    title: `Server: package echo vs \`ws\` echo server, ${cfg.clients} clients, 64 B text, ${cfg.inflight} in flight per client (server process CPU)`,
    runtime: 'node',
    target: TARGET,
  };
  const pairs = [];
  const floor = [];
  try {
    for (let r = 0; r < cfg.rounds; r++) {
      log(`server: round ${r + 1}/${cfg.rounds}`);
      pairs.push(...(await round('pkg', cfg)));
      floor.push(...(await round('raw', cfg)));
    }
  } catch (e) {
    return [skippedRow({ ...meta, reason: `package server unavailable: ${String(e.message).split('\n')[0]}` })];
  }
  return [clientRow({ ...meta, pairs, floor })];
}
