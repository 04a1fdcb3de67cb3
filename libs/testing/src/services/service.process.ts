import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../net/free-port';
import { ROOT } from './repo-server.process';

export interface ServiceProcess {
  /** host:port of its ops HTTP server (/metrics, /readyz). */
  opsAddress: string;
  logs(): string;
  /** SIGTERM: the service drains and hands its work over. */
  stop(): Promise<void>;
  /** SIGKILL, as a node dying or an OOM kill: nothing is drained or handed over. */
  kill(): Promise<void>;
}

/**
 * A service's own main.ts as a child process with `env` (FLOTILLA_OPS_PORT is chosen here), ready
 * once /readyz answers; for specs that need a replica they can kill outright.
 */
export async function startServiceProcess(main: string, env: Record<string, string>, readyWithinMs = 60_000): Promise<ServiceProcess> {
  const deadline = Date.now() + readyWithinMs;
  const opsPort = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', main], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'), ...env, FLOTILLA_OPS_PORT: String(opsPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const signal = (name: NodeJS.Signals) => async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  const stop = signal('SIGTERM');
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${main} exited with ${child.exitCode}:\n${output}`);
    if (await fetch(`http://127.0.0.1:${opsPort}/readyz`).then((r) => r.ok, () => false)) return { opsAddress: `127.0.0.1:${opsPort}`, logs: () => output, stop, kill: signal('SIGKILL') };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${main} not ready within ${readyWithinMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
