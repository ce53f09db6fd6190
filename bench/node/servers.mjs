// The two kinds of echo server the server scenarios compare, each written the way its users write
// an echo server (issue 14): a `ws` WebSocketServer that sends back what it received as it received
// it, and this package's server echoing with `server.send(m.data, m.clientConnection)`. Both
// without permessage-deflate.
import { WebSocketServer } from 'ws';
import webSocket from '../../dist/node/index.mjs';
import { freePort } from '../lib/ports.mjs';

/** A raw `ws` echo server on 127.0.0.1; resolves with `{ port, stop() }`. */
export function rawServer({ echo = true } = {}) {
  return new Promise((resolve) => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false }, () =>
      resolve({
        port: wss.address().port,
        stop: () => new Promise((r) => { for (const c of wss.clients) c.terminate(); wss.close(() => r()); }),
      }));
    wss.on('connection', (s) => {
      s.on('error', () => {});
      s.on('message', echo ? (d, isBinary) => s.send(d, { binary: isBinary }) : () => {});
    });
  });
}

/** A package echo server on 127.0.0.1; resolves with `{ port, stop() }`, rejects when unavailable. */
export async function pkgServer({ echo = true, connections = 10_000 } = {}) {
  const server = webSocket.createWebSocketServer();
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
  return new Promise((resolve) => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false }, () =>
      resolve({ port: wss.address().port, stop: () => new Promise((r) => { for (const c of wss.clients) c.terminate(); wss.close(() => r()); }) }));
    wss.on('connection', (s) => {
      s.on('error', () => {});
      s.on('message', (d, isBinary) => s.send(isBinary ? d : d.toString()));
    });
  });
}

export const makeServer = { raw: rawServer, pkg: pkgServer, rawText: rawTextServer };
