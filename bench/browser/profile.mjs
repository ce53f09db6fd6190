// Profiling aid (not part of `npm run bench`): the Chromium workload with a CDP CPU profile of the
// package side's slices, then the self time per function (as bench/node/profile.mjs --top).
//   node bench/browser/profile.mjs [out.cpuprofile]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { echoServer } from '../lib/proc.mjs';
import { chromiumRound } from './chromium.mjs';

const out = process.argv[2] ?? '/tmp/ohos-websocket-chromium.cpuprofile';
const echo = await echoServer();
try {
  await chromiumRound({ port: echo.port, a: 'raw', b: 'pkg', kind: 'mixed', size: 64, count: 8000, inflight: 1000, pairs: 1, profile: out });
} finally {
  await echo.stop();
}
process.stdout.write(execFileSync(process.execPath, [fileURLToPath(new URL('../node/profile.mjs', import.meta.url)), '--top', out], { encoding: 'utf8' }));
