// Memory per idle connection (issue 14): n client connections in one fresh process, each object
// with an `open` and an `error` listener, the package on default options (heartbeat on) vs raw `ws`
// with the same two listeners. The figure is heapUsed + external after repeated full collections,
// divided by n; raw and package samples alternate. Noise: how far apart the raw samples land.
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

/** `cfg`: `{ samples, connections }`. */
export async function nodeMemory(cfg, echo, log) {
  const n = cfg.connections;
  const raw = [];
  const pkg = [];
  for (let i = 0; i < cfg.samples; i++) {
    log(`memory: sample ${i + 1}/${cfg.samples}`);
    raw.push(await clientSample('raw', echo.url, n));
    pkg.push(await clientSample('pkg', echo.url, n));
  }
  return [{
    id: 'node-memory-client',
    title: `Memory: ${n.toLocaleString('en')} idle connections, \`on('open')\` + \`on('error')\`, default options (heartbeat on) vs raw \`ws\``,
    runtime: 'node',
    memory: true,
    target: { extraBytes: EXTRA_TARGET },
    raw: summarise(raw.map((x) => x.total)),
    pkg: summarise(pkg.map((x) => x.total)),
    rawRss: median(raw.map((x) => x.rss)),
    pkgRss: median(pkg.map((x) => x.rss)),
    extra: median(pkg.map((x) => x.total)) - median(raw.map((x) => x.total)),
    floor: raw.length > 1 ? Math.max(...raw.map((x) => x.total)) - Math.min(...raw.map((x) => x.total)) : undefined,
  }];
}
