// Runs the shared conformance cases inside the page against dist/browser/index.js, through the one
// runner: the Node side (test/browser/conformance.test.mjs) calls `runCase` once per case, so each
// case is its own node:test subtest, skipped here when the transport or the peer cannot do it.
import { webSocket, BusinessError } from '/dist/browser/index.js';
import { cases, outcomeOf } from '/test/conformance/runner.mjs';
import { runChecks } from './checks.mjs';

window.caseNames = cases.map((c) => c.name);
window.capabilities = { ...webSocket.capabilities };
window.runCase = (name, urls, peer) => outcomeOf(name, { webSocket, BusinessError, urls, peer });
window.runChecks = (echo) => runChecks(webSocket, echo);
window.ready = true;
