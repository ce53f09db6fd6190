/**
 * Public types, mirroring the HarmonyOS declarations of `@ohos.net.webSocket` (API 26) and
 * `@ohos.base`, so code that type-checks against the official `.d.ts` type-checks against ours.
 * Every member carries its documentation here, where editors look (test/package/hover.test.mjs).
 */
import type { BusinessError } from './errors.js';

/**
 * `@ohos.base` AsyncCallback: `(err, data)`; on success `err` is `undefined` at run time.
 *
 * @example
 * ws.send('hi', (err, ok) => { if (err) console.error(err.code, err.message, err.cause); });
 */
export type AsyncCallback<T, E = void> = (err: BusinessError<E>, data: T) => void;
/**
 * `@ohos.base` Callback: called with the value alone.
 *
 * @example
 * ws.on('headerReceive', (headers) => console.log(headers['content-type']));
 */
export type Callback<T> = (data: T) => void;
/**
 * `@ohos.base` ErrorCallback: called with the error alone.
 *
 * @example
 * ws.on('error', (err) => console.error(err.code, err.data, err.cause));
 */
export type ErrorCallback<T extends Error = BusinessError> = (err: T) => void;

/**
 * `connection.HttpProxy`: an HTTP CONNECT proxy for `connect` (Node; Deno for `wss:`; browsers: 801).
 *
 * @example
 * ws.connect('wss://example.test/', { proxy: { host: '127.0.0.1', port: 3128, exclusionList: ['*.local'] } });
 */
export interface HttpProxy {
  /** The proxy's host name or IP address. @example host: '127.0.0.1' */
  host: string;
  /** The proxy's TCP port. @example port: 3128 */
  port: number;
  /** User for Basic proxy authentication (sent only with `password`). @example username: 'alice' */
  username?: string;
  /** Password for Basic proxy authentication. A refusal is `error` `{200, data: '407'}`. @example password: 's3cret' */
  password?: string;
  /** Hosts reached directly: exact host, or `*.domain` / `.domain` suffix. @example exclusionList: ['localhost', '*.corp.example'] */
  exclusionList: Array<string>;
}

/**
 * Which proxy `connect` uses: `'system'` (the default: `https_proxy`/`http_proxy`/`no_proxy` on Node,
 * the browser's own proxy in a page), `'no-proxy'`, or an {@link HttpProxy}.
 *
 * @example
 * ws.connect(url, { proxy: 'no-proxy' });
 */
export type ProxyConfiguration = 'system' | 'no-proxy' | HttpProxy;

/**
 * A client certificate for mutual TLS (Node, Deno; browsers: 801). A missing file is 2302002.
 *
 * @example
 * ws.connect('wss://example.test/', { clientCert: { certPath: '/etc/app/client.pem', keyPath: '/etc/app/client.key' } });
 */
export interface ClientCert {
  /** Path of the PEM certificate (chain). A missing file fails `connect` with 2302002. @example certPath: './client.pem' */
  certPath: string;
  /** Path of the PEM private key. A missing file fails `connect` with 2302002. @example keyPath: './client.key' */
  keyPath: string;
  /** Passphrase of an encrypted key (Deno: PKCS#8 keys only, else 801). @example keyPassword: 's3cret' */
  keyPassword?: string;
}

/**
 * `TlsProtocol` (API 26): the lowest TLS version `connect` accepts (`minSupportTlsProtocol`, Node only).
 *
 * @example
 * ws.connect(url, { minSupportTlsProtocol: webSocket.TlsProtocol.TLS_V_1_3 });
 */
export enum TlsProtocol {
  /** TLS 1.0. @example webSocket.TlsProtocol.TLS_V_1_0 */
  TLS_V_1_0 = 0,
  /** TLS 1.1. @example webSocket.TlsProtocol.TLS_V_1_1 */
  TLS_V_1_1 = 1,
  /** TLS 1.2. @example webSocket.TlsProtocol.TLS_V_1_2 */
  TLS_V_1_2 = 2,
  /** TLS 1.3. @example webSocket.TlsProtocol.TLS_V_1_3 */
  TLS_V_1_3 = 3,
}

/**
 * Options of `connect`. An option the transport cannot honour fails `connect` with 801 naming it
 * (see `webSocket.capabilities`); a wrong type or value fails with 401.
 *
 * @example
 * await ws.connect('ws://127.0.0.1:8081', { protocol: 'echo', header: { 'x-app': 'demo' } });
 */
export interface WebSocketRequestOptions {
  /** Extra handshake headers (sent lowercased; CR/LF/NUL → 401; browsers: 801). @example header: { authorization: 'Bearer TOKEN' } */
  header?: Object;
  /** PEM file of the CA(s) to trust for `wss:` (missing file → 2302002; browsers: 801). @example caPath: './ca.pem' */
  caPath?: string;
  /** Client certificate for mutual TLS (browsers: 801). @example clientCert: { certPath: './client.pem', keyPath: './client.key' } */
  clientCert?: ClientCert;
  /** Proxy to use (default `'system'`). @example proxy: 'no-proxy' */
  proxy?: ProxyConfiguration;
  /** Subprotocol(s) to ask for, comma-separated; the chosen one is in `openInfo`. @example protocol: 'echo' */
  protocol?: string;
  /** `true` accepts any server certificate (Node only; else 801). Insecure: for tests. @example skipServerCertVerification: true */
  skipServerCertVerification?: boolean;
  /** Heartbeat interval in seconds (default 30, 0 disables; Node only when set). @example pingInterval: 10 */
  pingInterval?: number;
  /** Seconds to wait for the pong before the link is dropped (default 30). @example pongTimeout: 5 */
  pongTimeout?: number;
  /** Lowest TLS version accepted (Node only; else 801). @example minSupportTlsProtocol: webSocket.TlsProtocol.TLS_V_1_2 */
  minSupportTlsProtocol?: TlsProtocol;
  /** Include the port in the `Origin` header sent by non-browser transports. @example supportOriginPort: true */
  supportOriginPort?: boolean;
}

/**
 * Options of `close`: the close code (default 1000) and reason (default `''`, at most 123 bytes).
 *
 * @example
 * await ws.close({ code: 4000, reason: 'bye' });
 */
export interface WebSocketCloseOptions {
  /** Close code: 1000, or 3000–4999 (browsers send other codes as 1000). Invalid → 401. @example code: 1000 */
  code?: number;
  /** Close reason, at most 123 UTF-8 bytes (longer → 401). @example reason: 'done' */
  reason?: string;
}

/**
 * Payload of the `close` event: the code and reason the link closed with.
 *
 * @example
 * ws.on('close', (err, result) => console.log(result.code, result.reason));
 */
export interface CloseResult {
  /** Close code (1000 normal, 1001 going away, 0 when the link dropped without a close frame). @example result.code === 1000 */
  code: number;
  /** Close reason text (`'The link is down'` after a drop). @example console.log(result.reason) */
  reason: string;
}

/**
 * Payload of `onOpen`: the handshake's HTTP status and reason phrase.
 *
 * @example
 * ws.onOpen((info) => console.log(info.status, info.message)); // 101 'Switching Protocols'
 */
export interface OpenResult {
  /** HTTP status of the handshake (101). @example info.status === 101 */
  status: number;
  /** HTTP reason phrase (`'Switching Protocols'`). @example console.log(info.message) */
  message: string;
}

/**
 * Payload of the `openInfo` event: {@link OpenResult} plus the subprotocol the server chose.
 *
 * @example
 * ws.on('openInfo', (err, info) => console.log(info.status, info.protocol));
 */
export interface WebSocketOpenInfo extends OpenResult {
  /** The subprotocol the server accepted, if any. @example info.protocol === 'echo' */
  protocol?: string;
}

/**
 * Payload of `headerReceive`: the handshake response headers (Node only; elsewhere the event never fires).
 *
 * @example
 * ws.on('headerReceive', (headers) => console.log(headers['sec-websocket-protocol']));
 */
export type ResponseHeaders = {
  [k: string]: string | string[] | undefined;
};

/**
 * A HarmonyOS WebSocket client, made by `webSocket.createWebSocket()`. Every method takes a callback
 * or returns a Promise; invalid arguments never throw (the callback or promise gets the error), only
 * `on`/`off` throw 401. Each event has one listener slot: `on` replaces it, `off` clears it.
 *
 * @example
 * const ws = webSocket.createWebSocket();
 * ws.on('message', (err, data) => console.log(data));
 * await ws.connect('ws://127.0.0.1:8081', { protocol: 'echo' });
 * await ws.send('hello');
 */
export interface WebSocket {
  /**
   * Opens a connection to `url` (`ws:` or `wss:`). Succeeds with `true` as soon as the attempt has
   * started; the outcome arrives as events (`open`, `openInfo`, or `error` then `close`).
   *
   * @throws {BusinessError} 401 - a non-string URL or invalid options (`cause` says which).
   * @throws {BusinessError} 801 - an option the transport cannot honour.
   * @throws {BusinessError} 2302001 - an empty, unparseable, too long or non-`ws:` URL.
   * @throws {BusinessError} 2302002 - `caPath` or `clientCert` names a missing file.
   * @throws {BusinessError} 2302003 - this object already has a session.
   * @throws {BusinessError} -1 - a URL without a host.
   * @example
   * ws.connect('ws://127.0.0.1:8081', (err, ok) => { if (err) console.error(err.code, err.cause); });
   */
  connect(url: string, callback: AsyncCallback<boolean>): void;
  /**
   * Opens a connection to `url` with options (headers, subprotocol, TLS, proxy, heartbeat).
   *
   * @throws {BusinessError} 401 - a non-string URL or invalid options (`cause` says which).
   * @throws {BusinessError} 801 - an option the transport cannot honour.
   * @throws {BusinessError} 2302001 - an invalid URL. 2302002 - a missing certificate file. 2302003 - already connected.
   * @example
   * ws.connect('ws://127.0.0.1:8081', { protocol: 'echo' }, (err, ok) => console.log(err ?? ok));
   */
  connect(url: string, options: WebSocketRequestOptions | undefined, callback: AsyncCallback<boolean>): void;
  /**
   * Opens a connection to `url`; the Promise resolves `true` once the attempt has started.
   *
   * @throws {BusinessError} 401 - a non-string URL or invalid options (`cause` says which).
   * @throws {BusinessError} 801 - an option the transport cannot honour.
   * @throws {BusinessError} 2302001 - an invalid URL. 2302002 - a missing certificate file. 2302003 - already connected.
   * @example
   * await ws.connect('ws://127.0.0.1:8081', { protocol: 'echo' }).catch((err) => console.error(err.code, err.cause));
   */
  connect(url: string, options?: WebSocketRequestOptions): Promise<boolean>;

  /**
   * Sends a text (string) or binary (ArrayBuffer) message. While connecting it is queued and sent in
   * order once open.
   *
   * @throws {BusinessError} 401 - not a string or ArrayBuffer, or over 5,242,864 bytes.
   * @throws {BusinessError} -1 - no session (never connected, or closed).
   * @example
   * ws.send('hello', (err, ok) => { if (err) console.error(err.code, err.cause); });
   */
  send(data: string | ArrayBuffer, callback: AsyncCallback<boolean>): void;
  /**
   * Sends a text or binary message; the Promise resolves `true` once it is handed to the socket.
   *
   * @throws {BusinessError} 401 - not a string or ArrayBuffer, or over 5,242,864 bytes.
   * @throws {BusinessError} -1 - no session (never connected, or closed).
   * @example
   * await ws.send(new Uint8Array([1, 2, 3]).buffer);
   */
  send(data: string | ArrayBuffer): Promise<boolean>;

  /**
   * Closes the session with code 1000; the `close` event follows.
   *
   * @throws {BusinessError} 2302999 - no session to close.
   * @example
   * ws.close((err, ok) => console.log(err ? err.cause : 'closing'));
   */
  close(callback: AsyncCallback<boolean>): void;
  /**
   * Closes the session with a code and reason; the `close` event follows.
   *
   * @throws {BusinessError} 401 - an invalid code or a reason over 123 bytes.
   * @throws {BusinessError} 2302999 - no session to close.
   * @example
   * ws.close({ code: 4000, reason: 'bye' }, (err) => { if (err) console.error(err.code, err.cause); });
   */
  close(options: WebSocketCloseOptions | undefined, callback: AsyncCallback<boolean>): void;
  /**
   * Closes the session (default code 1000); the Promise resolves `true` when the close has begun.
   *
   * @throws {BusinessError} 401 - an invalid code or a reason over 123 bytes.
   * @throws {BusinessError} 2302999 - no session to close.
   * @example
   * await ws.close({ code: 1000, reason: 'done' });
   */
  close(options?: WebSocketCloseOptions): Promise<boolean>;

  /**
   * Listens for `open`: the handshake succeeded. `value` is `{status, message}`. One listener per
   * event: a second `on` replaces the first.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.on('open', (err, value) => ws.send('hello'));
   */
  on(type: 'open', callback: AsyncCallback<Object>): void;
  /**
   * Removes the `open` listener (any listener when `callback` is omitted).
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.off('open');
   */
  off(type: 'open', callback?: AsyncCallback<Object>): void;
  /**
   * Listens for `openInfo`: after `open`, with status, reason phrase and the chosen subprotocol.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.on('openInfo', (err, info) => console.log(info.status, info.protocol));
   */
  on(type: 'openInfo', callback: AsyncCallback<WebSocketOpenInfo>): void;
  /**
   * Removes the `openInfo` listener.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.off('openInfo');
   */
  off(type: 'openInfo', callback?: AsyncCallback<WebSocketOpenInfo>): void;
  /**
   * Listens for messages: a string for text, an ArrayBuffer for binary.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.on('message', (err, data) => console.log(typeof data === 'string' ? data : new Uint8Array(data)));
   */
  on(type: 'message', callback: AsyncCallback<string | ArrayBuffer>): void;
  /**
   * Removes the `message` listener.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.off('message');
   */
  off(type: 'message', callback?: AsyncCallback<string | ArrayBuffer>): void;
  /**
   * Listens for `close`: once per session, with the code and reason (`{0, 'The link is down'}` after a drop).
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.on('close', (err, result) => console.log('closed', result.code, result.reason));
   */
  on(type: 'close', callback: AsyncCallback<CloseResult>): void;
  /**
   * Removes the `close` listener.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.off('close');
   */
  off(type: 'close', callback?: AsyncCallback<CloseResult>): void;
  /**
   * Listens for `error`: a failed connect or a dropped link, as `{code: 200, data}` (`data` = HTTP
   * status string, `'0'` when there was none; `cause` explains).
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.on('error', (err) => console.error(err.code, err.data, err.cause));
   */
  on(type: 'error', callback: ErrorCallback): void;
  /**
   * Removes the `error` listener.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.off('error');
   */
  off(type: 'error', callback?: ErrorCallback): void;
  /**
   * Listens for `dataEnd`: the end of each received message.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.on('dataEnd', () => console.log('message complete'));
   */
  on(type: 'dataEnd', callback: Callback<void>): void;
  /**
   * Removes the `dataEnd` listener.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.off('dataEnd');
   */
  off(type: 'dataEnd', callback?: Callback<void>): void;
  /**
   * Listens for `headerReceive`: the handshake response headers, before `open` (Node only).
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.on('headerReceive', (headers) => console.log(headers));
   */
  on(type: 'headerReceive', callback: Callback<ResponseHeaders>): void;
  /**
   * Removes the `headerReceive` listener.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * ws.off('headerReceive');
   */
  off(type: 'headerReceive', callback?: Callback<ResponseHeaders>): void;

  /*
   * Static-ArkTS aliases, sharing the slot of the event they name, with the callback shapes of the
   * official declarations: onOpen gets the OpenResult alone; onMessage and onWebSocketClose are
   * AsyncCallbacks called as (undefined, value), exactly like on('message') / on('close').
   */
  /**
   * Static-ArkTS alias of `on('open')`, same slot; the callback gets the {@link OpenResult} alone.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * ws.onOpen((info) => console.log(info.status));
   */
  onOpen(callback: Callback<OpenResult>): void;
  /**
   * Static-ArkTS alias of `off('open')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * ws.offOpen();
   */
  offOpen(callback?: Callback<OpenResult>): void;
  /**
   * Static-ArkTS alias of `on('message')`, same slot and callback shape.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * ws.onMessage((err, data) => console.log(data));
   */
  onMessage(callback: AsyncCallback<string | ArrayBuffer>): void;
  /**
   * Static-ArkTS alias of `off('message')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * ws.offMessage();
   */
  offMessage(callback?: AsyncCallback<string | ArrayBuffer>): void;
  /**
   * Static-ArkTS alias of `on('close')`, same slot and callback shape.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * ws.onWebSocketClose((err, result) => console.log(result.code));
   */
  onWebSocketClose(callback: AsyncCallback<CloseResult>): void;
  /**
   * Static-ArkTS alias of `off('close')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * ws.offWebSocketClose();
   */
  offWebSocketClose(callback?: AsyncCallback<CloseResult>): void;
  /**
   * Static-ArkTS alias of `on('error')`, same slot.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * ws.onWebSocketError((err) => console.error(err.code, err.cause));
   */
  onWebSocketError(callback: ErrorCallback): void;
  /**
   * Static-ArkTS alias of `off('error')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * ws.offWebSocketError();
   */
  offWebSocketError(callback?: ErrorCallback): void;
  /**
   * Static-ArkTS alias of `on('dataEnd')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * ws.onDataEnd(() => console.log('end'));
   */
  onDataEnd(callback: Callback<void>): void;
  /**
   * Static-ArkTS alias of `off('dataEnd')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * ws.offDataEnd();
   */
  offDataEnd(callback?: Callback<void>): void;
  /**
   * Static-ArkTS alias of `on('headerReceive')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * ws.onHeaderReceive((headers) => console.log(headers));
   */
  onHeaderReceive(callback: Callback<ResponseHeaders>): void;
  /**
   * Static-ArkTS alias of `off('headerReceive')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * ws.offHeaderReceive();
   */
  offHeaderReceive(callback?: Callback<ResponseHeaders>): void;
}

/* ---------------------------------- server (API 19) ---------------------------------- */

/**
 * The server's certificate and key: with it `start` serves `wss:`. A missing file is 2302002.
 *
 * @example
 * await server.start({ serverPort: 8443, serverCert: { certPath: './server.pem', keyPath: './server.key' }, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 });
 */
export interface ServerCert {
  /** Path of the PEM certificate (chain). @example certPath: './server.pem' */
  certPath: string;
  /** Path of the PEM private key. @example keyPath: './server.key' */
  keyPath: string;
}

/**
 * Configuration of `start`. Limits are per process (see the cluster recipe in docs/server.md).
 *
 * @example
 * await server.start({ serverIP: '127.0.0.1', serverPort: 8080, maxConcurrentClientsNumber: 100, maxConnectionsForOneClient: 10 });
 */
export interface WebSocketServerConfig {
  /** Address to listen on (default `'0.0.0.0'`); not a valid IPv4/IPv6 address → 2302004. @example serverIP: '127.0.0.1' */
  serverIP?: string;
  /** Port to listen on, 0 for a free one (then read `server.port`); invalid → 2302005, taken → 2302007. @example serverPort: 8080 */
  serverPort: number;
  /** Certificate and key: serve `wss:`. @example serverCert: { certPath: './server.pem', keyPath: './server.key' } */
  serverCert?: ServerCert;
  /** The subprotocol this server accepts; clients asking for others are refused. @example protocol: 'chat' */
  protocol?: string;
  /** Most clients connected at once; more are refused. @example maxConcurrentClientsNumber: 100 */
  maxConcurrentClientsNumber: number;
  /** Most connections from one client IP at once. @example maxConnectionsForOneClient: 10 */
  maxConnectionsForOneClient: number;
}

/**
 * One client connection as the server sees it: what `send`, `close` and the events use to name it.
 *
 * @example
 * server.on('connect', (conn) => server.send(`hello ${conn.clientIP}:${conn.clientPort}`, conn));
 */
export interface WebSocketConnection {
  /** The client's IP address (IPv4-mapped addresses as plain IPv4). @example conn.clientIP === '127.0.0.1' */
  clientIP: string;
  /** The client's TCP port. @example console.log(conn.clientPort) */
  clientPort: number;
}

/**
 * Payload of the server's `messageReceive` event: the data and the connection it came from.
 *
 * @example
 * server.on('messageReceive', (m) => server.send(m.data, m.clientConnection)); // echo
 */
export interface WebSocketMessage {
  /** A string for text, an ArrayBuffer for binary. @example typeof m.data === 'string' */
  data: string | ArrayBuffer;
  /** The connection that sent it. @example server.send('got it', m.clientConnection) */
  clientConnection: WebSocketConnection;
}

/**
 * The server `close` result: `reason` (declared) and `closeReason` (native name) carry the same text.
 *
 * @example
 * server.on('close', (conn, result) => console.log(result.code, result.reason));
 */
export interface ServerCloseResult extends CloseResult {
  /** The close reason under the native implementation's name (same text as `reason`). @example result.closeReason */
  closeReason: string;
}

/**
 * Listener of the server's `close` event: the connection and its close result.
 *
 * @example
 * server.on('close', (conn, result) => console.log(conn.clientPort, 'left with', result.code));
 */
export type ClientConnectionCloseCallback = (clientConnection: WebSocketConnection, closeReason: CloseResult) => void;

/**
 * A HarmonyOS WebSocket server (API 19), made by `webSocket.createWebSocketServer()`; runs on Node
 * and Deno (browsers: `start` fails with 801). Methods return Promises and never throw; `on`/`off`
 * throw 401.
 *
 * @example
 * const server = webSocket.createWebSocketServer();
 * server.on('messageReceive', (m) => server.send(m.data, m.clientConnection));
 * await server.start({ serverIP: '127.0.0.1', serverPort: 8080, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 });
 */
export interface WebSocketServer {
  /**
   * Starts listening; resolves `true` once the port is bound.
   *
   * @throws {BusinessError} 401 - an invalid config (`cause` says which field).
   * @throws {BusinessError} 801 - the transport has no server mode (browsers).
   * @throws {BusinessError} 2302002 - `serverCert` names a missing file.
   * @throws {BusinessError} 2302004 - `serverIP` is not a valid IP address. 2302005 - invalid `serverPort`.
   * @throws {BusinessError} 2302007 - the port is taken. 2302999 - already started.
   * @example
   * await server.start({ serverPort: 0, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 });
   * console.log('listening on', server.port);
   */
  start(config: WebSocketServerConfig): Promise<boolean>;
  /**
   * Sends a text or binary message to one connection.
   *
   * @throws {BusinessError} 401 - bad data or connection shape, or over 5,242,864 bytes.
   * @throws {BusinessError} 2302006 - no such connection. -1 - its close has begun.
   * @example
   * await server.send('welcome', conn);
   */
  send(data: string | ArrayBuffer, connection: WebSocketConnection): Promise<boolean>;
  /**
   * Closes one connection (default `{1000, 'CLOSE_NORMAL'}`); the `close` event follows.
   *
   * @throws {BusinessError} 401 - options without both a numeric `code` and a string `reason`.
   * @throws {BusinessError} 2302006 - no such connection. 2302999 - its close has begun.
   * @example
   * await server.close(conn, { code: 4000, reason: 'kicked' });
   */
  close(connection: WebSocketConnection, options?: WebSocketCloseOptions): Promise<boolean>;
  /**
   * The connections open now, in this process (per process under `node:cluster`).
   *
   * @example
   * for (const conn of server.listAllConnections()) server.send('broadcast', conn);
   */
  listAllConnections(): WebSocketConnection[];
  /**
   * Stops: every client gets 1001 `'server is going away'`, the port is free when it resolves.
   *
   * @throws {BusinessError} 2302999 - not started.
   * @example
   * await server.stop();
   */
  stop(): Promise<boolean>;

  /**
   * Listens for new connections (after the handshake and admission limits).
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * server.on('connect', (conn) => console.log('client', conn.clientIP, conn.clientPort));
   */
  on(type: 'connect', callback: Callback<WebSocketConnection>): void;
  /**
   * Removes the `connect` listener.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * server.off('connect');
   */
  off(type: 'connect', callback?: Callback<WebSocketConnection>): void;
  /**
   * Listens for messages from any connection.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * server.on('messageReceive', (m) => server.send(m.data, m.clientConnection));
   */
  on(type: 'messageReceive', callback: Callback<WebSocketMessage>): void;
  /**
   * Removes the `messageReceive` listener.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * server.off('messageReceive');
   */
  off(type: 'messageReceive', callback?: Callback<WebSocketMessage>): void;
  /**
   * Listens for closed connections, with the code and reason.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * server.on('close', (conn, result) => console.log('closed', result.code, result.reason));
   */
  on(type: 'close', callback: ClientConnectionCloseCallback): void;
  /**
   * Removes the `close` listener.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * server.off('close');
   */
  off(type: 'close', callback?: ClientConnectionCloseCallback): void;
  /**
   * Listens for server errors (a connection that failed; `cause` explains).
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * server.on('error', (err) => console.error(err.code, err.cause));
   */
  on(type: 'error', callback: ErrorCallback): void;
  /**
   * Removes the `error` listener.
   *
   * @throws {BusinessError} 401 - a non-string type or a non-function callback (thrown).
   * @example
   * server.off('error');
   */
  off(type: 'error', callback?: ErrorCallback): void;

  /**
   * Static-ArkTS alias of `on('connect')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * server.onConnect((conn) => console.log(conn.clientIP));
   */
  onConnect(callback: Callback<WebSocketConnection>): void;
  /**
   * Static-ArkTS alias of `off('connect')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * server.offConnect();
   */
  offConnect(callback?: Callback<WebSocketConnection>): void;
  /**
   * Static-ArkTS alias of `on('messageReceive')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * server.onMessageReceive((m) => server.send(m.data, m.clientConnection));
   */
  onMessageReceive(callback: Callback<WebSocketMessage>): void;
  /**
   * Static-ArkTS alias of `off('messageReceive')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * server.offMessageReceive();
   */
  offMessageReceive(callback?: Callback<WebSocketMessage>): void;
  /**
   * Static-ArkTS alias of `on('close')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * server.onWebSocketServerClose((conn, result) => console.log(result.code));
   */
  onWebSocketServerClose(callback: ClientConnectionCloseCallback): void;
  /**
   * Static-ArkTS alias of `off('close')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * server.offWebSocketServerClose();
   */
  offWebSocketServerClose(callback?: ClientConnectionCloseCallback): void;
  /**
   * Static-ArkTS alias of `on('error')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * server.onWebSocketServerError((err) => console.error(err.code, err.cause));
   */
  onWebSocketServerError(callback: ErrorCallback): void;
  /**
   * Static-ArkTS alias of `off('error')`.
   *
   * @throws {BusinessError} 401 - a non-function callback (thrown).
   * @example
   * server.offWebSocketServerError();
   */
  offWebSocketServerError(callback?: ErrorCallback): void;

  /**
   * Extension: the port actually bound (useful with `serverPort: 0`); `undefined` when stopped.
   *
   * @example
   * await server.start({ serverPort: 0, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 });
   * const url = `ws://127.0.0.1:${server.port}`;
   */
  readonly port: number | undefined;
}
