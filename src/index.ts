/**
 * The core's public surface, re-exported by every platform entry. Platform entries set the default
 * transport; this file never imports one.
 */
export { webSocket } from './namespace.js';
export { createWebSocketModule, type WebSocketModule, type CreateOptions } from './module.js';
export { BusinessError, isBusinessError, ErrorCode, ErrorMessage } from './errors.js';
export { TlsProtocol } from './types.js';
export type * from './types.js';
export type * from './transport.js';
export { CAN_DO_NOTHING, failedAttempt, INERT_SOCKET, ListenError, NO_CLOSE_FRAME } from './transport.js';
export { bypassesProxy } from './proxy.js';
