import { spawn } from 'node:child_process';
import { connect } from 'node:net';

/** True when something accepts TCP connections on the port. */
export function listening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Uses the Redis on the port when one runs; otherwise starts `redis-server` (in memory, no
 * persistence) and returns a function that stops it.
 */
export async function ensureRedis(port: number): Promise<{ started: boolean; stop(): Promise<void> }> {
  if (await listening(port)) return { started: false, stop: () => Promise.resolve() };
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (err) =>
      reject(
        new Error(
          `Redis is not running on 127.0.0.1:${port} and redis-server could not start: ${err.message} (install it: apt-get install redis-server)`,
        ),
      ),
    );
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code} on port ${port}`)));
  });
  failed.catch(() => undefined);
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port} within 10s`);
    await Promise.race([new Promise((r) => setTimeout(r, 100)), failed]);
  }
  return {
    started: true,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
