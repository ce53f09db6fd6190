/**
 * Admission limits (docs/behaviour.md#server): at most `maxClients` distinct client IPs at once, and at most
 * `maxPerClient` connections from one IP. A slot is taken when a handshake is admitted (before the
 * upgrade) and given back when that handshake aborts or its connection ends, so the counts always
 * match what is really on the wire.
 */

/** Why a handshake was refused, for the `error` event's message. */
export type Refusal = { limit: 'maxConcurrentClientsNumber' | 'maxConnectionsForOneClient'; value: number };

export class Admission {
  /** Slots in use per client IP (admitted handshakes and open connections). */
  private readonly perIp = new Map<string, number>();

  constructor(private readonly maxClients: number, private readonly maxPerClient: number) {}

  /** Takes a slot for `ip`, or says which limit refuses it. */
  take(ip: string): Refusal | undefined {
    const n = this.perIp.get(ip) ?? 0;
    if (n === 0 && this.perIp.size >= this.maxClients) return { limit: 'maxConcurrentClientsNumber', value: this.maxClients };
    if (n >= this.maxPerClient) return { limit: 'maxConnectionsForOneClient', value: this.maxPerClient };
    this.perIp.set(ip, n + 1);
    return undefined;
  }

  /** Gives back one slot of `ip`; an IP with no slot left no longer counts as a client. */
  release(ip: string): void {
    const n = this.perIp.get(ip);
    if (n === undefined) return;
    if (n <= 1) this.perIp.delete(ip);
    else this.perIp.set(ip, n - 1);
  }
}
