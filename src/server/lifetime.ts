/**
 * One listening lifetime of a server, from `start()` to the end of `stop()`: it is the
 * `ServerHandlers` a transport calls, decides every handshake (subprotocol, admission limits,
 * refusal while stopping), owns the connection registry, and decides which HarmonyOS event each
 * transport fact becomes (docs/behaviour.md#server). A fresh lifetime per `start()` means late facts from a previous
 * lifetime can only touch that lifetime's (already empty) state.
 */
import { connectFailed } from '../errors.js';
import { LINK_DOWN, type Registry } from '../events.js';
import {
  NO_CLOSE_FRAME,
  receivedCloseFrame,
  type Handshake,
  type HandshakeAccepted,
  type HandshakeDecision,
  type HandshakeRefused,
  type ListeningServer,
  type PeerAddress,
  type ServerHandlers,
  type ServerSocket,
  type ServerSocketEvents,
} from '../transport.js';
import type { CloseResult } from '../types.js';
import { unwrapMapped } from './address.js';
import { Admission } from './admission.js';
import type { ServerPlan } from './config.js';
import { selectProtocol } from './protocol.js';
import { ConnectionRegistry, type Entry } from './registry.js';

export type ServerEvent = 'connect' | 'messageReceive' | 'close' | 'error';

/**
 * How long `stop()` gives clients to answer its 1001 before dropping them: long enough for any
 * client that is reading (a round trip), short enough that a silent one cannot hold `stop()`.
 */
export const STOP_GRACE_MS = 1000;

/** What `stop()` sends every client (docs/behaviour.md#server). */
export const GOING_AWAY: CloseResult = Object.freeze({ code: 1001, reason: 'server is going away' });

/** The answer to a handshake refused for load, or because the server is stopping. */
const UNAVAILABLE: HandshakeRefused = Object.freeze({ accept: false, status: 503, reason: 'Service Unavailable' });

/** Starts the close handshake of `entry` with `result`, which the `close` event will report. */
export function beginClose(entry: Entry, result: CloseResult): void {
  entry.state = 'closing';
  entry.local = result;
  try {
    entry.socket.close(result.code, result.reason);
  } catch {
    // A transport that cannot close cleanly any more still has to end the link.
    entry.socket.terminate();
  }
}

/** An admitted handshake holding its admission slot until the transport says how it ended. */
class AdmittedHandshake implements HandshakeAccepted {
  readonly accept = true;
  private settled = false;

  constructor(private readonly lifetime: Lifetime, readonly peer: PeerAddress, readonly protocol: string | undefined) {}

  accepted(socket: ServerSocket): ServerSocketEvents {
    this.settled = true;
    return this.lifetime.connected(this.peer, socket);
  }

  aborted(): void {
    if (this.settled) return;
    this.settled = true;
    this.lifetime.release(this.peer.ip);
  }
}

export class Lifetime implements ServerHandlers {
  readonly registry = new ConnectionRegistry();
  private readonly admission: Admission;
  private readonly protocol: string | undefined;
  listening: ListeningServer | undefined;
  stopping = false;

  constructor(private readonly events: Registry<ServerEvent>, plan: ServerPlan) {
    this.admission = new Admission(plan.maxClients, plan.maxPerClient);
    this.protocol = plan.listen.protocol;
  }

  admit(handshake: Handshake): HandshakeDecision {
    if (this.stopping) return UNAVAILABLE; // the port is about to close: refuse quietly
    const choice = selectProtocol(handshake.protocols, this.protocol);
    if (!choice.accept) {
      return { accept: false, status: 400, reason: `Unsupported subprotocol: this server accepts "${this.protocol}"` };
    }
    const peer: PeerAddress = { ip: unwrapMapped(handshake.ip), port: handshake.port };
    const refusal = this.admission.take(peer.ip);
    if (!refusal) return new AdmittedHandshake(this, peer, choice.protocol);
    const e = connectFailed(
      503,
      `refused ${peer.ip} port ${peer.port} with HTTP 503, ${refusal.limit} is ${refusal.value}; raise it in start() if the load is expected`,
    );
    // After the transport has answered: a listener calling stop() must not re-enter the handshake.
    queueMicrotask(() => this.events.fire('error', e));
    return UNAVAILABLE;
  }

  /** @internal The upgrade of an admitted handshake completed. */
  connected(peer: PeerAddress, socket: ServerSocket): ServerSocketEvents {
    const entry = this.registry.add(peer.ip, peer.port, socket);
    // Emitted before the transport wires the socket's events, so `connect` precedes any message.
    if (this.stopping) beginClose(entry, GOING_AWAY);
    else this.events.fire('connect', entry.connection);
    return {
      message: (data) => {
        this.events.fire('messageReceive', { data, clientConnection: entry.connection });
      },
      closed: (code, reason) => this.closed(entry, code, reason),
    };
  }

  /** @internal Gives back one admission slot of `ip`. */
  release(ip: string): void {
    this.admission.release(ip);
  }

  /** Every close path ends here: the registry and the counts are updated before listeners run. */
  private closed(entry: Entry, code: number, reason: string): void {
    if (!this.registry.has(entry)) return; // reported twice by a transport
    this.admission.release(entry.connection.clientIP);
    const r = entry.local ?? (receivedCloseFrame(code) ? { code, reason: reason || LINK_DOWN } : { code: 0, reason: LINK_DOWN });
    this.registry.remove(entry);
    this.events.fire('close', entry.connection, { code: r.code, reason: r.reason, closeReason: r.reason });
  }

  /**
   * docs/behaviour.md#server `stop()`: every open connection gets 1001 and {@link STOP_GRACE_MS} to answer it (new
   * handshakes are refused meanwhile); a client that has not closed by then — one that never reads,
   * say — is dropped, and its `close` event reports the 1001 that was sent. Then the transport frees
   * the port, so it is free when `stop()` resolves. (Without the grace a silent client held `stop()`
   * for the socket layer's close timeout, 30 s on `ws`.)
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const entry of this.registry.values()) if (entry.state === 'open') beginClose(entry, GOING_AWAY);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.registry.whenEmpty(),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS))),
    ]);
    clearTimeout(timer);
    for (const entry of [...this.registry.values()]) {
      try {
        entry.socket.terminate();
      } catch {
        // a transport that cannot drop it any more: it is forgotten below all the same
      }
    }
    try {
      await this.listening?.stop();
    } catch {
      // The port is the transport's to free; a failure there must not keep connections open.
    }
    // Whatever a transport has not reported yet is over for the API: report it now, once (a late
    // report from the transport is ignored by `closed`).
    for (const entry of [...this.registry.values()]) this.closed(entry, NO_CLOSE_FRAME, '');
  }
}
