// Runs the conformance cases against the browser build (dist/browser/index.js) in a runtime that
// has a standard global WebSocket but is not a browser: Node (undici's WebSocket) or Deno. Started
// by test/browser/standard-websocket.test.mjs; prints one JSON line per case and exits by itself.
import { webSocket, BusinessError } from '../../dist/browser/index.js';
import { cases } from '../conformance/cases.mjs';
import * as assert from '../conformance/assert.mjs';
import * as util from '../conformance/util.mjs';

const args = globalThis.Deno?.args ?? globalThis.process.argv.slice(2);
const urls = JSON.parse(args[0]);

for (const c of cases) {
  const missing = (c.needs ?? []).filter((flag) => !webSocket.capabilities[flag]);
  let result;
  if (missing.length) result = { skipped: `browser transport lacks ${missing.join(', ')}` };
  else {
    try {
      await c.run({ webSocket, BusinessError, assert, util, urls });
      result = { ok: true };
    } catch (e) {
      result = { error: e?.stack ?? String(e) };
    }
  }
  console.log(JSON.stringify({ name: c.name, ...result }));
}
// The parent now waits for this process to exit by itself: anything left open is a leak.
console.log(JSON.stringify({ done: true }));
