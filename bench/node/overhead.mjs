// The wrapper's own JavaScript per message, without any I/O (a line of `npm run bench`): the
// package's client on an in-memory transport whose socket echoes synchronously, vs the same loop
// calling a listener directly. What is left is what the core adds per send + receive.
//   node --expose-gc bench/node/overhead.mjs [--json]
import webSocket from '../../dist/node/index.mjs';
import { median } from '../lib/stats.mjs';

const N = 200_000;
const payloads = { text: 'x'.repeat(64), binary: new ArrayBuffer(64) };

/** A transport that opens at once and echoes every send back as a received message. */
const echoTransport = {
  capabilities: { ...webSocket.capabilities, heartbeat: false },
  connect(_request, events) {
    queueMicrotask(() => events.open({ status: 101, protocol: '' }));
    return { send: (data) => events.message(data), close() {}, terminate() {} };
  },
};

async function pkgLoop(data) {
  const ws = webSocket.createWebSocket({ transport: echoTransport });
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

const time = (fn) => {
  globalThis.gc?.();
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / N;
};

const json = process.argv.includes('--json');
const result = {};
for (const [kind, data] of Object.entries(payloads)) {
  const pkg = await pkgLoop(data);
  const raw = rawLoop(data);
  const diffs = [];
  for (let i = 0; i < 15; i++) diffs.push(time(pkg) - time(raw));
  await new Promise((r) => setImmediate(r)); // let the returned promises settle between kinds
  result[kind] = median(diffs.slice(3)); // the first rounds include optimisation
  if (!json) console.log(`${kind}: the core adds ${result[kind].toFixed(0)} ns per message (send + receive, promise form)`);
}
if (json) console.log(JSON.stringify(result));
