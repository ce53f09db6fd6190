// A process under test of the server scenario: hosts ONE echo server (raw `ws` or the package) and
// reports its own CPU between two marks. Driven over IPC by bench/node/scenario-server.mjs:
//   { start: 'raw'|'pkg' } → { port }
//   { mark: true, gc? }    → { cpu }  (µs of CPU of this process since the previous mark)
import { makeServer } from './servers.mjs';

const gc = globalThis.gc ?? (() => {});
let server;
let last = process.cpuUsage();

process.on('message', async (m) => {
  try {
    if (m.start) {
      server = await makeServer[m.start]();
      process.send({ port: server.port });
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
  await server?.stop().catch(() => {});
  process.exit(0);
});
