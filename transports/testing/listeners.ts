/**
 * The server side of the test network: what a `WebSocketServer` started on `net.transport` listens
 * with. This is the only file that speaks the listening half of the transport contract; it hands
 * each handshake to the core (`admit`, then `accepted`) and wires the accepted socket to a link end.
 */
import type { HandshakeAccepted, ServerHandlers, ServerSocket } from '../../src/transport.js';
import type { HandshakeRecord } from './handshake.js';
import { frameOf, type End } from './link.js';

/** A server listening on the network. */
export interface Listener {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly handlers: ServerHandlers;
}

/** Asks the core whether to take `record`'s handshake (it decides slots, stopping, subprotocol). */
export function askServer(listener: Listener, record: HandshakeRecord) {
  return listener.handlers.admit({ ip: record.clientIP, port: record.clientPort, protocols: record.protocols });
}

/** Completes an admitted handshake: the core gets the socket, the server end gets its events. */
export function acceptOnServer(decision: HandshakeAccepted, end: End): void {
  const socket: ServerSocket = {
    send: (data) => end.send(frameOf(data)),
    close: (code, reason) => end.close(code, reason),
    terminate: () => end.drop(),
  };
  const events = decision.accepted(socket);
  end.events = { message: (data) => events.message(data), closed: (code, reason) => events.closed(code, reason) };
}
