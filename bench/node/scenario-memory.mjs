// Memory per idle connection: n client connections in one process (package vs raw `ws`), and n
// connections held by one server process (package server vs raw `ws` server). Each sample is a fresh
// process; raw and package samples alternate. The figure is JS heap + external memory after full
// collections, divided by n; RSS per connection is printed next to it.
import { child } from '../lib/proc.mjs';
import { median, summarise } from '../lib/stats.mjs';

const EXTRA_TARGET = 1024;

const perConn = (m0, m1, n) => ({ total: (m1.total - m0.total) / n, rss: (m1.rss - m0.rss) / n });

async function clientSample(kind, url, n) {
  const c = child('../node/memory-client.mjs', [], ['--expose-gc']);
  try {
    await c.ask({ setup: { url, kind } });
    const m0 = await c.ask({ measure: true });
    await c.ask({ open: n });
    return perConn(m0, await c.ask({ measure: true }), n);
  } finally {
    await c.stop();
  }
}

async function serverSample(kind, n) {
  const s = child('../node/memory-server.mjs', [], ['--expose-gc']);
  const c = child('../node/memory-client.mjs');
  try {
    const { port } = await s.ask({ start: kind });
    await c.ask({ setup: { url: `ws://127.0.0.1:${port}`, kind: 'raw' } });
    const m0 = await s.ask({ measure: true });
    await c.ask({ open: n });
    return perConn(m0, await s.ask({ measure: true }), n);
  } finally {
    await c.stop();
    await s.stop();
  }
}

function row(id, title, raw, pkg) {
  return {
    id,
    title,
    runtime: 'node',
    memory: true,
    target: { extraBytes: EXTRA_TARGET },
    raw: summarise(raw.map((x) => x.total)),
    pkg: summarise(pkg.map((x) => x.total)),
    rawRss: median(raw.map((x) => x.rss)),
    pkgRss: median(pkg.map((x) => x.rss)),
    extra: median(pkg.map((x) => x.total)) - median(raw.map((x) => x.total)),
    // Noise: how far apart two raw samples of the same harness land.
    floor: raw.length > 1 ? Math.max(...raw.map((x) => x.total)) - Math.min(...raw.map((x) => x.total)) : undefined,
  };
}

/** `cfg`: `{ samples, connections }`. */
export async function nodeMemory(cfg, echo, log) {
  const n = cfg.connections;
  const rows = [];
  const raw = [];
  const pkg = [];
  const quiet = [];
  for (let i = 0; i < cfg.samples; i++) {
    log(`memory, client: sample ${i + 1}/${cfg.samples}`);
    raw.push(await clientSample('raw', echo.url, n));
    pkg.push(await clientSample('pkg', echo.url, n));
    quiet.push(await clientSample('pkgNoHeartbeat', echo.url, n));
  }
  rows.push(row('node-memory-client', `Node client, ${n.toLocaleString('en')} idle connections (default 30 s heartbeat)`, raw, pkg));
  rows.push(row('node-memory-client-quiet', `Node client, ${n.toLocaleString('en')} idle connections, \`pingInterval: 0\` (no heartbeat, like raw ws)`, raw, quiet));
  const sraw = [];
  const spkg = [];
  try {
    for (let i = 0; i < cfg.samples; i++) {
      log(`memory, server: sample ${i + 1}/${cfg.samples}`);
      sraw.push(await serverSample('raw', n));
      spkg.push(await serverSample('pkg', n));
    }
    rows.push(row('node-memory-server', `Node server, ${n.toLocaleString('en')} idle connections`, sraw, spkg));
  } catch (e) {
    rows.push({ id: 'node-memory-server', title: 'Node server, idle connections', runtime: 'node', memory: true, target: { extraBytes: EXTRA_TARGET }, skipped: `package server unavailable: ${String(e.message).split('\n')[0]}` });
  }
  return rows;
}
