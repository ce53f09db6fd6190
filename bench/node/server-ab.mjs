// Profiling aid (not part of `npm run bench`): the server scenario's harness for any two server
// kinds of bench/node/servers.mjs (raw, rawText, pkg), to price one change quickly.
//   node bench/node/server-ab.mjs rawText pkg [rounds] [pairs]
import { round } from './scenario-server.mjs';
import { summarise } from '../lib/stats.mjs';

const [a = 'raw', b = 'pkg', rounds = '2', pairs = '4', messages = '200'] = process.argv.slice(2);
const cfg = { clients: 100, messages: Number(messages), inflight: 100, pairs: Number(pairs) };
const all = [];
for (let r = 0; r < Number(rounds); r++) all.push(...(await round(b, cfg, a)));
const s = summarise(all.map((p) => p.b.cpu / p.a.cpu));
const us = (k) => summarise(all.map((p) => p[k].cpu)).median.toFixed(2);
console.log(`${b} ÷ ${a}: ${s.median.toFixed(3)} (${s.p25.toFixed(3)}–${s.p75.toFixed(3)}), n=${s.n}; µs CPU/msg ${us('a')} → ${us('b')}`);
