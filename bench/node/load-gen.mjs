// The load of the server scenario, in its own process: `clients` raw `ws` clients per target
// server, each running the shared echo loop. Driven over IPC by bench/run.mjs:
//   { connect: { ports: { a, b }, clients } } → { ok }   (`clients` raw ws clients per port)
//   { slice: 'a'|'b', messages, inflight, size } → { wall }   (µs for the whole slice)
import { echoSlice } from '../lib/echo-driver.mjs';
import { rawSide, payload } from './sides.mjs';

let groups;

process.on('message', async (m) => {
  try {
    if (m.connect) {
      const open = (port) => Promise.all(Array.from({ length: m.connect.clients }, () => rawSide(`ws://127.0.0.1:${port}`)));
      groups = {};
      for (const [k, port] of Object.entries(m.connect.ports)) groups[k] = await open(port);
      process.send({ ok: true });
    } else if (m.slice) {
      const data = payload('text', m.size);
      const t0 = process.hrtime.bigint();
      await Promise.all(groups[m.slice].map((side) => echoSlice(side, m.messages, m.inflight, data)));
      process.send({ wall: Number(process.hrtime.bigint() - t0) / 1e3 });
    }
  } catch (e) {
    process.send({ error: String(e?.stack ?? e) });
  }
});
process.on('disconnect', () => process.exit(0));
