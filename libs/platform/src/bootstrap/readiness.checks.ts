import { Injectable } from '@nestjs/common';

export type ReadinessCheck = () => Promise<void>;

export interface ReadinessResult {
  ready: boolean;
  failures: { name: string; message: string }[];
}

const CHECK_TIMEOUT_MS = 5000;

/** Named checks /readyz runs; providers register theirs (Redis, informers synced, leases held). */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();
  private shuttingDown = false;

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  /** From now on, not ready: load balancers stop sending work while the service drains. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async run(): Promise<ReadinessResult> {
    if (this.shuttingDown) return { ready: false, failures: [{ name: 'shutdown', message: 'shutting down' }] };
    const results = await Promise.all([...this.checks].map(async ([name, check]) => ({ name, error: await runWithTimeout(check) })));
    const failures = results.filter((r) => r.error !== undefined).map((r) => ({ name: r.name, message: r.error ?? '' }));
    return { ready: failures.length === 0, failures };
  }
}

async function runWithTimeout(check: ReadinessCheck): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)));
  try {
    await Promise.race([check(), timeout]);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    clearTimeout(timer);
  }
}
