// Idle client connections in one process, for the memory scenario (issue 14): each object gets an
// `open` and an `error` listener and nothing else, raw `ws` and the package alike; the package
// uses default options (30 s heartbeat on). Driven over IPC by bench/node/scenario-memory.mjs:
//   { setup: { url, kind: 'raw'|'pkg' } } → { ok }   (opens one warm-up connection)
//   { open: n }                            → { ok }   (n more, 100 at a time)
//   { measure: true }                      → { heap, external, total, rss }
import WebSocket from 'ws';
import webSocket from '../../dist/node/index.mjs';
import { memory } from '../lib/memory.mjs';

const held = [];
let job;

const idle = {
  raw: (url) => new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
  }),
  pkg: (url) => new Promise((resolve, reject) => {
    const ws = webSocket.createWebSocket();
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
    ws.connect(url).catch(reject);
  }),
};

const openMany = async (n) => {
  for (let done = 0; done < n; done += 100) {
    held.push(...(await Promise.all(Array.from({ length: Math.min(100, n - done) }, () => idle[job.kind](job.url)))));
  }
};

process.on('message', async (m) => {
  try {
    if (m.setup) {
      job = m.setup;
      await openMany(1);
      process.send({ ok: true });
    } else if (m.open) {
      await openMany(m.open);
      process.send({ ok: true });
    } else if (m.measure) {
      process.send(await memory());
    }
  } catch (e) {
    process.send({ error: String(e?.stack ?? e) });
  }
});
process.on('disconnect', () => process.exit(0));
