// Runs the shared conformance cases inside the page against dist/browser/index.js. The Node side
// (test/browser/conformance.test.mjs) calls `runCase` once per case, so each case is its own
// node:test subtest; a case the browser transport cannot honour is skipped by its `needs` flags.
import { webSocket, BusinessError } from '/dist/browser/index.js';
import { cases } from '/test/conformance/cases.mjs';
import * as assert from '/test/conformance/assert.mjs';
import * as util from '/test/conformance/util.mjs';
import { runChecks } from './checks.mjs';

window.caseNames = cases.map((c) => c.name);
window.capabilities = { ...webSocket.capabilities };

/** @returns {Promise<{ok: true} | {skipped: string} | {error: string}>} */
window.runCase = async (name, urls) => {
  const c = cases.find((x) => x.name === name);
  if (!c) return { error: `no case named ${JSON.stringify(name)} in the page's cases.mjs` };
  const missing = (c.needs ?? []).filter((flag) => !webSocket.capabilities[flag]);
  if (missing.length) return { skipped: `browser transport lacks ${missing.join(', ')}` };
  try {
    await c.run({ webSocket, BusinessError, assert, util, urls });
    return { ok: true };
  } catch (e) {
    return { error: e?.stack ? `${e.stack}` : String(e) };
  }
};
window.runChecks = (echo) => runChecks(webSocket, echo);
window.ready = true;
