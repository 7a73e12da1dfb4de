/** A counting semaphore: at most `limit` holders at a time, waiters served first come first. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be at least 1');
  }

  /** Holders right now. */
  get inUse(): number {
    return this.active;
  }

  /** Whether nobody holds or waits for it (so a per-host one can be dropped). */
  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }

  /** Waits for a free slot and takes it. */
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    // The releaser hands its slot over directly, so `active` stays correct and no one jumps in.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Gives a slot back, to the longest waiter if there is one. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
