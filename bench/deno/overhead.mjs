// The core's own JavaScript per message in Deno, no I/O (see bench/lib/core-overhead.mjs); prints
// one JSON line. Run with --v8-flags=--expose-gc.
import webSocket from '../../dist/deno/index.js';
import { coreOverhead } from '../lib/core-overhead.mjs';

const nowNs = () => performance.now() * 1e6;
console.log(JSON.stringify(await coreOverhead(webSocket, nowNs, globalThis.gc)));
