/**
 * The server side of the test network: what a `WebSocketServer` started on `net.transport` listens
 * with. This is the only file that speaks the listening half of the transport contract; it hands
 * each handshake to the core (`admit`, then `accepted`) and wires the accepted socket to a link end.
 */
import { selectProtocol } from '../../src/server/protocol.js';
import type { ListenRequest, ServerHandlers, ServerSocket } from '../../src/transport.js';
import type { HandshakeRecord } from './handshake.js';
import { frameOf, type End } from './link.js';

/** A server listening on the network. */
export interface Listener {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly request: ListenRequest;
  readonly handlers: ServerHandlers;
}

/** How the server answered a handshake. */
export type ServerAnswer = { accept: true; protocol: string } | { accept: false; status: number; statusText: string };

/** Asks the core whether to take `record`'s handshake (slots, stopping, subprotocol). */
export function askServer(listener: Listener, record: HandshakeRecord): ServerAnswer {
  const peer = { ip: record.clientIP, port: record.clientPort };
  const choice = selectProtocol(record.protocols, listener.request.protocol);
  if (!choice.accept) return { accept: false, status: 400, statusText: 'Bad Request' };
  if (!listener.handlers.admit(peer)) return { accept: false, status: 503, statusText: 'Service Unavailable' };
  return { accept: true, protocol: choice.protocol ?? '' };
}

/** Completes an admitted handshake: the core gets the socket, the server end gets its events. */
export function acceptOnServer(listener: Listener, record: HandshakeRecord, end: End): void {
  const socket: ServerSocket = {
    send: (data) => end.send(frameOf(data)),
    close: (code, reason) => end.close(code, reason),
    terminate: () => end.drop(),
  };
  const events = listener.handlers.accepted({ ip: record.clientIP, port: record.clientPort }, socket);
  end.events = { message: (data) => events.message(data), closed: (code, reason, clean) => events.closed(code, reason, clean) };
}
