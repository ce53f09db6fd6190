/**
 * The `webSocket` namespace: a value (the module object) and, under the same name, the HarmonyOS
 * types, so `webSocket.WebSocket` and `webSocket.CloseResult` work as types exactly as on HarmonyOS.
 * Entry files give it their platform's default transport with `setTransport`.
 */
import { createWebSocketModule, failingTransport, type WebSocketModule } from './module.js';
import type { Transport } from './transport.js';
import type * as T from './types.js';

/** Until an entry file sets one, the default transport reports that none was chosen. */
const unset: Transport = failingTransport('unset', 'no transport: import a platform entry or call webSocket.setTransport()');

/**
 * The HarmonyOS `webSocket` namespace.
 *
 * @example
 * import { webSocket } from 'ohos-websocket';
 * const ws: webSocket.WebSocket = webSocket.createWebSocket();
 */
export const webSocket: WebSocketModule = createWebSocketModule(unset);

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace webSocket {
  export type WebSocket = T.WebSocket;
  export type WebSocketRequestOptions = T.WebSocketRequestOptions;
  export type ProxyConfiguration = T.ProxyConfiguration;
  export type HttpProxy = T.HttpProxy;
  export type ClientCert = T.ClientCert;
  export type WebSocketCloseOptions = T.WebSocketCloseOptions;
  export type CloseResult = T.CloseResult;
  export type OpenResult = T.OpenResult;
  export type WebSocketOpenInfo = T.WebSocketOpenInfo;
  export type ResponseHeaders = T.ResponseHeaders;
  export type TlsProtocol = T.TlsProtocol;
  export type WebSocketServer = T.WebSocketServer;
  export type WebSocketServerConfig = T.WebSocketServerConfig;
  export type ServerCert = T.ServerCert;
  export type WebSocketConnection = T.WebSocketConnection;
  export type WebSocketMessage = T.WebSocketMessage;
  export type ClientConnectionCloseCallback = T.ClientConnectionCloseCallback;
}
