// One echo server (raw `ws` or the package) whose process memory is measured while idle clients
// connect to it from another process. Driven over IPC by bench/run.mjs:
//   { start: 'raw'|'pkg' } → { port }
//   { measure: true }      → { heap, external, total, rss }
import { memory } from '../lib/memory.mjs';
import { makeServer } from './servers.mjs';

let server;

process.on('message', async (m) => {
  try {
    if (m.start) {
      server = await makeServer[m.start]({ connections: 10_000 });
      process.send({ port: server.port });
    } else if (m.measure) {
      process.send(await memory());
    }
  } catch (e) {
    process.send({ error: String(e?.stack ?? e) });
  }
});
process.on('disconnect', () => process.exit(0));
