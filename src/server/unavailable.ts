/**
 * The `WebSocketServer` of a transport without server mode (no `serverCore`, e.g. the browser's):
 * listeners work, `start()` answers 801 (docs/behaviour.md#module-surface, §8). The server core itself arrives with the
 * transports that can listen (`Transport.serverCore`), so builds without one never carry it.
 */
import { fail, toPromise } from '../bridge.js';
import { unsupported } from '../capabilities.js';
import { businessError, ErrorCode } from '../errors.js';
import type { Transport } from '../transport.js';
import type * as T from '../types.js';
import { ServerListeners } from './listeners.js';

/** `WebSocketServer` of a transport without server mode: listeners work, `start()` is 801. */
export class UnavailableServer extends ServerListeners implements T.WebSocketServer {
  constructor(private readonly transport: Transport) {
    super();
  }
  readonly port = undefined;
  start(): Promise<boolean> {
    return toPromise(fail(unsupported('server mode', this.transport.capabilities)));
  }
  send(): Promise<boolean> {
    return toPromise(fail(businessError(ErrorCode.CONNECTION_NOT_EXIST, 'the server is not started')));
  }
  close(): Promise<boolean> {
    return this.send();
  }
  stop(): Promise<boolean> {
    return toPromise(fail(businessError(ErrorCode.UNKNOWN, 'the server is not started')));
  }
  listAllConnections(): T.WebSocketConnection[] {
    return [];
  }
}
