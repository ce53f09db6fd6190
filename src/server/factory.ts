/**
 * Which server implementation `createWebSocketServer()` builds. The server core is large next to
 * the client, and a browser can never listen, so the core is not imported by the module object:
 * entries with server mode (Node, Deno) install it, and every other build gets the small stand-in
 * below, whose `start()` answers 801 as SPEC §1 and §8 ask.
 */
import { fail, settle } from '../bridge.js';
import { unsupported } from '../capabilities.js';
import { businessError, ErrorCode } from '../errors.js';
import type { Transport } from '../transport.js';
import type * as T from '../types.js';
import { ServerListeners } from './listeners.js';

/** Builds a server bound to a transport. */
export type ServerFactory = (transport: Transport) => T.WebSocketServer;

/** `WebSocketServer` of a build without server mode: listeners work, `start()` is 801. */
class UnavailableServer extends ServerListeners implements T.WebSocketServer {
  constructor(private readonly transport: Transport) {
    super();
  }
  readonly port = undefined;
  start(): Promise<boolean> {
    return settle(undefined, fail(unsupported('server mode (createWebSocketServer().start())', this.transport.capabilities)))!;
  }
  send(): Promise<boolean> {
    return settle(undefined, fail(businessError(ErrorCode.CONNECTION_NOT_EXIST, 'the server is not started')))!;
  }
  close(): Promise<boolean> {
    return this.send();
  }
  stop(): Promise<boolean> {
    return settle(undefined, fail(businessError(ErrorCode.UNKNOWN, 'the server is not started')))!;
  }
  listAllConnections(): T.WebSocketConnection[] {
    return [];
  }
}

let factory: ServerFactory = (transport) => new UnavailableServer(transport);

/** Makes a server with the installed implementation. */
export const makeServer: ServerFactory = (transport) => factory(transport);

/** Installs the server core; called by the entries of platforms that can listen. */
export function installServer(f: ServerFactory): void {
  factory = f;
}
