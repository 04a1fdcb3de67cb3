// gpg and git's signature commands, run bounded: through runProcess, in their own process group (a
// timeout kills gpg and whatever it started in its group), with only the environment given,
// and key material on stdin, never in argv.
import { runProcess } from '../exec/tool-exec.client';

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

export async function runGpgCommand(binary: string, args: string[], cmd: GpgCommand): Promise<GpgCommandOutput> {
  const name = binary.split('/').pop() ?? binary;
  const run = await runProcess(binary, args, { cwd: cmd.cwd, env: cmd.env, timeoutMs: cmd.timeoutMs, maxOutputBytes: MAX_OUTPUT_BYTES, overflow: 'cut', stdin: cmd.stdin });
  if (run.spawnError) throw new GpgCommandError(run.spawnError.code === 'ENOENT' ? `${name} not found (looked for "${binary}")` : `${name} could not start: ${run.spawnError.message}`);
  if (run.timedOut)
    throw new GpgCommandError(`${name} ${args.find((a) => !a.startsWith('-')) ?? ''} timed out after ${Math.round(cmd.timeoutMs / 1000)}s and was killed`.replace(/ +/g, ' '));
  return { code: run.exitCode ?? (run.signal ? 128 : 1), stdout: run.stdout.toString('utf8'), stderr: run.stderr };
}
