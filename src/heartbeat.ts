/**
 * Heartbeat policy (docs/behaviour.md#connect-options): the core decides when to ping and when a missing pong means the
 * link is dead; the transport only sends ping frames, reports pongs and drops the link on request.
 * Only transports that ping use it, so they deliver it (`heartbeatCore`, as a listening transport
 * delivers `serverCore`): builds that cannot ping, the script-tag file among them, carry none of it.
 *
 * Every idle Node connection carries one of these, so it holds the socket itself and its timers
 * call module-level functions with the heartbeat as argument: no closures per connection
 * (bench/: about 0.4 KB less per idle connection).
 */
import type { ClientSocket, HeartbeatCore, HeartbeatTimer } from './transport.js';

const beatOf = (h: Heartbeat): void => h.beat();
const deadOf = (h: Heartbeat): void => {
  h.stop();
  h.socket.terminate();
};

export class Heartbeat implements HeartbeatTimer {
  private interval: ReturnType<typeof setInterval> | undefined;
  private deadline: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly pingIntervalMs: number,
    private readonly pongTimeoutMs: number,
    /** @internal */ readonly socket: ClientSocket,
  ) {}

  start(): void {
    this.interval = setInterval(beatOf, this.pingIntervalMs, this);
  }

  /** A pong arrived: the link is confirmed alive. */
  pong(): void {
    if (this.deadline !== undefined) clearTimeout(this.deadline);
    this.deadline = undefined;
  }

  stop(): void {
    if (this.interval !== undefined) clearInterval(this.interval);
    if (this.deadline !== undefined) clearTimeout(this.deadline);
    this.interval = this.deadline = undefined;
  }

  /** @internal One beat: ping, and start the pong deadline unless one is running. */
  beat(): void {
    this.socket.ping?.();
    // One outstanding deadline at a time: a pong confirms every ping sent before it.
    if (this.pongTimeoutMs > 0 && this.deadline === undefined) {
      this.deadline = setTimeout(deadOf, this.pongTimeoutMs, this);
    }
  }
}

/**
 * The core's heartbeat, for a transport that pings to deliver as its `heartbeatCore`: starts
 * pinging `socket` every `pingIntervalMs` and returns the running heartbeat.
 *
 * @example
 * const myTransport = { capabilities: { ...CAN_DO_NOTHING, name: 'mine', heartbeat: true }, heartbeatCore, connect };
 */
export const heartbeatCore: HeartbeatCore = (socket, pingIntervalMs, pongTimeoutMs) => {
  const h = new Heartbeat(pingIntervalMs, pongTimeoutMs, socket);
  h.start();
  return h;
};
