/**
 * Heartbeat policy (SPEC §2.4): the core decides when to ping and when a missing pong means the
 * link is dead; the transport only sends ping frames, reports pongs and drops the link on request.
 */
export class Heartbeat {
  private interval: ReturnType<typeof setInterval> | undefined;
  private deadline: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly pingIntervalMs: number,
    private readonly pongTimeoutMs: number,
    private readonly ping: () => void,
    private readonly dead: () => void,
  ) {}

  start(): void {
    this.interval = setInterval(() => this.beat(), this.pingIntervalMs);
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

  private beat(): void {
    this.ping();
    // One outstanding deadline at a time: a pong confirms every ping sent before it.
    if (this.pongTimeoutMs > 0 && this.deadline === undefined) {
      this.deadline = setTimeout(() => {
        this.stop();
        this.dead();
      }, this.pongTimeoutMs);
    }
  }
}
