/**
 * Node server sockets: `ws`'s WebSocketServer (through isomorphic-ws) in `noServer` mode over a
 * `node:http`/`node:https` server created here, so that the peer address is read and the core asked
 * before the upgrade (a refusal is an HTTP 503 answered without upgrading), and so that `stop()`
 * can close the listening socket at once. Translates `ws` facts; the core decides.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import WebSocket from 'isomorphic-ws';
import type { ServerOptions, WebSocketServer as WsServer } from 'ws';
import { ListenError, NO_CLOSE_FRAME } from '../../src/transport.js';
import type { ListeningServer, ListenRequest, ServerHandlers, ServerSocket, ServerSocketEvents } from '../../src/transport.js';
import { exactArrayBuffer } from './buffer.js';

const noop = () => {};
/** Where an admitted request carries the subprotocol the core chose, for `handleProtocols`. */
const PROTOCOL = Symbol('ohos-websocket protocol');
type Admitted = IncomingMessage & { [PROTOCOL]?: string };
/** `ws`'s server class: isomorphic-ws re-exports `ws` on Node, its typings only declare the client. */
const WebSocketServer = (WebSocket as unknown as { WebSocketServer: typeof WsServer }).WebSocketServer;

/** Answers a handshake without upgrading and drops the socket. */
function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
  // `end` flushes the answer first; a peer that never reads must not keep the socket alive.
  socket.once('finish', () => socket.destroy());
}

/** The listen error code → the fact the core maps (2302007, 2302004, 2302999). */
function listenError(err: NodeJS.ErrnoException): ListenError {
  const detail = `${err.code ?? 'error'}: ${err.message}`;
  if (err.code === 'EADDRINUSE') return new ListenError('address-in-use', detail);
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'EAFNOSUPPORT' || err.code === 'EINVAL' || err.code === 'ENOTFOUND') {
    return new ListenError('bad-address', detail);
  }
  return new ListenError('other', detail);
}

/**
 * The text message being delivered right now and its received bytes. HarmonyOS hands text over as a
 * string, so an echo (or a broadcast of what came in) would encode that string back to UTF-8; while
 * the `messageReceive` listeners run, sending that same text sends the received bytes instead,
 * as a `ws` echo server does (docs/bench.md). Cleared as soon as the listeners return, so no
 * received chunk is kept alive.
 */
let deliveringText: string | undefined;
let deliveringBytes: Buffer | undefined;
const AS_TEXT = { binary: false };

/**
 * One accepted connection: a `ws` WebSocket (built by ws's server through its `WebSocket` option)
 * whose `emit` is the transport's dispatch, as the Node client socket's: no listeners, closures or
 * adapter object per connection, and a received message goes from ws's receiver to the core
 * without an EventEmitter dispatch. `close` and `terminate` are ws's own and match the contract.
 */
class NodeServerSocket extends WebSocket implements ServerSocket {
  /** Set once the core has accepted the socket; ws emits nothing before (completeUpgrade's `cb`). */
  events: ServerSocketEvents | undefined = undefined;
  lastError = '';

  /** The contract's `send(data)`; an echo of the text being delivered sends its received bytes. */
  override send(data: any, options?: any, cb?: any): void {
    if (data === deliveringText && options === undefined) super.send(deliveringBytes!, AS_TEXT);
    else super.send(data, options, cb);
  }

  override emit(type: string | symbol, a?: any, b?: any): boolean {
    const events = this.events;
    if (!events) return false;
    switch (type) {
      case 'message': b ? events.message(exactArrayBuffer(a)) : deliverText(events, a); break;
      case 'error': this.lastError = (a as Error).message; break;
      // As on the client: ws says 1006 for a link that ended without a close frame, and after an
      // 'error' (a protocol violation) the code it sent itself although the link ended abnormally.
      case 'close': events.closed(this.lastError ? NO_CLOSE_FRAME : a, (b as Buffer).toString(), this.lastError); break;
      default: return false; // 'ping' (ws answers it), 'pong' (the server sends no pings)
    }
    return true;
  }
}

function deliverText(events: ServerSocketEvents, data: Buffer): void {
  const text = data.toString();
  const outerText = deliveringText;
  const outerBytes = deliveringBytes;
  deliveringText = text;
  deliveringBytes = data;
  try {
    events.message(text);
  } finally {
    deliveringText = outerText;
    deliveringBytes = outerBytes;
  }
}

/**
 * `Transport.listen` on Node: binds `request.host:request.port` (HTTP, or HTTPS with the PEM files
 * of `request.tls`) and upgrades admitted handshakes. Rejects with a `ListenError`.
 */
export function listenNode(request: ListenRequest, handlers: ServerHandlers): Promise<ListeningServer> {
  let server: Server;
  try {
    server = request.tls
      ? createHttpsServer({ cert: readFileSync(request.tls.certPath), key: readFileSync(request.tls.keyPath) })
      : createHttpServer();
  } catch (e) {
    return Promise.reject(new ListenError('cert', (e as Error).message));
  }
  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: false, // the core keeps the registry
    WebSocket: NodeServerSocket,
    // The core chose when it admitted the handshake; ws asks again only to write the header.
    handleProtocols: (_offered: Set<string>, req: IncomingMessage) => (req as Admitted)[PROTOCOL] ?? false,
  } satisfies ServerOptions);
  /** Admitted handshakes not yet upgraded: destroyed by `stop()` so the port frees at once. */
  const pending = new Set<Duplex>();

  // Anything that is not an upgrade gets the plain HTTP answer a WebSocket-only endpoint gives.
  server.on('request', (_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain', upgrade: 'websocket', connection: 'close' });
    res.end('Upgrade Required');
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', noop); // a reset during the handshake is not an uncaught error
    const net = req.socket;
    if (socket.destroyed || !net.remoteAddress) return void socket.destroy();
    const decision = handlers.admit({ ip: net.remoteAddress, port: net.remotePort ?? 0, protocols: req.headers['sec-websocket-protocol'] });
    if (!decision.accept) return refuse(socket, decision.status, decision.reason);
    (req as Admitted)[PROTOCOL] = decision.protocol;
    pending.add(socket);
    let settled = false;
    const abort = () => {
      if (settled) return;
      settled = true;
      pending.delete(socket);
      decision.aborted();
    };
    socket.once('close', abort);
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      if (settled) return void ws.terminate();
      settled = true;
      pending.delete(socket);
      socket.off('close', abort);
      const accepted = ws as unknown as NodeServerSocket;
      accepted.events = decision.accepted(accepted);
    });
  });

  return new Promise((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) => reject(listenError(err));
    server.once('error', failed);
    server.listen({ host: request.host, port: request.port }, () => {
      server.off('error', failed);
      server.on('error', noop); // accept failures (EMFILE…) are retried by Node; nothing to report
      resolve({
        port: (server.address() as AddressInfo).port,
        stop() {
          // Closing the listening handle frees the port now; upgraded sockets end on their own
          // close handshakes (the core has started them), so the close callback is not awaited.
          server.close();
          server.closeAllConnections();
          for (const socket of pending) socket.destroy();
          wss.close();
          return Promise.resolve();
        },
      });
    });
  });
}
