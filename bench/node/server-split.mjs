// Profiling aid (not part of `npm run bench`): the server scenario's workload for one server kind in
// this process, printing its CPU per message split into user and system (kernel) time, to see on which
// side of the syscall boundary a difference between two server kinds lies.
//   node bench/node/server-split.mjs raw 2000; node bench/node/server-split.mjs pkg 2000
import { child } from '../lib/proc.mjs';
import { makeServer } from './servers.mjs';

const [kind = 'pkg', messages = '2000'] = process.argv.slice(2);
const server = await makeServer[kind]();
const load = child('../node/load-gen.mjs');
await load.ask({ connect: { ports: { a: server.port }, clients: 100 } });
await load.ask({ slice: 'a', messages: 200, inflight: 100, size: 64 }); // warm-up
const c0 = process.cpuUsage();
await load.ask({ slice: 'a', messages: Number(messages), inflight: 100, size: 64 });
const c = process.cpuUsage(c0);
const n = 100 * Number(messages);
console.log(`${kind}: user ${(c.user / n).toFixed(2)} µs/msg, system ${(c.system / n).toFixed(2)} µs/msg`);
await load.stop();
await server.stop();
