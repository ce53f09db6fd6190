// Real peers on loopback for the tests: a `ws` echo server that also obeys a few commands, so every
// suite (Node, Deno, Chromium) can drive the same behaviours. test/helpers/deno-peer.ts implements
// the same protocol on Deno's native server (a peer that does not share our stack).
//   text "__close__ <code> <reason>"  → the server closes with that code and reason
//   text "__close_empty__"            → the server closes with 1000 and an empty reason
//   text "__close_nostatus__"         → the server sends a close frame without a status code
//   text "__drop__"                   → the server destroys the TCP socket (abnormal drop)
//   text "__headers__"                → the server answers with the request headers as JSON
//   text "__path__"                   → the server answers with the request target (path + query)
//   text "__last_close__"             → the server answers with the {code, reason} of the last close
//                                       frame it received from any client, as JSON (null if none)
//   anything else                     → echoed back, text as text, binary as binary
// Subprotocols: the first offered one is selected, except on the paths
//   /no-protocol     → the server selects none (a client that offered one must fail)
//   /wrong-protocol  → the server selects "zzz", which no test offers (the client must fail)
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { WebSocketServer } from 'ws';

/** Subprotocol choice by request path (see the header comment). */
export function pickProtocol(protocols, req) {
  const path = req.url.split('?')[0];
  if (path === '/no-protocol') return false;
  if (path === '/wrong-protocol') return 'zzz';
  return protocols.values().next().value ?? false;
}

/** Serves one connection with the echo protocol; `state.lastClose` records close frames. */
export function handleEcho(socket, req, state = {}) {
  socket.on('close', (code, reason) => {
    if (code !== 1005 && code !== 1006) state.lastClose = { code, reason: reason.toString() };
  });
  socket.on('message', (data, isBinary) => {
    if (!isBinary && data.length < 64) {
      const s = data.toString();
      if (s.startsWith('__close__ ')) {
        const [, code, ...reason] = s.split(' ');
        return socket.close(Number(code), reason.join(' '));
      }
      if (s === '__close_empty__') return socket.close(1000);
      if (s === '__close_nostatus__') return socket.close();
      if (s === '__drop__') return socket._socket.destroy();
      if (s === '__headers__') return socket.send(JSON.stringify(req.headers));
      if (s === '__path__') return socket.send(req.url);
      if (s === '__last_close__') return socket.send(JSON.stringify(state.lastClose ?? null));
    }
    socket.send(data, { binary: isBinary });
  });
}

/** The `ws` echo peer can do every feature a conformance case may ask for (`peer` in cases.mjs). */
export const WS_PEER = Object.freeze({ name: 'the ws peer', lacks: Object.freeze([]) });

/**
 * Starts a `ws` echo server on 127.0.0.1 with a random port (pass an `https` server for `wss:`).
 * @returns {Promise<{url: string, port: number, server: import('node:http').Server, wss: WebSocketServer, close(): Promise<void>}>}
 */
export async function startEchoServer({ handleProtocols = pickProtocol, server = createServer(), host = '127.0.0.1' } = {}) {
  const wss = new WebSocketServer({ server, handleProtocols });
  const state = {};
  wss.on('connection', (socket, req) => handleEcho(socket, req, state));
  await new Promise((resolve) => server.listen(0, host, resolve));
  const port = server.address().port;
  const scheme = typeof server.setSecureContext === 'function' ? 'wss' : 'ws';
  return {
    url: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server,
    wss,
    close: () =>
      new Promise((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function refusedPort() {
  const s = createNetServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}
