import { RenderParallelismLimiter } from './render-parallelism.limiter';

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('RenderParallelismLimiter (parallelismLimit)', () => {
  it('never runs more than the limit at once, runs every task, and survives failures', async () => {
    const limiter = new RenderParallelismLimiter(2);
    let running = 0;
    let peak = 0;
    const task = async (i: number): Promise<number> => {
      running++;
      peak = Math.max(peak, running);
      await tick(5);
      running--;
      if (i === 3) throw new Error('broken chart');
      return i;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5, 6].map((i) => limiter.run(() => task(i))));
    expect(peak).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(limiter.active).toBe(0);
    expect(limiter.queued).toBe(0);
  });

  it('is unlimited at 0, as in Argo CD', async () => {
    const limiter = new RenderParallelismLimiter(0);
    let running = 0;
    let peak = 0;
    await Promise.all(Array.from({ length: 10 }, () => limiter.run(async () => (running++, (peak = Math.max(peak, running)), await tick(5), running--))));
    expect(peak).toBe(10);
  });
});
