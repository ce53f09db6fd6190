// Inside the Chromium page: opens side A and side B (raw WebSocket or the package's global
// `webSocket`) to the echo server and runs one slice at a time when bench/browser/chromium.mjs
// asks. The CPU figure is measured from outside (renderer main-thread time over CDP).
import { coreOverhead } from '../lib/core-overhead.mjs';
import { echoSlice } from '../lib/echo-driver.mjs';

function rawSide(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer'; // what app code sets to read bytes synchronously
    const side = { onmessage: null, send: (d) => ws.send(d), close: () => ws.close() };
    ws.onmessage = (e) => side.onmessage(e.data);
    ws.onopen = () => resolve(side);
    ws.onerror = () => reject(new Error('raw WebSocket failed'));
  });
}

function pkgSide(url) {
  return new Promise((resolve, reject) => {
    const ws = globalThis.webSocket.createWebSocket();
    // The callback form of send, and the message listener, as issue 14's workload writes them.
    const sent = () => {};
    const side = { onmessage: null, send: (d) => ws.send(d, sent), close: () => ws.close() };
    ws.on('message', (_err, data) => side.onmessage(data));
    ws.on('open', () => resolve(side));
    ws.on('error', (err) => reject(new Error(`package WebSocket failed: ${err?.code}`)));
    ws.connect(url).catch(reject);
  });
}

const make = { raw: rawSide, pkg: pkgSide };
let sides;
let data;

/** Opens both sides; `kind`/`size` choose the payload sent by both. */
globalThis.setup = async (url, a, b, kind, size) => {
  if (b === 'pkg' && !globalThis.webSocket) throw new Error('dist/ohos-websocket.min.js did not load');
  sides = { a: await make[a](url), b: await make[b](url) };
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = i & 0xff;
  // `mixed`: a text and a binary message in turn.
  data = kind === 'text' ? 'x'.repeat(size) : kind === 'mixed' ? ['x'.repeat(size), bytes.buffer] : bytes.buffer;
  return true;
};

/** One slice on side `k`; resolves with its wall time in µs per message. */
globalThis.slice = async (k, count, inflight) => {
  const t0 = performance.now();
  await echoSlice(sides[k], count, inflight, data);
  return ((performance.now() - t0) * 1000) / count;
};

/** The core's own JavaScript per message, no I/O (see bench/lib/core-overhead.mjs). */
globalThis.coreOverhead = () => coreOverhead(globalThis.webSocket, () => performance.now() * 1e6, globalThis.gc);

globalThis.ready = true;
