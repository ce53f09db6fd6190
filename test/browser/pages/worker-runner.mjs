// A module worker that runs the shared conformance cases against dist/browser/index.js, through the
// one runner: the browser build must work where there is no `window` or DOM, only a standard
// WebSocket. Messages in: {id, name, urls, peer}; out: {id, result} (the runner's outcome).
import { webSocket, BusinessError } from '/dist/browser/index.js';
import { outcomeOf } from '/test/conformance/runner.mjs';

self.onmessage = async ({ data: { id, name, urls, peer } }) => {
  self.postMessage({ id, result: await outcomeOf(name, { webSocket, BusinessError, urls, peer }) });
};
self.postMessage({ ready: typeof window === 'undefined' && typeof document === 'undefined' });
