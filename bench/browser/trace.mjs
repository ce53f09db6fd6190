// Profiling aid (not part of `npm run bench`): a CDP trace (Tracing domain) of the Chromium
// workload, one slice per side in one page, and per side the renderer main thread's time by trace
// event (self thread time, µs per message) — what the "(program)" time of a CPU profile is made of.
//   node bench/browser/trace.mjs [sides=raw,pkg] [count=8000] [top=25]
import { echoServer } from '../lib/proc.mjs';
import { launch } from './chromium.mjs';

const [list = 'raw,pkg', count = '8000', top = '25'] = process.argv.slice(2);
const sides = list.split(',');
const n = Number(count);
const CATEGORIES = ['toplevel', 'v8', 'v8.execute', 'devtools.timeline', 'blink', 'renderer.scheduler',
  'disabled-by-default-v8.gc', 'disabled-by-default-devtools.timeline', 'mojom', 'ipc', 'loading'];

/** Self thread time (tdur minus children's tdur) per event name on the thread named CrRendererMain. */
function summarise(events) {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E'));
  // Turn B/E pairs into complete events, then nest by timestamp.
  const done = [];
  const open = [];
  for (const e of mine.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    if (e.ph === 'X') done.push({ name: e.name, ts: e.ts, end: e.ts + (e.dur ?? 0), t: e.tdur ?? e.dur ?? 0 });
    else if (e.ph === 'B') open.push(e);
    else {
      const b = open.pop();
      if (b) done.push({ name: b.name, ts: b.ts, end: e.ts, t: (e.tts ?? e.ts) - (b.tts ?? b.ts) });
    }
  }
  done.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const self = new Map();
  const count = new Map();
  const stack = [];
  for (const e of done) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= e.t;
    e.self = e.t;
    stack.push(e);
    count.set(e.name, (count.get(e.name) ?? 0) + 1);
  }
  for (const e of done) self.set(e.name, (self.get(e.name) ?? 0) + e.self);
  const total = done.reduce((a, e) => a + e.self, 0);
  return { self, count, total };
}

const echo = await echoServer();
const b = await launch();
try {
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  await page.goto(`http://127.0.0.1:${echo.port}/bench/browser/page.html`);
  await page.waitForFunction(() => globalThis.ready === true);
  const cdp = await b.context.newCDPSession(page);
  const results = {};
  for (const side of sides) {
    await page.evaluate((j) => globalThis.setup(`ws://127.0.0.1:${j.port}`, j.side, j.side, 'mixed', 64), { port: echo.port, side });
    for (let i = 0; i < 3; i++) await page.evaluate((c) => globalThis.slice('a', c, 1000), n);
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    const events = [];
    const onData = (d) => events.push(...d.value);
    cdp.on('Tracing.dataCollected', onData);
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: CATEGORIES } });
    await page.evaluate((c) => globalThis.slice('a', c, 1000), n);
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    results[side] = summarise(events);
  }
  const names = new Set(sides.flatMap((s) => [...results[s].self.keys()]));
  const rows = [...names].map((k) => ({ k, v: sides.map((s) => (results[s].self.get(k) ?? 0) / n), c: sides.map((s) => (results[s].count.get(k) ?? 0) / n) }));
  rows.sort((x, y) => Math.max(...y.v) - Math.max(...x.v));
  console.log(`renderer main thread, self thread time µs/msg (events per msg) — ${sides.join(' | ')}`);
  console.log(`${sides.map((s) => (results[s].total / n).toFixed(2).padStart(7)).join(' | ')}  TOTAL`);
  for (const r of rows.slice(0, Number(top))) {
    console.log(`${r.v.map((v, i) => `${v.toFixed(2).padStart(7)} (${r.c[i].toFixed(2)})`).join(' | ')}  ${r.k}`);
  }
} finally {
  await b.close();
  await echo.stop();
}
