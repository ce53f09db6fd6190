// The core's own JavaScript per message, with no I/O: the package's client on an in-memory
// transport whose socket echoes synchronously, against the same loop calling a listener directly.
// Runtime-free (Node, Deno and the Chromium page load this file): the caller passes its `webSocket`
// namespace object, a clock in nanoseconds and a way to collect garbage.

const N = 100_000;

/** A transport that opens at once and echoes every send back as a received message. */
function echoTransport(capabilities) {
  return {
    capabilities: { ...capabilities, heartbeat: false },
    connect(_request, events) {
      queueMicrotask(() => events.open({ status: 101, protocol: '' }));
      return { send: (data) => events.message(data), close() {}, terminate() {} };
    },
  };
}

async function pkgLoop(webSocket, data) {
  const ws = webSocket.createWebSocket({ transport: echoTransport(webSocket.capabilities) });
  let received = 0;
  ws.on('message', () => { received++; });
  await new Promise((resolve) => { ws.on('open', resolve); ws.connect('ws://127.0.0.1:1'); });
  return () => {
    for (let i = 0; i < N; i++) ws.send(data);
    return received;
  };
}

function rawLoop(data) {
  let received = 0;
  const listener = () => { received++; };
  const socket = { send: (d) => listener(d) };
  return () => {
    for (let i = 0; i < N; i++) socket.send(data);
    return received;
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Nanoseconds the core adds per message (send in the promise form + receive), text and binary:
 * the median over rounds of (package loop − direct loop), after a few rounds of optimisation.
 */
export async function coreOverhead(webSocket, nowNs, gc = () => {}) {
  const result = {};
  for (const [kind, data] of [['text', 'x'.repeat(64)], ['binary', new ArrayBuffer(64)]]) {
    const pkg = await pkgLoop(webSocket, data);
    const raw = rawLoop(data);
    const time = (fn) => {
      gc();
      const t0 = nowNs();
      fn();
      return (nowNs() - t0) / N;
    };
    const diffs = [];
    for (let i = 0; i < 15; i++) diffs.push(time(pkg) - time(raw));
    await new Promise((r) => setTimeout(r, 0)); // let the returned promises settle
    result[kind] = median(diffs.slice(3));
  }
  return result;
}
