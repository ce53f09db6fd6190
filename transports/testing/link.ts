/**
 * One in-memory WebSocket link: two ends joined by two FIFO directions. It models what the wire
 * does and nothing the core decides: frames arrive in order, a close frame is echoed once (the
 * close handshake), a drop ends both ends without one. Each fact reaches the other end through the
 * network's `Clock`, so delivery order is the order in which things were sent.
 */
import { NO_CLOSE_FRAME } from '../../src/transport.js';
import type { Clock } from './clock.js';

/** A message as it travels: text as a string, binary as an ArrayBuffer of exactly its bytes. */
export type Frame = string | ArrayBuffer;

/** What one end is told. */
export interface EndEvents {
  message(data: Frame): void;
  /** Called once: the close handshake completed (`clean`), or the link dropped. */
  closed(code: number, reason: string, clean: boolean): void;
  /** A pong answered one of this end's pings. */
  pong?(): void;
  /** A ping arrived (it is answered by the link when `answersPings`). */
  ping?(): void;
}

/** A close frame's content; `code` 1005 stands for a frame without a status code. */
export interface CloseFrame {
  readonly code: number;
  readonly reason: string;
}

/** Code a receiver reports for a close frame without a status (RFC 6455 §7.1.5). */
export const NO_STATUS = 1005;

/** A private copy of outgoing bytes, so a sender mutating its buffer later changes nothing. */
export function frameOf(data: string | ArrayBuffer | ArrayBufferView): Frame {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  return data.slice(0);
}

export class End {
  state: 'open' | 'closing' | 'closed' = 'open';
  /** Whether this end answers pings with pongs (a peer can stop, to test heartbeats). */
  answersPings = true;
  /** The close frame this end received, if any (the record a test reads). */
  closeReceived: CloseFrame | undefined;
  other!: End;
  events!: EndEvents;
  /** Set by `drop()`: nothing more is sent or received. */
  private dropping = false;
  /** Frames held back from this end (`hold()`), in arrival order, until released. */
  private held: Array<() => void> | undefined;

  constructor(private readonly clock: Clock) {}

  send(data: Frame): void {
    if (this.state !== 'open') return;
    const other = this.other;
    this.toOther(() => {
      if (other.state !== 'closed' && !other.dropping && other.closeReceived === undefined) other.events.message(data);
    });
  }

  /** Starts the close handshake (no effect once closing or closed). */
  close(code: number, reason: string): void {
    if (this.state !== 'open') return;
    this.state = 'closing';
    const other = this.other;
    this.toOther(() => other.receiveClose({ code, reason }));
  }

  /** Ends the link at once without a close frame; both ends report an abnormal closure. */
  drop(): void {
    if (this.state === 'closed') return;
    // Reported in a job of its own, never inside the caller's stack (the core calls terminate()
    // from its own state changes).
    this.state = 'closing';
    this.clock.soon(() => this.finish(NO_CLOSE_FRAME, '', false));
    this.dropping = true;
    const other = this.other;
    other.held = other.held && [];
    // Frames this end sent before the drop still arrive first: the drop is the last fact it sent.
    this.clock.deliver(() => other.finish(NO_CLOSE_FRAME, '', false));
  }

  ping(): void {
    if (this.state !== 'open') return;
    const other = this.other;
    // A timer, not a job: a synchronous fake-timer advance that fires a ping also delivers its pong
    // before the pong deadline it is racing (docs: "What the kit does differently").
    this.clock.after(0, () => {
      if (other.state !== 'open' || this.state !== 'open') return;
      other.events.ping?.();
      if (other.answersPings) this.events.pong?.();
    });
  }

  /** Holds frames arriving at this end until `release`. */
  hold(): void {
    this.held ??= [];
  }

  /** Delivers the next `count` held frames; stops holding when `count` is `Infinity` and all went. */
  release(count: number): void {
    const held = this.held;
    if (!held) return;
    for (const fn of held.splice(0, count)) this.clock.deliver(fn);
    if (count === Infinity) this.held = undefined;
  }

  get heldCount(): number {
    return this.held?.length ?? 0;
  }

  private toOther(fn: () => void): void {
    const held = this.other.held;
    if (held) held.push(fn);
    else this.clock.deliver(fn);
  }

  private receiveClose(frame: CloseFrame): void {
    if (this.state === 'closed' || this.dropping || this.closeReceived) return;
    this.closeReceived = frame;
    if (this.state === 'open') {
      // The peer started the close: echo its frame (as ws and browsers do), then this end is done.
      this.state = 'closing';
      const other = this.other;
      this.toOther(() => other.receiveClose(frame));
    }
    this.finish(frame.code, frame.reason, true);
  }

  private finish(code: number, reason: string, clean: boolean): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.held = undefined;
    this.events.closed(code, reason, clean);
  }
}

/** Two joined ends: `[client, server]`. */
export function link(clock: Clock): [End, End] {
  const a = new End(clock);
  const b = new End(clock);
  a.other = b;
  b.other = a;
  return [a, b];
}
