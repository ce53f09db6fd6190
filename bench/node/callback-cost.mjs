// Profiling aid (not part of `npm run bench`): the client core per message with the callback form
// `ws.send(data, cb)` (the Chromium row's workload) on an in-memory echo transport, no I/O.
//   node --expose-gc bench/node/callback-cost.mjs
import webSocket from '../../dist/node/index.mjs';

const N = 100_000;
const transport = {
  capabilities: { ...webSocket.capabilities, heartbeat: false },
  connect(_r, events) {
    queueMicrotask(() => events.open({ status: 101, protocol: '' }));
    return { send: (d) => events.message(d), close() {}, terminate() {} };
  },
};
const ws = webSocket.createWebSocket({ transport });
let received = 0;
let called = 0;
ws.on('message', () => { received++; });
await new Promise((r) => { ws.on('open', r); ws.connect('ws://127.0.0.1:1'); });
const cb = () => { called++; };
const data = 'x'.repeat(64);
const times = [];
for (let r = 0; r < 15; r++) {
  globalThis.gc?.();
  const t0 = process.hrtime.bigint();
  // 1,000 sends per task, as a window of 1,000 does; the callbacks run before the next task.
  for (let i = 0; i < N; i += 1000) {
    for (let j = 0; j < 1000; j++) ws.send(data, cb);
    await new Promise((res) => setImmediate(res));
  }
  times.push(Number(process.hrtime.bigint() - t0) / N);
}
times.sort((a, b) => a - b);
console.log(`callback-form send + receive: ${times[7].toFixed(0)} ns per message (median of 15; ${called} callbacks)`);
