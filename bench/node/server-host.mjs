// The process under test of the server scenario: hosts server A and server B (raw `ws` and/or the
// package) and reports its own CPU between two marks. Driven over IPC by bench/run.mjs:
//   { start: { a: 'raw', b: 'pkg'|'raw' } } → { ports: { a, b } }
//   { mark: true }                          → { cpu }  (µs of CPU since the previous mark)
import { makeServer } from './servers.mjs';

const gc = globalThis.gc ?? (() => {});
let servers;
let last = process.cpuUsage();

process.on('message', async (m) => {
  try {
    if (m.start) {
      servers = { a: await makeServer[m.start.a](), b: await makeServer[m.start.b]() };
      process.send({ ports: { a: servers.a.port, b: servers.b.port } });
    } else if (m.mark) {
      const c = process.cpuUsage(last);
      if (m.gc) gc(); // before a slice: start clean, outside the measured interval
      last = process.cpuUsage();
      process.send({ cpu: c.user + c.system });
    }
  } catch (e) {
    process.send({ error: String(e?.stack ?? e) });
  }
});
process.on('disconnect', async () => {
  await Promise.all([servers?.a.stop(), servers?.b.stop()]).catch(() => {});
  process.exit(0);
});
