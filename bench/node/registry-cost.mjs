// What eventemitter3 costs the one-listener registry, against a bare slot object (src/events.ts
// refers here): memory per registry holding the four listeners a client typically registers, and
// nanoseconds per dispatch with two arguments. A line of `npm run bench`; alone:
//   node --expose-gc bench/node/registry-cost.mjs [--json]
import EventEmitter from 'eventemitter3';
import { median } from '../lib/stats.mjs';

const TYPES = ['open', 'message', 'error', 'close'];
const COUNT = 20_000;
const N = 1_000_000;

/** The alternative: one property per type holding the function `emit` calls. */
class Slots {
  constructor() {
    this.slots = {};
  }
  on(type, fn) {
    this.slots[type] = fn;
  }
  emit(type, a, b) {
    const fn = this.slots[type];
    if (fn !== undefined) fn(a, b);
  }
}

const makers = {
  eventemitter3: () => {
    const ee = new EventEmitter();
    for (const t of TYPES) ee.on(t, () => {});
    return ee;
  },
  slots: () => {
    const s = new Slots();
    for (const t of TYPES) s.on(t, () => {});
    return s;
  },
};

function bytesPer(make) {
  const keep = [];
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < COUNT; i++) keep.push(make());
  globalThis.gc();
  const after = process.memoryUsage().heapUsed;
  globalThis.keepAlive = keep; // read after the measurement, so the collector cannot drop `keep` early
  globalThis.keepAlive = undefined;
  return (after - before) / COUNT - 8; // minus the array slot holding it
}

function nsPerEmit(make) {
  let calls = 0;
  const r = make();
  r.on('message', () => { calls++; });
  const rounds = [];
  for (let k = 0; k < 12; k++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) r.emit('message', undefined, i);
    rounds.push(Number(process.hrtime.bigint() - t0) / N);
  }
  return calls > 0 ? median(rounds.slice(2)) : NaN;
}

const result = {};
for (const [name, make] of Object.entries(makers)) result[name] = { bytes: bytesPer(make), ns: nsPerEmit(make) };
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else for (const [name, r] of Object.entries(result)) console.log(`${name}: ${r.bytes.toFixed(0)} B per registry with 4 listeners, ${r.ns.toFixed(1)} ns per dispatch`);
