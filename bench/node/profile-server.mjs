// Profiling aid for the server scenario (not part of `npm run bench`): one server kind of
// bench/node/servers.mjs in this process, 100 raw clients in a load process, 64 B text, 100 in
// flight per client; prints the server's CPU per message, user and system apart.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/node/profile-server.mjs pkg 2000
//   node bench/node/profile.mjs --top /tmp/prof/<file>.cpuprofile
import { child } from '../lib/proc.mjs';
import { makeServer } from './servers.mjs';

const [kind = 'pkg', messages = '2000', inflight = '100'] = process.argv.slice(2);
const server = await makeServer[kind]();
const load = child('../node/load-gen.mjs');
await load.ask({ connect: { ports: { a: server.port }, clients: 100 } });
await load.ask({ slice: 'a', messages: 200, inflight: Number(inflight), size: 64 }); // warm-up
const c0 = process.cpuUsage();
const { wall } = await load.ask({ slice: 'a', messages: Number(messages), inflight: Number(inflight), size: 64 });
const c = process.cpuUsage(c0);
const n = 100 * Number(messages);
// User and system (kernel) time apart: which side of the syscall boundary a difference lies on.
console.log(`${kind} server: ${((c.user + c.system) / n).toFixed(2)} µs CPU/msg (user ${(c.user / n).toFixed(2)}, system ${(c.system / n).toFixed(2)}), ${Math.round(n / (wall / 1e6))} msgs/s`);
await load.stop();
await server.stop();
