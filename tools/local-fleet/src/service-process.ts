import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, WriteStream } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export type ServiceName = 'repo-server' | 'api-server' | 'app-controller' | 'appset-controller' | 'notifier';

export interface ServiceProcessOptions {
  name: ServiceName;
  env: Record<string, string>;
  /** Port of the service's /readyz endpoint. */
  opsPort: number;
  /** Where stdout and stderr go (appended). */
  logFile: string;
}

/**
 * One Flotilla service as its own Node process (TypeScript run through SWC), with its log in a file
 * and start, kill and restart as an operator (or a test) would do them.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private log?: WriteStream;
  private exited?: Promise<number | null>;
  private lastExit: number | null = null;

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
    if (this.running) return;
    this.log ??= createWriteStream(this.opts.logFile, { flags: 'a' });
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(REPO_ROOT, 'services', this.name, 'src', 'main.ts')], {
      cwd: REPO_ROOT,
      // helm from tools/scripts/install-k8s-tools.sh, when it ran.
      env: {
        PATH: `${process.env.PATH ?? ''}:${join(REPO_ROOT, '.tools', 'bin')}`,
        HOME: process.env.HOME ?? '',
        SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json'),
        ...this.opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve((this.lastExit = code))));
    await this.waitReady(timeoutMs);
  }

  /** SIGTERM, then SIGKILL after the grace period; resolves when the process is gone. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    this.child!.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }

  /** Kills the process without warning, as a crash or an OOM kill would. */
  async kill(): Promise<void> {
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
