// Runs the conformance cases against the browser build (dist/browser/index.js) in a runtime that
// has a standard global WebSocket but is not a browser: Node (undici's WebSocket) or Deno, through
// the one runner. Started by test/browser/standard-websocket.test.mjs with `{urls, peer}` as JSON;
// prints one JSON line per case and exits by itself.
import { webSocket, BusinessError } from '../../dist/browser/index.js';
import { cases, outcomeOf } from '../conformance/runner.mjs';

const args = globalThis.Deno?.args ?? globalThis.process.argv.slice(2);
const { urls, peer } = JSON.parse(args[0]);

for (const c of cases) console.log(JSON.stringify({ name: c.name, ...(await outcomeOf(c.name, { webSocket, BusinessError, urls, peer })) }));
// The parent now waits for this process to exit by itself: anything left open is a leak.
console.log(JSON.stringify({ done: true }));
