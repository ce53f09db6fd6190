// One fresh Deno process of the Deno client scenario: side A and side B (raw Deno WebSocket or the
// package's dist/deno build) alternate short slices against the shared echo server; this process's
// CPU per slice comes from node:process cpuUsage (getrusage of the process). The job is a JSON
// argument; each pair is printed as one JSON line, then `{"done":true}`.
import process from 'node:process';
import { echoSlice, plan } from '../lib/echo-driver.mjs';

const job = JSON.parse(Deno.args[0]);
const gc = globalThis.gc ?? (() => {});

function rawSide(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer'; // what app code sets to read bytes synchronously
    const side = { onmessage: null, send: (d) => ws.send(d), close: () => new Promise((r) => { ws.onclose = r; ws.close(); }) };
    ws.onmessage = (e) => side.onmessage(e.data);
    ws.onopen = () => resolve(side);
    ws.onerror = () => reject(new Error('raw WebSocket failed'));
  });
}

async function pkgSide(url) {
  const { default: webSocket } = await import('../../dist/deno/index.js');
  return new Promise((resolve, reject) => {
    const ws = webSocket.createWebSocket();
    const side = { onmessage: null, send: (d) => ws.send(d), close: () => new Promise((r) => { ws.on('close', () => r()); ws.close(); }) };
    ws.on('message', (_err, data) => side.onmessage(data));
    ws.on('open', () => resolve(side));
    ws.on('error', (err) => reject(new Error(`package WebSocket failed: ${err?.code}`)));
    ws.connect(url).catch(reject);
  });
}

const make = { raw: rawSide, pkg: pkgSide };

function payload(kind, size) {
  if (kind === 'mixed') return [payload('text', size), payload('binary', size)];
  if (kind === 'text') return 'x'.repeat(size);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = i & 0xff;
  return bytes.buffer;
}

async function measure(side, data) {
  gc();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await echoSlice(side, job.count, job.inflight, data);
  const wall = (performance.now() - t0) * 1000;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / job.count, wall: wall / job.count };
}

const sides = { a: await make[job.a](job.url), b: await make[job.b](job.url) };
const data = payload(job.kind, job.size);
for (let i = 0; i < 2; i++) {
  await measure(sides.a, data);
  await measure(sides.b, data);
}
for (const order of plan(job.pairs)) {
  const pair = {};
  for (const k of order) pair[k] = await measure(sides[k], data);
  console.log(JSON.stringify({ pair }));
}
await Promise.all([sides.a.close(), sides.b.close()]);
console.log(JSON.stringify({ done: true, version: Deno.version.deno }));
