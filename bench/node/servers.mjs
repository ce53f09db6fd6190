// The two kinds of echo server the server scenarios compare, each written the way its users write
// an echo server (issue 14): a `ws` WebSocketServer that sends back what it received as it received
// it, and this package's server echoing with `server.send(m.data, m.clientConnection)`. Both
// without permessage-deflate.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import webSocket from '../../dist/node/index.mjs';
import { freePort } from '../lib/ports.mjs';

/**
 * A `ws` server on 127.0.0.1 without permessage-deflate, `wire(socket)` called for each connection;
 * resolves with `{ port, stop() }`.
 */
function wsServer(wire) {
  return new Promise((resolve) => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false }, () =>
      resolve({
        port: wss.address().port,
        stop: () => new Promise((r) => { for (const c of wss.clients) c.terminate(); wss.close(() => r()); }),
      }));
    wss.on('connection', (s) => {
      s.on('error', () => {});
      wire(s);
    });
  });
}

/** A raw `ws` echo server on 127.0.0.1; resolves with `{ port, stop() }`. */
export function rawServer({ echo = true } = {}) {
  return wsServer((s) => s.on('message', echo ? (d, isBinary) => s.send(d, { binary: isBinary }) : () => {}));
}

/**
 * A package echo server on 127.0.0.1; resolves with `{ port, stop() }`, rejects when unavailable.
 * `ns`: the `webSocket` namespace to serve with (another build's, for `pkgBase`).
 */
export async function pkgServer({ echo = true, connections = 10_000, ns = webSocket } = {}) {
  const server = ns.createWebSocketServer();
  server.on('error', () => {});
  // The documented (err-less) server event: `{ data, clientConnection }`; the send's promise is
  // handled, as an application must.
  server.on('messageReceive', echo ? (m) => { server.send(m.data, m.clientConnection).catch(() => {}); } : () => {});
  const port = await freePort();
  await server.start({
    serverIP: '127.0.0.1',
    serverPort: port,
    maxConcurrentClientsNumber: 10,
    maxConnectionsForOneClient: connections,
  });
  return { port, stop: () => server.stop() };
}

/**
 * Profiling aid: a `ws` echo server that does what the HarmonyOS contract makes the package do —
 * decode text to a string and send the string back — with no wrapper around it.
 */
export function rawTextServer() {
  return wsServer((s) => s.on('message', (d, isBinary) => s.send(isBinary ? d : d.toString())));
}

/**
 * Profiling aids: a `ws` echo server (sending the received Buffer back, as `rawServer`) plus the
 * steps the HarmonyOS contract adds, one by one, to price each under load
 * (`node bench/node/server-ab.mjs raw rawDecode`): `rawDecode` decodes each text to a string;
 * `rawContract` also builds the `{ data, clientConnection }` event object and takes the
 * promise-and-`.catch` that `server.send` implies.
 */
function rawWith(step) {
  const connection = { clientIP: '127.0.0.1', clientPort: 0 };
  return wsServer((s) => s.on('message', (d, isBinary) => {
    step(isBinary ? d : d.toString(), connection);
    s.send(d, { binary: isBinary });
  }));
}
const ignore = () => {};
let lastEvent;
const rawDecode = () => rawWith((data) => { lastEvent = data; });
const rawContract = () => rawWith((data, clientConnection) => {
  lastEvent = { data, clientConnection };
  Promise.resolve(true).catch(ignore);
});

/**
 * Profiling aid: the raw echo of `rawServer` set up as the package's Node transport sets up its
 * server (its own HTTP server, `noServer` + `handleUpgrade`, no client tracking), to tell the cost
 * of that setup from the cost per message.
 */
function rawUpgrade() {
  return new Promise((resolve) => {
    const http = createServer();
    const wss = new WebSocketServer({ noServer: true, clientTracking: false, perMessageDeflate: false });
    const sockets = new Set();
    http.on('upgrade', (req, socket, head) => {
      socket.on('error', () => {});
      wss.handleUpgrade(req, socket, head, (s) => {
        sockets.add(s);
        s.on('error', () => {});
        s.on('message', (d, isBinary) => s.send(d, { binary: isBinary }));
        s.on('close', () => sockets.delete(s));
      });
    });
    http.listen({ host: '127.0.0.1', port: 0 }, () =>
      resolve({ port: http.address().port, stop: () => new Promise((r) => { for (const c of sockets) c.terminate(); http.close(() => r()); }) }));
  });
}

/**
 * Profiling aid: the raw echo plus a busy wait of SPIN_NS (default 200) nanoseconds per message, to
 * check that a known extra cost shows in the ratio at its size (no amplification under load).
 */
function rawSpin() {
  const ns = BigInt(process.env.SPIN_NS ?? 200);
  return wsServer((s) => s.on('message', (d, isBinary) => {
    const end = process.hrtime.bigint() + ns;
    while (process.hrtime.bigint() < end);
    s.send(d, { binary: isBinary });
  }));
}

/** Profiling aid: the raw echo plus only the promise-and-`.catch` that `server.send` implies. */
const rawPromise = () => rawWith(() => { Promise.resolve(true).catch(ignore); });

/**
 * Profiling aid: the package echo server of another build, to A/B a change to the core
 * (`cp -r dist dist-base`, change, `npm run build`, then
 * `PKG_BASE_DIST=dist-base node bench/node/server-ab.mjs pkgBase pkg`); the folder is relative to the
 * repository.
 */
async function pkgBase() {
  const dir = new URL(`../../${process.env.PKG_BASE_DIST ?? 'dist-base'}/node/index.mjs`, import.meta.url);
  return pkgServer({ ns: (await import(dir.href)).default });
}

export const makeServer = {
  raw: rawServer, pkg: pkgServer, pkgBase, rawText: rawTextServer, rawDecode, rawContract, rawPromise, rawUpgrade, rawSpin,
};
