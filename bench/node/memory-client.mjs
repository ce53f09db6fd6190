// Idle client connections in one process, for the memory scenario (and as the connecting side of the
// server memory scenario). Driven over IPC by bench/run.mjs:
//   { setup: { url, kind: 'raw'|'pkg' } } → { ok }   (opens one warm-up connection)
//   { open: n }                            → { ok }   (n more, 100 at a time)
//   { measure: true }                      → { heap, external, total, rss }
import { memory } from '../lib/memory.mjs';
import { makeSide } from './sides.mjs';

const sides = [];
let job;

const openMany = async (n) => {
  for (let done = 0; done < n; done += 100) {
    const batch = Array.from({ length: Math.min(100, n - done) }, () => makeSide[job.kind](job.url));
    for (const side of await Promise.all(batch)) {
      side.onmessage = () => {};
      sides.push(side);
    }
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
