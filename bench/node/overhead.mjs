// The core's own JavaScript per message on Node, no I/O (see bench/lib/core-overhead.mjs).
//   node --expose-gc bench/node/overhead.mjs [--json]
import webSocket from '../../dist/node/index.mjs';
import { coreOverhead } from '../lib/core-overhead.mjs';

const result = await coreOverhead(webSocket, () => Number(process.hrtime.bigint()), globalThis.gc);
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else for (const [kind, ns] of Object.entries(result)) console.log(`${kind}: the core adds ${ns.toFixed(0)} ns per message`);
