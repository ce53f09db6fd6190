// A module worker that runs the shared conformance cases against dist/browser/index.js: the
// browser build must work where there is no `window` or DOM, only a standard WebSocket.
// Messages in: {id, name, urls}; out: {id, result} with the same result shape as esm-runner.mjs.
import { webSocket, BusinessError } from '/dist/browser/index.js';
import { cases } from '/test/conformance/cases.mjs';
import * as assert from '/test/conformance/assert.mjs';
import * as util from '/test/conformance/util.mjs';

async function runCase(name, urls) {
  const c = cases.find((x) => x.name === name);
  if (!c) return { error: `no case named ${JSON.stringify(name)} in the worker's cases.mjs` };
  const missing = (c.needs ?? []).filter((flag) => !webSocket.capabilities[flag]);
  if (missing.length) return { skipped: `browser transport lacks ${missing.join(', ')}` };
  try {
    await c.run({ webSocket, BusinessError, assert, util, urls });
    return { ok: true };
  } catch (e) {
    return { error: e?.stack ? `${e.stack}` : String(e) };
  }
}

self.onmessage = async ({ data: { id, name, urls } }) => {
  self.postMessage({ id, result: await runCase(name, urls) });
};
self.postMessage({ ready: typeof window === 'undefined' && typeof document === 'undefined' });
