/** All slots are busy and the queue is full: the caller should answer "try again" rather than pile up. */
export class ConcurrencyLimitError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} at once`);
    this.name = 'ConcurrencyLimitError';
  }
}

/**
 * A counting semaphore with a bounded queue: at most `limit` tasks run, at most `maxWaiting` wait
 * in order, and anything beyond is refused at once, so a flood costs a refusal, not memory.
 */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    private readonly maxWaiting = 0,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`a concurrency limit must be a positive integer, not ${limit}`);
  }

  /** Runs `task` in a slot; throws ConcurrencyLimitError without running it when none can be had. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new ConcurrencyLimitError(this.limit));
    // The slot passes straight to the next waiter, so `running` does not change on hand-over.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
