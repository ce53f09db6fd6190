/**
 * Scripted peers: the far side of a URL, driven by the test instead of a server. A `TestPeer`
 * decides how handshakes are answered; each accepted handshake becomes a `PeerConnection` that
 * records what the client sent and lets the test send, close, drop, hold and stop answering pings.
 */
import type { Clock } from './clock.js';
import type { HandshakeRecord } from './handshake.js';
import { frameOf, NO_STATUS, type End, type Frame } from './link.js';

/**
 * A list read in order: `next()` resolves with the oldest item no earlier call returned, at once
 * when it is in `items`, else when `push` adds it.
 */
class ReadQueue<T> {
  readonly items: T[] = [];
  private cursor = 0;
  private readonly readers: Array<(item: T) => void> = [];

  next(): Promise<T> {
    if (this.cursor < this.items.length) return Promise.resolve(this.items[this.cursor++]);
    return new Promise((resolve) => this.readers.push(resolve));
  }

  /** Appends `item`, lets `beforeReaders` see it, then hands it to the oldest waiting reader. */
  push(item: T, beforeReaders?: (item: T) => void): void {
    this.items.push(item);
    beforeReaders?.(item);
    const reader = this.readers.shift();
    if (reader) {
      this.cursor++;
      reader(item);
    }
  }
}

/** How the peer picks the subprotocol: a name (when offered), `false` (none) or a function. */
export type ProtocolPolicy = string | false | ((offered: readonly string[], request: HandshakeRecord) => string | false);

/** Options of `net.peer(url, options)`. */
export interface PeerOptions {
  /**
   * The subprotocol answered. Default: the first one the client offered. A name the client did not
   * offer is still answered (the client then fails the handshake, as against a real server).
   */
  protocol?: ProtocolPolicy;
  /** Extra headers of the 101 response (the client's `headerReceive` sees them). */
  headers?: Record<string, string>;
  /** Echo every message back (text as text, binary as binary). */
  echo?: boolean;
  /** Called for each accepted connection, before the client's `open` (the upgrade is done). */
  onConnection?(connection: PeerConnection): void;
  /** Called for each message a client sent (after it was recorded). */
  onMessage?(data: Frame, connection: PeerConnection): void;
}

/** How a connection ended, as the peer saw it. */
export interface PeerClose {
  /** The code of the close frame received (1005: a frame without status), 1006 for a drop. */
  readonly code: number;
  readonly reason: string;
  /** `true` after a close handshake, `false` for a drop. */
  readonly clean: boolean;
}

/**
 * One accepted connection, seen from the peer.
 *
 * @example
 * const conn = await peer.nextConnection();
 * conn.send('welcome');
 */
export class PeerConnection {
  private readonly messages = new ReadQueue<Frame>();
  /** Messages the client sent, in order (text as string, binary as ArrayBuffer). */
  readonly received: Frame[] = this.messages.items;
  /** Pings received from the client's heartbeat. */
  pings = 0;
  /** Resolves once the connection has ended (clean close or drop). */
  readonly closed: Promise<PeerClose>;
  private ended: ((c: PeerClose) => void) | undefined;

  /** @internal */
  constructor(
    /** The handshake request, as a server would have read it. */
    readonly request: HandshakeRecord,
    /** The subprotocol this connection speaks (`''` when none). */
    readonly protocol: string,
    private readonly end: End,
    private readonly clock: Clock,
  ) {
    this.closed = new Promise((resolve) => (this.ended = resolve));
  }

  /** `'open'`, `'closing'` (a close frame was sent) or `'closed'`. */
  get state(): 'open' | 'closing' | 'closed' {
    return this.end.state;
  }

  /** The close frame the client sent (its `close()` code and reason, or its echo of ours). */
  get closeFrame(): { code: number; reason: string } | undefined {
    return this.end.closeReceived;
  }

  /** Sends a message to the client: a string is text; an ArrayBuffer or a view is binary. */
  send(data: string | ArrayBuffer | ArrayBufferView): void {
    this.end.send(frameOf(data));
  }

  /**
   * Starts the close handshake. Without `code` the frame carries no status (the client reports
   * `{1000, 'The link is down'}`, as HarmonyOS does).
   */
  close(code?: number, reason = ''): void {
    this.end.close(code ?? NO_STATUS, code === undefined ? '' : reason);
  }

  /** Drops the link without a close frame (a reset): the client reports an abnormal closure. */
  drop(): void {
    this.end.drop();
  }

  /** Stops (or resumes) answering the client's pings, so its heartbeat times out. */
  answerPings(answer: boolean): void {
    this.end.answersPings = answer;
  }

  /** Holds every frame sent to the client from now on (messages and close frames) until released. */
  hold(): void {
    this.end.other.hold();
  }

  /** Number of frames held back from the client. */
  get held(): number {
    return this.end.other.heldCount;
  }

  /**
   * Delivers the next `count` held frames (default 1) and resolves once they have reached the
   * client. Holding goes on; `releaseAll()` ends it.
   */
  release(count = 1): Promise<void> {
    this.end.other.release(count);
    return this.afterDeliveries();
  }

  /** Delivers every held frame, stops holding, and resolves once they have reached the client. */
  releaseAll(): Promise<void> {
    this.end.other.release(Infinity);
    return this.afterDeliveries();
  }

  /**
   * The next message from the client that no earlier call returned: resolves at once when one is
   * already in `received`, else when it arrives.
   */
  nextMessage(): Promise<Frame> {
    return this.messages.next();
  }

  /** @internal */
  receive(data: Frame): void {
    this.messages.push(data);
  }

  /** @internal */
  finish(c: PeerClose): void {
    this.ended?.(c);
    this.ended = undefined;
  }

  private afterDeliveries(): Promise<void> {
    return new Promise((resolve) => this.clock.deliver(resolve));
  }
}

/** What a peer answers to the next handshakes. */
export type Answer = { accept: true } | { accept: false; status: number; statusText: string };

/**
 * The far side of a URL on the test network, scripted by the test. Create with `net.peer(url)`.
 *
 * @example
 * // the echo a test talks to, on no real network
 * net.peer('ws://chat.test/', { onMessage: (data, conn) => conn.send(data) });
 */
export class TestPeer {
  private readonly accepted = new ReadQueue<PeerConnection>();
  /** Every accepted connection, oldest first. */
  readonly connections: PeerConnection[] = this.accepted.items;
  /** Every handshake that reached this peer (accepted, refused or aborted), oldest first. */
  readonly handshakes: HandshakeRecord[] = [];
  /** @internal */ answer: Answer = { accept: true };
  /** @internal */ delayMs = 0;

  /** @internal */
  constructor(
    /** The URL this peer answers (its path, when not `/`, must match the client's). */
    readonly url: string,
    /** @internal */ readonly options: PeerOptions,
    private readonly remove: (peer: TestPeer) => void,
  ) {}

  /** Accept the next handshakes (the default). */
  accept(): this {
    this.answer = { accept: true };
    return this;
  }

  /**
   * Refuse the next handshakes with an HTTP status (default 403): the client's `error` event
   * carries the status as its `data` (`'403'`).
   */
  refuse(status = 403, statusText = 'Forbidden'): this {
    this.answer = { accept: false, status, statusText };
    return this;
  }

  /** Answer the next handshakes after `ms` (through the global `setTimeout`); `Infinity`: never. */
  delay(ms: number): this {
    this.delayMs = ms;
    return this;
  }

  /** The newest connection, if any. */
  get connection(): PeerConnection | undefined {
    return this.connections[this.connections.length - 1];
  }

  /**
   * The oldest connection no earlier call returned: resolves at once when it is already in
   * `connections`, else when the next handshake is accepted.
   */
  nextConnection(): Promise<PeerConnection> {
    return this.accepted.next();
  }

  /** Removes the peer from the network: its connections drop and its URL refuses again. */
  close(): void {
    this.remove(this);
    for (const c of this.connections) c.drop();
  }

  /** @internal Picks the subprotocol for an accepted handshake. */
  chooseProtocol(request: HandshakeRecord): string {
    const policy = this.options.protocol;
    const p = typeof policy === 'function' ? policy(request.protocols, request) : policy;
    if (p === undefined) return request.protocols[0] ?? '';
    return p === false ? '' : p;
  }

  /** @internal */
  connected(c: PeerConnection): void {
    this.accepted.push(c, (connection) => this.options.onConnection?.(connection));
  }
}
