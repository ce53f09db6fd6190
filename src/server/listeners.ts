/**
 * The server's listener methods (docs/behaviour.md#server): the one-listener rule, `on`/`off` and the static-ArkTS
 * aliases. Shared by the real server and the stand-in of builds without server mode.
 */
import { Registry } from '../events.js';
import type * as T from '../types.js';
import type { ServerEvent } from './lifetime.js';

const EVENTS: ReadonlySet<string> = new Set<ServerEvent>(['connect', 'messageReceive', 'close', 'error']);

export class ServerListeners {
  /** @internal */ readonly events = new Registry<ServerEvent>(EVENTS);

  /**
   * Registers the one listener of `type` (`connect`, `messageReceive`, `close`, `error`), replacing
   * any. Throws 401 for a non-string type or a non-function callback; unknown types are ignored.
   *
   * @example
   * server.on('close', (conn, result) => console.log(conn.clientPort, result.code, result.reason));
   */
  on(type: string, callback: (...args: any[]) => void): void {
    this.events.on(type, callback);
  }

  /** Removes the listener of `type` (only `callback`, when given). Throws 401 for bad arguments. */
  off(type: string, callback?: (...args: any[]) => void): void {
    this.events.off(type, callback);
  }

  onConnect(cb: T.Callback<T.WebSocketConnection>): void { this.events.on('connect', cb); }
  offConnect(cb?: T.Callback<T.WebSocketConnection>): void { this.events.off('connect', cb); }
  onMessageReceive(cb: T.Callback<T.WebSocketMessage>): void { this.events.on('messageReceive', cb); }
  offMessageReceive(cb?: T.Callback<T.WebSocketMessage>): void { this.events.off('messageReceive', cb); }
  onWebSocketServerClose(cb: T.ClientConnectionCloseCallback): void { this.events.on('close', cb); }
  offWebSocketServerClose(cb?: T.ClientConnectionCloseCallback): void { this.events.off('close', cb); }
  onWebSocketServerError(cb: T.ErrorCallback): void { this.events.on('error', cb); }
  offWebSocketServerError(cb?: T.ErrorCallback): void { this.events.off('error', cb); }
}
