/**
 * How the test network lets time pass. Two rules make it deterministic and fake-timer friendly:
 *
 * - A delivery without delay runs in a Promise job (`Promise.resolve().then`), never through
 *   `queueMicrotask` or a timer, so no fake-timer library (node:test, vitest, jest, sinon) can freeze
 *   it: an `await` in the test lets it happen. Jobs run in the order they were scheduled.
 * - Everything that takes time (a handshake delay, `latency`, the pong that answers a ping) goes
 *   through the *global* `setTimeout` looked up at the moment it is needed, so timers faked after
 *   the kit was imported still drive it. Every timer is remembered so `close()` can clear it.
 */

export class Clock {
  /** Deliveries scheduled as Promise jobs that have not run yet (for `flush`). */
  private pending = 0;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly latencyMs: number) {}

  /** Runs `fn` after the network's latency: a Promise job when it is 0, else a global timer. */
  deliver(fn: () => void): void {
    if (this.latencyMs > 0) this.after(this.latencyMs, fn);
    else this.soon(fn);
  }

  /** Runs `fn` in a Promise job. */
  soon(fn: () => void): void {
    this.pending++;
    Promise.resolve().then(() => {
      this.pending--;
      fn();
    });
  }

  /** Runs `fn` after `ms` through the global `setTimeout`; returns a canceller. `Infinity`: never. */
  after(ms: number, fn: () => void): () => void {
    if (ms === Infinity) return () => {};
    const timer: ReturnType<typeof setTimeout> = globalThis.setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return () => {
      if (this.timers.delete(timer)) globalThis.clearTimeout(timer);
    };
  }

  /** Resolves once no delivery is waiting in a Promise job (timers are not waited for). */
  async flush(): Promise<void> {
    // Each round lets the scheduled jobs run; the jobs they schedule are counted in the next round.
    for (let round = 0; this.pending > 0 && round < 100_000; round++) await Promise.resolve();
  }

  /** Clears every timer still waiting. */
  clear(): void {
    for (const t of this.timers) globalThis.clearTimeout(t);
    this.timers.clear();
  }
}
