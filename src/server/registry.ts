/**
 * The connection registry: every accepted connection, keyed by `ip:port`, from the upgrade until
 * its `close` event. `listAllConnections()` is read from here, so removing an entry on every close
 * path (clean close, drop, stop) is what keeps that list exact.
 */
import type { ServerSocket } from '../transport.js';
import { isObject } from '../is.js';
import type { CloseResult, WebSocketConnection } from '../types.js';

/** One accepted connection. */
export interface Entry {
  readonly key: string;
  readonly ip: string;
  readonly port: number;
  /** The object handed to `connect`, `messageReceive` and `close` listeners. */
  readonly connection: WebSocketConnection;
  readonly socket: ServerSocket;
  /** `closing` once a close has begun (ours or the stop's); `send` then fails with -1. */
  state: 'open' | 'closing';
  /** What our own `close()`/`stop()` sent, reported by the `close` event. */
  local?: CloseResult;
}

/** The registry key of a connection: `ip:port` (IPv6 addresses contain colons, the port never). */
export const keyOf = (ip: string, port: number): string => `${ip}:${port}`;

/** Whether `v` has the shape of a `WebSocketConnection` (`{clientIP: string, clientPort: integer}`). */
export const isConnection = (v: unknown): v is WebSocketConnection =>
  isObject(v) && typeof v.clientIP === 'string' && typeof v.clientPort === 'number' && Number.isInteger(v.clientPort);

export class ConnectionRegistry {
  private readonly entries = new Map<string, Entry>();
  /**
   * The entry of each connection object we handed out: `send(m.data, m.clientConnection)` finds it
   * without building an `ip:port` string per message (a fresh string to hash on every send was the
   * largest cost of the server core, docs/bench.md).
   */
  private readonly byObject = new WeakMap<object, Entry>();
  /** Resolvers waiting for the registry to empty (`stop()`). */
  private drained: Array<() => void> = [];

  add(ip: string, port: number, socket: ServerSocket): Entry {
    const key = keyOf(ip, port);
    const entry: Entry = { key, ip, port, connection: { clientIP: ip, clientPort: port }, socket, state: 'open' };
    this.entries.set(key, entry);
    this.byObject.set(entry.connection, entry);
    return entry;
  }

  /** The entry a caller's connection object names, whatever object it is. */
  find(connection: WebSocketConnection): Entry | undefined {
    const known = this.byObject.get(connection);
    // Our own object, still naming its connection (a caller may have edited it) and still registered.
    if (known && known.ip === connection.clientIP && known.port === connection.clientPort && this.entries.get(known.key) === known) return known;
    return this.entries.get(keyOf(connection.clientIP, connection.clientPort));
  }

  /** Whether `entry` is still registered (false once its close has been reported). */
  has(entry: Entry): boolean {
    return this.entries.get(entry.key) === entry;
  }

  /** Removes `entry` (only if it is still the registered one); wakes `whenEmpty` waiters. */
  remove(entry: Entry): void {
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
    if (this.entries.size === 0 && this.drained.length) {
      const waiters = this.drained;
      this.drained = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Fresh copies, so a caller mutating the array or its objects cannot touch the registry. */
  list(): WebSocketConnection[] {
    const out: WebSocketConnection[] = [];
    for (const e of this.entries.values()) out.push({ clientIP: e.connection.clientIP, clientPort: e.connection.clientPort });
    return out;
  }

  values(): IterableIterator<Entry> {
    return this.entries.values();
  }

  /** Resolves once no connection is left. */
  whenEmpty(): Promise<void> {
    if (this.entries.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }
}
