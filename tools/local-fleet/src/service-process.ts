import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, WriteStream } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export type ServiceName = 'repo-server' | 'api-server' | 'app-controller' | 'appset-controller' | 'notifier';

export interface ServiceProcessOptions {
  name: ServiceName;
  env: Record<string, string>;
  /** Port of the service's /readyz endpoint. */
  opsPort: number;
  /** Where stdout and stderr go (appended). */
  logFile: string;
  /** The script to run; the service's own main.ts by default. A `.js` one (dist/) runs on Node alone. */
  entry?: string;
  /** Restart the process when it exits unless stop() or kill() asked it to; lines go to `log`. */
  supervise?: SupervisionOptions;
}

export interface SupervisionOptions {
  log: (line: string) => void;
  /** First restart delay; doubles with each exit in a row up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A process that ran this long before exiting starts again from the first delay. */
  resetAfterMs?: number;
}

const DEFAULT_SUPERVISION = { initialDelayMs: 1000, maxDelayMs: 30_000, resetAfterMs: 60_000 };

/**
 * One Flotilla service as its own Node process (compiled JavaScript, or TypeScript run through SWC), with its log in a file
 * and start, kill and restart as an operator (or a test) would do them.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private log?: WriteStream;
  private exited?: Promise<number | null>;
  private lastExit: number | null = null;
  /** Whether the process should be running: false once stop() or kill() was called. */
  private wanted = false;
  private restartTimer?: NodeJS.Timeout;
  private exitsInARow = 0;

  constructor(readonly opts: ServiceProcessOptions) {}

  get name(): ServiceName {
    return this.opts.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns the process and waits until /readyz answers 200. */
  async start(timeoutMs = 60_000): Promise<void> {
    this.wanted = true;
    clearTimeout(this.restartTimer);
    if (this.running) return;
    this.log ??= createWriteStream(this.opts.logFile, { flags: 'a' });
    const entry = this.opts.entry ?? join(REPO_ROOT, 'services', this.name, 'src', 'main.ts');
    // TypeScript is compiled on load by @swc-node/register, which costs up to 2 s and ~65 MiB per process (npm run bench:startup).
    const args = entry.endsWith('.ts') ? ['-r', '@swc-node/register', entry] : [entry];
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: {
        // helm and kubectl from tools/scripts/install-k8s-tools.sh first, ahead of older ones the machine may have.
        PATH: `${join(REPO_ROOT, '.tools', 'bin')}:${process.env.PATH ?? ''}`,
        HOME: process.env.HOME ?? '',
        SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json'),
        ...this.opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    const startedAt = Date.now();
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.lastExit = code;
        resolve(code);
        this.onExit(code, signal, Date.now() - startedAt);
      }),
    );
    await this.waitReady(timeoutMs);
  }

  /** SIGTERM, then SIGKILL after the grace period; resolves when the process is gone. */
  async stop(graceMs = 15_000): Promise<void> {
    this.unwant();
    if (!this.running) return;
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    this.child!.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }

  /** Kills the process without warning, as a crash or an OOM kill would. */
  async kill(): Promise<void> {
    this.unwant();
    if (!this.running) return;
    this.child!.kill('SIGKILL');
    await this.exited;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  closeLog(): void {
    this.log?.end();
    this.log = undefined;
  }

  private unwant(): void {
    this.wanted = false;
    clearTimeout(this.restartTimer);
  }

  /** A supervised process that exits on its own comes back after a delay that grows while it keeps failing. */
  private onExit(code: number | null, signal: NodeJS.Signals | null, ranMs: number): void {
    const supervise = this.opts.supervise;
    if (!supervise || !this.wanted) return;
    const { initialDelayMs, maxDelayMs, resetAfterMs } = { ...DEFAULT_SUPERVISION, ...supervise };
    if (ranMs >= resetAfterMs) this.exitsInARow = 0;
    const delayMs = Math.min(initialDelayMs * 2 ** this.exitsInARow, maxDelayMs);
    this.exitsInARow += 1;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    supervise.log(`${this.name} ${how}; restarting in ${delayMs / 1000}s (see ${displayPath(this.opts.logFile)})`);
    this.restartTimer = setTimeout(() => {
      // An exit during start-up schedules the next attempt itself; a slow start-up stays running.
      this.start().catch(() => undefined);
    }, delayMs);
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const url = `http://127.0.0.1:${this.opts.opsPort}/readyz`;
    while (Date.now() < deadline) {
      if (!this.running)
        throw new Error(`${this.name} exited with ${this.lastExit ?? this.child?.signalCode} during start-up; see ${this.opts.logFile}`);
      const ready = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.name} was not ready within ${timeoutMs / 1000}s (${url}); see ${this.opts.logFile}`);
  }
}

/** The log file as a user would type it from here: relative when it is under the working directory. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
