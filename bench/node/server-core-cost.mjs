// The server core's own JavaScript per echoed message, no I/O (issue 14): a package server on an
// in-memory transport — `messageReceive` listener written as users write an echo, calling
// `server.send(m.data, m.clientConnection).catch(() => {})` — against the same loop calling a
// socket's send directly, as a `ws` echo does. 100 connections, messages in turn across them.
//   node --expose-gc bench/node/server-core-cost.mjs [--json]
import webSocket from '../../dist/node/index.mjs';
import { nodeTransport } from '../../dist/node/transports/node.mjs';

const N = 200_000;
const CLIENTS = 100;
const gc = globalThis.gc ?? (() => {});
let sent = 0;
const socket = { send: () => { sent++; }, close() {}, terminate() {} };

async function pkgLoop(data) {
  let handlers;
  const transport = { ...nodeTransport, listen: async (_req, h) => { handlers = h; return { port: 1, stop: async () => {} }; } };
  const server = webSocket.createWebSocketServer({ transport });
  server.on('messageReceive', (m) => { server.send(m.data, m.clientConnection).catch(() => {}); });
  await server.start({ serverIP: '127.0.0.1', serverPort: 0, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 1000 });
  const conns = [];
  for (let i = 0; i < CLIENTS; i++) conns.push(handlers.admit({ ip: '127.0.0.1', port: 40000 + i }).accepted(socket));
  return () => { for (let i = 0; i < N; i++) conns[i % CLIENTS].message(data); };
}

function rawLoop(data) {
  const conns = [];
  for (let i = 0; i < CLIENTS; i++) conns.push({ message: (d) => socket.send(d) });
  return () => { for (let i = 0; i < N; i++) conns[i % CLIENTS].message(data); };
}

const time = async (fn) => {
  gc();
  const t0 = process.hrtime.bigint();
  fn();
  const ns = Number(process.hrtime.bigint() - t0);
  await new Promise((r) => setImmediate(r)); // the returned promises settle (their cost counts)
  return Number(process.hrtime.bigint() - t0) / N || ns / N;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const data = 'x'.repeat(64);
const pkg = await pkgLoop(data);
const raw = rawLoop(data);
const diffs = [];
for (let i = 0; i < 15; i++) diffs.push((await time(pkg)) - (await time(raw)));
const result = { ns: median(diffs.slice(3)) };
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else console.log(`the server core adds ${result.ns.toFixed(0)} ns per echoed message (no I/O)`);
