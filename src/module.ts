/**
 * The `webSocket` namespace object: what `import { webSocket } from '@kit.NetworkKit'` gives a
 * HarmonyOS app, bound to a transport. Entry files create one per platform; the core never picks one.
 */
import { ClientWebSocket } from './client.js';
import { ErrorCode } from './errors.js';
import { UnavailableServer } from './server/unavailable.js';
import type { Capabilities, Transport } from './transport.js';
import { TlsProtocol } from './types.js';
import type * as T from './types.js';

/** Per-object choice of transport (an extension; HarmonyOS's factories take no argument). */
export interface CreateOptions {
  transport?: Transport;
}

export interface WebSocketModule {
  /**
   * Creates a client. Every call returns a new, independent object.
   *
   * @example
   * const ws = webSocket.createWebSocket();
   * ws.connect('ws://127.0.0.1:8080').then(() => console.log('connecting'));
   */
  createWebSocket(options?: CreateOptions): T.WebSocket;
  /**
   * Creates a server (API 19). On a transport without server mode (no `serverCore`), `start()` fails with 801.
   *
   * @example
   * const server = webSocket.createWebSocketServer();
   * server.on('messageReceive', (m) => server.send(m.data, m.clientConnection));
   * await server.start({ serverPort: 8080, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 });
   */
  createWebSocketServer(options?: CreateOptions): T.WebSocketServer;
  /** `TlsProtocol` (API 26), a runtime enum. */
  readonly TlsProtocol: typeof TlsProtocol;
  /** Extension: what the active default transport supports (SPEC §5). */
  readonly capabilities: Capabilities;
  /** Extension: the active default transport. */
  readonly transport: Transport;
  /**
   * Extension: makes `transport` the default for objects created from now on.
   *
   * @example
   * import { nodeTransport } from 'ohos-websocket/transports/node';
   * webSocket.setTransport(nodeTransport); // e.g. in Deno, for the full option set
   */
  setTransport(transport: Transport): void;
  /** The error codes table (SPEC §4). */
  readonly ErrorCode: typeof ErrorCode;
}

/** Builds a `webSocket` namespace object whose default transport is `transport`. */
export function createWebSocketModule(transport: Transport): WebSocketModule {
  let current = transport;
  return {
    createWebSocket: (options) => new ClientWebSocket(options?.transport ?? current),
    createWebSocketServer: (options) => {
      const t = options?.transport ?? current;
      return t.serverCore ? t.serverCore(t) : new UnavailableServer(t);
    },
    TlsProtocol,
    ErrorCode,
    get capabilities() {
      return current.capabilities;
    },
    get transport() {
      return current;
    },
    setTransport(t: Transport) {
      current = t;
    },
  };
}
