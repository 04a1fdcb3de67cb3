/**
 * Argo's `parallelismLimit`: at most `limit` renders run at once, the rest wait in order.
 * 0 means unlimited, as in Argo CD.
 */
export class RenderParallelismLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    // A finishing render hands its slot straight to the next waiter, so no newcomer can jump in between.
    if (this.limit > 0 && this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
