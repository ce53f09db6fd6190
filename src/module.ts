/**
 * The `webSocket` namespace object: what `import { webSocket } from '@kit.NetworkKit'` gives a
 * HarmonyOS app, bound to a transport. Entry files create one per platform; the core never picks one.
 */
import { ClientWebSocket, DEFAULT_HANDSHAKE_TIMEOUT_MS } from './client.js';
import { ErrorCode, mustBe, threwWhenRead } from './errors.js';
import { UnavailableServer } from './server/unavailable.js';
import { CAN_DO_NOTHING, failedAttempt, type Capabilities, type Transport } from './transport.js';
import { TlsProtocol } from './types.js';
import type * as T from './types.js';

/** Per-object choice of transport (an extension; HarmonyOS's factories take no argument). */
export interface CreateOptions {
  /**
   * The transport of this object only (default: the module's, see `setTransport`).
   *
   * @example
   * import { nodeTransport } from 'ohos-websocket/transports/node';
   * const ws = webSocket.createWebSocket({ transport: nodeTransport });
   */
  transport?: Transport;
  /**
   * Clients only: milliseconds a connection attempt may take, from `connect()` to the server's 101
   * (TCP, TLS, proxy and the HTTP upgrade). Default 20000 — libwebsockets' default, after which the
   * HarmonyOS client gives up; tests shorten it. On expiry the attempt fails as any other: an
   * `error` event {code: 200, data: "0"}, no `close`. `0` never gives up. Other values → 20000.
   *
   * @example
   * const ws = webSocket.createWebSocket({ handshakeTimeout: 500 }); // a test against a silent server
   */
  handshakeTimeout?: number;
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
  /** `TlsProtocol` (API 26), a runtime enum. @example ws.connect(url, { minSupportTlsProtocol: webSocket.TlsProtocol.TLS_V_1_2 }) */
  readonly TlsProtocol: typeof TlsProtocol;
  /** Extension: what the active default transport supports (docs/behaviour.md#transports-and-capabilities). @example if (!webSocket.capabilities.headers) console.log('no custom headers here') */
  readonly capabilities: Capabilities;
  /** Extension: the active default transport. @example console.log(webSocket.transport.capabilities.name) // 'node' */
  readonly transport: Transport;
  /**
   * Extension: makes `transport` the default for objects created from now on.
   *
   * @example
   * import { nodeTransport } from 'ohos-websocket/transports/node';
   * webSocket.setTransport(nodeTransport); // e.g. in Deno, for the full option set
   */
  setTransport(transport: Transport): void;
  /** The error codes table (docs/behaviour.md#errors). @example if (err.code === webSocket.ErrorCode.URL_ERROR) console.log(err.cause) */
  readonly ErrorCode: typeof ErrorCode;
}

/**
 * The transport `options` ask for, else `fallback`. The factories never throw (docs/behaviour.md#argument-errors): options
 * that cannot be read, or a `transport` that is not one, give a stand-in whose every connect fails
 * with an `error` event and whose server `start()` answers 801, each saying what was wrong.
 */
function chosen(options: unknown, fallback: Transport): Transport {
  let t: unknown;
  try {
    t = (options as CreateOptions | undefined)?.transport;
  } catch (e) {
    return failingTransport('invalid', threwWhenRead(e));
  }
  if (t === undefined) return fallback;
  return isTransport(t) ? t : failingTransport('invalid', mustBe('options.transport', 'a transport', t));
}

/** `options.handshakeTimeout` when it is a valid one, else the default (never throws). */
function handshakeTimeout(options: unknown): number {
  let ms: unknown;
  try {
    ms = (options as CreateOptions | undefined)?.handshakeTimeout;
  } catch {
    return DEFAULT_HANDSHAKE_TIMEOUT_MS;
  }
  // setTimeout's own limit (2^31-1 ms) bounds it: a larger delay would fire at once.
  return typeof ms === 'number' && ms >= 0 && ms <= 0x7fffffff ? ms : DEFAULT_HANDSHAKE_TIMEOUT_MS;
}

/** A transport shape: capabilities to check and a connect to call. */
function isTransport(t: unknown): t is Transport {
  try {
    const c = (t as Transport).capabilities;
    return typeof t === 'object' && t !== null && typeof c === 'object' && c !== null && typeof (t as Transport).connect === 'function';
  } catch {
    return false;
  }
}

/** A transport that can do nothing: every connect fails with `why` as the error event's cause. */
export function failingTransport(name: string, why: string): Transport {
  return {
    capabilities: Object.freeze({ ...CAN_DO_NOTHING, name }),
    connect: (_request, events) => failedAttempt(events, why),
  };
}

/**
 * Builds a `webSocket` namespace object whose default transport is `transport` (for a custom transport).
 *
 * @example
 * import { createWebSocketModule } from 'ohos-websocket';
 * const myWebSocket = createWebSocketModule(myTransport);
 * const ws = myWebSocket.createWebSocket();
 */
export function createWebSocketModule(transport: Transport): WebSocketModule {
  let current = transport;
  return {
    createWebSocket: (options) => new ClientWebSocket(chosen(options, current), handshakeTimeout(options)),
    createWebSocketServer: (options) => {
      const t = chosen(options, current);
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
      current = chosen({ transport: t }, current);
    },
  };
}
