// Profiling aid for the server scenario (not part of `npm run bench`): one server kind in this
// process, 100 raw clients in a load process.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/node/profile-server.mjs pkg 1000
//   node bench/node/profile.mjs --top /tmp/prof/<file>.cpuprofile
import { child } from '../lib/proc.mjs';
import { makeServer } from './servers.mjs';

const [kind = 'pkg', messages = '1000'] = process.argv.slice(2);
const server = await makeServer[kind]();
const load = child('../node/load-gen.mjs');
await load.ask({ connect: { ports: { a: server.port, b: server.port }, clients: 100 } });
const c0 = process.cpuUsage();
await load.ask({ slice: 'a', messages: Number(messages), inflight: 10, size: 64 });
const c = process.cpuUsage(c0);
console.log(`${kind} server: ${((c.user + c.system) / (100 * Number(messages))).toFixed(2)} µs CPU/msg`);
await load.stop();
await server.stop();
