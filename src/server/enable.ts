/** Installs the full server core; imported by the entries of platforms that can listen (Node, Deno). */
import { installServer } from './factory.js';
import { ServerWebSocket } from './server.js';

export function enableServerMode(): void {
  installServer((transport) => new ServerWebSocket(transport));
}
