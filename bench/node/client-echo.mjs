// One fresh process of a Node client scenario: opens side A and side B to the echo server and
// alternates short slices between them, measuring this process's CPU (process.cpuUsage: user +
// system, all threads) and wall time per slice. Driven over IPC by bench/run.mjs:
//   in:  { url, a: 'raw', b: 'pkg'|'raw', kind: 'text'|'binary', size, count, inflight, pairs }
//   out: { pairs: [{ a: {cpu, wall}, b: {cpu, wall} }, …] }   (cpu and wall in µs per message)
import { echoSlice, plan } from '../lib/echo-driver.mjs';
import { makeSide, payload } from './sides.mjs';

const gc = globalThis.gc ?? (() => {});

async function measure(side, count, inflight, data) {
  gc(); // each slice starts with a clean heap, so it pays for its own garbage
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await echoSlice(side, count, inflight, data);
  const wall = Number(process.hrtime.bigint() - t0) / 1e3;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / count, wall: wall / count };
}

process.once('message', async (job) => {
  try {
    const sides = { a: await makeSide[job.a](job.url), b: await makeSide[job.b](job.url) };
    const data = payload(job.kind, job.size);
    // Warm-up: both sides, discarded (JIT, buffers, socket windows).
    for (let i = 0; i < 2; i++) {
      await measure(sides.a, job.count, job.inflight, data);
      await measure(sides.b, job.count, job.inflight, data);
    }
    const pairs = [];
    for (const order of plan(job.pairs)) {
      const pair = {};
      for (const k of order) pair[k] = await measure(sides[k], job.count, job.inflight, data);
      pairs.push(pair);
    }
    await Promise.all([sides.a.close(), sides.b.close()]);
    process.send({ pairs });
  } catch (e) {
    process.send({ error: String(e?.stack ?? e) });
  }
});
process.on('disconnect', () => process.exit(0));
