/**
 * Public types, mirroring the HarmonyOS declarations of `@ohos.net.webSocket` (API 26) and
 * `@ohos.base`, so code that type-checks against the official `.d.ts` type-checks against ours.
 */
import type { BusinessError } from './errors.js';

/** `@ohos.base` AsyncCallback: `(err, data)`; on success `err` is `undefined` at run time. */
export type AsyncCallback<T, E = void> = (err: BusinessError<E>, data: T) => void;
/** `@ohos.base` Callback. */
export type Callback<T> = (data: T) => void;
/** `@ohos.base` ErrorCallback. */
export type ErrorCallback<T extends Error = BusinessError> = (err: T) => void;

/** `connection.HttpProxy`: an HTTP CONNECT proxy. */
export interface HttpProxy {
  host: string;
  port: number;
  username?: string;
  password?: string;
  /** Hosts reached directly: exact host, or `*.domain` / `.domain` suffix. */
  exclusionList: Array<string>;
}

export type ProxyConfiguration = 'system' | 'no-proxy' | HttpProxy;

export interface ClientCert {
  certPath: string;
  keyPath: string;
  keyPassword?: string;
}

/** `TlsProtocol` (API 26). */
export enum TlsProtocol {
  TLS_V_1_0 = 0,
  TLS_V_1_1 = 1,
  TLS_V_1_2 = 2,
  TLS_V_1_3 = 3,
}

export interface WebSocketRequestOptions {
  /** Extra handshake headers (sent lowercased; CR/LF/NUL → 401). */
  header?: Object;
  caPath?: string;
  clientCert?: ClientCert;
  proxy?: ProxyConfiguration;
  protocol?: string;
  skipServerCertVerification?: boolean;
  /** Heartbeat interval in seconds (default 30, 0 disables). */
  pingInterval?: number;
  /** Seconds to wait for the pong (default 30). */
  pongTimeout?: number;
  minSupportTlsProtocol?: TlsProtocol;
  /** Include the port in the `Origin` header sent by non-browser transports. */
  supportOriginPort?: boolean;
}

export interface WebSocketCloseOptions {
  code?: number;
  reason?: string;
}

export interface CloseResult {
  code: number;
  reason: string;
}

export interface OpenResult {
  status: number;
  message: string;
}

export interface WebSocketOpenInfo extends OpenResult {
  protocol?: string;
}

export type ResponseHeaders = {
  [k: string]: string | string[] | undefined;
};

export interface WebSocket {
  connect(url: string, callback: AsyncCallback<boolean>): void;
  connect(url: string, options: WebSocketRequestOptions | undefined, callback: AsyncCallback<boolean>): void;
  connect(url: string, options?: WebSocketRequestOptions): Promise<boolean>;

  send(data: string | ArrayBuffer, callback: AsyncCallback<boolean>): void;
  send(data: string | ArrayBuffer): Promise<boolean>;

  close(callback: AsyncCallback<boolean>): void;
  close(options: WebSocketCloseOptions | undefined, callback: AsyncCallback<boolean>): void;
  close(options?: WebSocketCloseOptions): Promise<boolean>;

  on(type: 'open', callback: AsyncCallback<Object>): void;
  off(type: 'open', callback?: AsyncCallback<Object>): void;
  on(type: 'openInfo', callback: AsyncCallback<WebSocketOpenInfo>): void;
  off(type: 'openInfo', callback?: AsyncCallback<WebSocketOpenInfo>): void;
  on(type: 'message', callback: AsyncCallback<string | ArrayBuffer>): void;
  off(type: 'message', callback?: AsyncCallback<string | ArrayBuffer>): void;
  on(type: 'close', callback: AsyncCallback<CloseResult>): void;
  off(type: 'close', callback?: AsyncCallback<CloseResult>): void;
  on(type: 'error', callback: ErrorCallback): void;
  off(type: 'error', callback?: ErrorCallback): void;
  on(type: 'dataEnd', callback: Callback<void>): void;
  off(type: 'dataEnd', callback?: Callback<void>): void;
  on(type: 'headerReceive', callback: Callback<ResponseHeaders>): void;
  off(type: 'headerReceive', callback?: Callback<ResponseHeaders>): void;

  /*
   * Static-ArkTS aliases, sharing the slot of the event they name, with the callback shapes of the
   * official declarations: onOpen gets the OpenResult alone; onMessage and onWebSocketClose are
   * AsyncCallbacks called as (undefined, value), exactly like on('message') / on('close').
   */
  onOpen(callback: Callback<OpenResult>): void;
  offOpen(callback?: Callback<OpenResult>): void;
  onMessage(callback: AsyncCallback<string | ArrayBuffer>): void;
  offMessage(callback?: AsyncCallback<string | ArrayBuffer>): void;
  onWebSocketClose(callback: AsyncCallback<CloseResult>): void;
  offWebSocketClose(callback?: AsyncCallback<CloseResult>): void;
  onWebSocketError(callback: ErrorCallback): void;
  offWebSocketError(callback?: ErrorCallback): void;
  onDataEnd(callback: Callback<void>): void;
  offDataEnd(callback?: Callback<void>): void;
  onHeaderReceive(callback: Callback<ResponseHeaders>): void;
  offHeaderReceive(callback?: Callback<ResponseHeaders>): void;
}

/* ---------------------------------- server (API 19) ---------------------------------- */

export interface ServerCert {
  certPath: string;
  keyPath: string;
}

export interface WebSocketServerConfig {
  serverIP?: string;
  serverPort: number;
  serverCert?: ServerCert;
  protocol?: string;
  maxConcurrentClientsNumber: number;
  maxConnectionsForOneClient: number;
}

export interface WebSocketConnection {
  clientIP: string;
  clientPort: number;
}

export interface WebSocketMessage {
  data: string | ArrayBuffer;
  clientConnection: WebSocketConnection;
}

/** The server `close` result: `reason` (declared) and `closeReason` (native name) carry the same text. */
export interface ServerCloseResult extends CloseResult {
  closeReason: string;
}

export type ClientConnectionCloseCallback = (clientConnection: WebSocketConnection, closeReason: CloseResult) => void;

export interface WebSocketServer {
  start(config: WebSocketServerConfig): Promise<boolean>;
  send(data: string | ArrayBuffer, connection: WebSocketConnection): Promise<boolean>;
  close(connection: WebSocketConnection, options?: WebSocketCloseOptions): Promise<boolean>;
  listAllConnections(): WebSocketConnection[];
  stop(): Promise<boolean>;

  on(type: 'connect', callback: Callback<WebSocketConnection>): void;
  off(type: 'connect', callback?: Callback<WebSocketConnection>): void;
  on(type: 'messageReceive', callback: Callback<WebSocketMessage>): void;
  off(type: 'messageReceive', callback?: Callback<WebSocketMessage>): void;
  on(type: 'close', callback: ClientConnectionCloseCallback): void;
  off(type: 'close', callback?: ClientConnectionCloseCallback): void;
  on(type: 'error', callback: ErrorCallback): void;
  off(type: 'error', callback?: ErrorCallback): void;

  onConnect(callback: Callback<WebSocketConnection>): void;
  offConnect(callback?: Callback<WebSocketConnection>): void;
  onMessageReceive(callback: Callback<WebSocketMessage>): void;
  offMessageReceive(callback?: Callback<WebSocketMessage>): void;
  onWebSocketServerClose(callback: ClientConnectionCloseCallback): void;
  offWebSocketServerClose(callback?: ClientConnectionCloseCallback): void;
  onWebSocketServerError(callback: ErrorCallback): void;
  offWebSocketServerError(callback?: ErrorCallback): void;

  /** Extension: the port actually bound (useful with `serverPort: 0`); `undefined` when stopped. */
  readonly port: number | undefined;
}
