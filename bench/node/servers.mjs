// The two kinds of echo server the server scenarios compare. "raw" is a `ws` WebSocketServer used
// the ordinary way (text read with toString() before echoing, as app code reads it); "pkg" is this
// package's `webSocket.createWebSocketServer()` echoing with `server.send(data, connection)`.
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
    wss.on('connection', (socket) => {
      socket.on('error', () => {});
      socket.on('message', echo ? (data, isBinary) => socket.send(isBinary ? data : data.toString()) : () => {});
    });
  });
}

/** A package echo server on 127.0.0.1; resolves with `{ port, stop() }`, rejects when unavailable. */
export async function pkgServer({ echo = true, connections = 4000 } = {}) {
  const server = webSocket.createWebSocketServer();
  server.on('error', () => {});
  // The documented (err-less) server event: `{ data, clientConnection }`.
  server.on('messageReceive', echo ? (m) => { server.send(m.data, m.clientConnection); } : () => {});
  const port = await freePort();
  await server.start({
    serverIP: '127.0.0.1',
    serverPort: port,
    maxConcurrentClientsNumber: 10,
    maxConnectionsForOneClient: connections,
  });
  return { port, stop: () => server.stop() };
}

export const makeServer = { raw: rawServer, pkg: pkgServer };
