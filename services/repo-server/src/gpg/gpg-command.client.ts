// gpg and git's signature commands, run bounded: in their own process group (a timeout kills gpg and
// whatever it started), with only the environment given, and key material on stdin, never in argv.
import { spawn } from 'node:child_process';

/** A command that could not run or ran too long (exit statuses are answers, not errors). */
export class GpgCommandError extends Error {}

export interface GpgCommand {
  env: Record<string, string>;
  cwd?: string;
  timeoutMs: number;
  stdin?: string;
}

export interface GpgCommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Output beyond this is cut: status lines and key listings are small. */
const MAX_OUTPUT_BYTES = 1024 * 1024;

export function runGpgCommand(binary: string, args: string[], cmd: GpgCommand): Promise<GpgCommandOutput> {
  const name = binary.split('/').pop() ?? binary;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd: cmd.cwd, env: cmd.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    const killGroup = (): void => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, cmd.timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      if (outBytes < MAX_OUTPUT_BYTES) out.push(c);
      outBytes += c.length;
    });
    child.stderr.on('data', (c: Buffer) => {
      if (errBytes < MAX_OUTPUT_BYTES) err.push(c);
      errBytes += c.length;
    });
    child.stdin.on('error', () => undefined);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new GpgCommandError(e.code === 'ENOENT' ? `${name} not found (looked for "${binary}")` : `${name} could not start: ${e.message}`),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup();
      if (timedOut)
        return reject(
          new GpgCommandError(
            `${name} ${args.find((a) => !a.startsWith('-')) ?? ''} timed out after ${Math.round(cmd.timeoutMs / 1000)}s and was killed`.replace(
              / +/g,
              ' ',
            ),
          ),
        );
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin.end(cmd.stdin ?? '');
  });
}
