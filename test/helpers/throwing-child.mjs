// Child process for test/node/user-errors.test.mjs: user listeners and callbacks that throw must
// not break the object or stop later events; each throw surfaces as an ordinary uncaught exception
// (captured here) and the library itself produces no unhandled rejection. Prints a JSON report.
import { webSocket } from 'ohos-websocket';

const caught = [];
const rejections = [];
process.on('uncaughtException', (e) => caught.push(e.message));
process.on('unhandledRejection', (e) => rejections.push(String(e)));

const url = process.argv[2];
const seen = [];
const ws = webSocket.createWebSocket();
ws.on('open', () => { seen.push('open'); throw new Error('from open'); });
ws.on('openInfo', () => { seen.push('openInfo'); throw new Error('from openInfo'); });
ws.on('headerReceive', () => { seen.push('headerReceive'); throw new Error('from headerReceive'); });
ws.on('message', (_e, d) => { seen.push(`message:${d}`); throw new Error(`from message ${d}`); });
ws.on('dataEnd', () => { seen.push('dataEnd'); throw new Error('from dataEnd'); });
const closed = new Promise((resolve) => ws.on('close', (_e, r) => { seen.push('close'); resolve(r); throw new Error('from close'); }));

await new Promise((resolve) => ws.connect(url, (err) => { resolve(); throw new Error(`from connect callback ${err?.code}`); }));
await new Promise((resolve) => { const t = setInterval(() => { if (seen.includes('open')) { clearInterval(t); resolve(); } }, 5); });
for (const m of ['a', 'b', 'c']) {
  await new Promise((resolve) => ws.send(m, () => { resolve(); throw new Error(`from send callback ${m}`); }));
}
await new Promise((resolve) => { const t = setInterval(() => { if (seen.filter((s) => s === 'dataEnd').length === 3) { clearInterval(t); resolve(); } }, 5); });
await new Promise((resolve) => ws.close(() => { resolve(); throw new Error('from close callback'); }));
const result = await closed;
// Let the last reports (queued as microtasks/tasks) land before printing.
await new Promise((r) => setTimeout(r, 10));
console.log(JSON.stringify({ seen, caught, rejections, result }));
