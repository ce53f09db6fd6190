// Profiling aid (not part of `npm run bench`): one side alone for many messages, so
// `node --cpu-prof` shows where the time goes.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/node/profile.mjs pkg binary 64 200000
//   node bench/node/profile.mjs --top /tmp/prof/<file>.cpuprofile   (self time per function)
import { readFileSync } from 'node:fs';
import { echoSlice } from '../lib/echo-driver.mjs';
import { echoServer } from '../lib/proc.mjs';

const [side = 'pkg', kind = 'binary', size = '64', count = '200000'] = process.argv.slice(2);

if (side === '--top') {
  const prof = JSON.parse(readFileSync(kind, 'utf8'));
  const self = new Map();
  const dt = prof.timeDeltas;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  prof.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const file = f.url.includes('/dist/') ? f.url.slice(f.url.indexOf('/dist/') + 1) : f.url.split('/').slice(-2).join('/');
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // The package's own JavaScript (dist/) as a share of the busy (non-idle) time.
  const busy = total - (self.get('(idle) :0') ?? 0);
  const own = [...self].filter(([k]) => k.includes(' dist/')).reduce((a, [, v]) => a + v, 0);
  console.log(`package's own code: ${((100 * own) / busy).toFixed(1)} % of busy samples (self time)`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
} else {
  const { makeSide, payload } = await import('./sides.mjs');
  const echo = await echoServer();
  const s = await makeSide[side](echo.url);
  const data = payload(kind, Number(size));
  const c0 = process.cpuUsage();
  await echoSlice(s, Number(count), 1000, data);
  const c = process.cpuUsage(c0);
  console.log(`${side} ${kind} ${size}: ${((c.user + c.system) / Number(count)).toFixed(2)} µs CPU/msg`);
  await s.close();
  await echo.stop();
}
