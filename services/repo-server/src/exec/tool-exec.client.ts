import { spawn } from 'node:child_process';
import { manifestText } from '../render/directory.renderer';

/** A tool run that failed: exit status, timeout, missing binary or runaway output. The message is safe to show. */
export class ToolExecError extends Error {}

export interface ToolRun {
  cwd: string;
  env: Record<string, string>;
  /** Kill the tool's whole process group after this long. */
  timeoutMs: number;
  /** Kill the tool when stdout grows past this (memory-bounded output). */
  maxOutputBytes: number;
  /** Cap on the tool's address space (RLIMIT_AS, inherited by what it starts); absent or 0 for none. */
  maxMemoryBytes?: number;
  /** Strings (credentials) removed from any message before it leaves this function. */
  secrets?: string[];
  stdin?: string;
}

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

const redact = (text: string, secrets: string[] = []): string => secrets.filter((s) => s.length >= 3).reduce((t, s) => t.split(s).join('***'), text);

/** What Go, V8, C++ and the shell print when an allocation is refused. */
const OUT_OF_MEMORY = /out of memory|cannot allocate memory|bad_alloc|allocation failed|failed to reserve/i;

/**
 * The command line that runs `binary` under a memory cap: the shell's `ulimit -v` sets RLIMIT_AS
 * (KiB) and then becomes the tool, so the tool keeps the process group and the pid.
 */
function capped(binary: string, args: string[], maxMemoryBytes?: number): [string, string[]] {
  if (!maxMemoryBytes) return [binary, args];
  return ['/bin/sh', ['-c', 'ulimit -v "$0" && exec "$@"', String(Math.floor(maxMemoryBytes / 1024)), binary, ...args]];
}

/**
 * Runs a rendering tool (helm, kustomize) in its own process group, so a timeout kills the tool
 * and everything it started (plugins, post-renderers), never just the parent.
 * Uses node:child_process directly: execa 9 is ESM-only and the workspace's Jest setup loads CommonJS.
 */
export function runTool(binary: string, args: string[], run: ToolRun): Promise<ToolOutput> {
  const name = binary.split('/').pop() ?? binary;
  return new Promise((resolve, reject) => {
    const [command, argv] = capped(binary, args, run.maxMemoryBytes);
    const child = spawn(command, argv, { cwd: run.cwd, env: run.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let failure: string | undefined;
    const killAll = (): void => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    const killGroup = (why: string): void => {
      failure ??= why;
      killAll();
    };
    const timer = setTimeout(() => killGroup(`${name} timed out after ${Math.round(run.timeoutMs / 1000)}s and was killed`), run.timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      outBytes += c.length;
      if (outBytes > run.maxOutputBytes) return killGroup(`${name} output exceeds the ${run.maxOutputBytes} byte manifest limit`);
      out.push(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      // Keep only the first 64 KiB of stderr: enough for the error, bounded in memory.
      if (errBytes < 65536) err.push(c);
      errBytes += c.length;
    });
    child.stdin.on('error', () => undefined);
    const notFound = `${name} binary not found (looked for "${binary}"; set HELM_BINARY/KUSTOMIZE_BINARY or PATH)`;
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new ToolExecError(redact(e.code === 'ENOENT' ? notFound : `${name} could not start: ${e.message}`, run.secrets)));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // A group leader can exit before its children; make sure none outlive the render.
      killAll();
      const stderr = redact(Buffer.concat(err).toString('utf8').trim(), run.secrets);
      if (failure) return reject(new ToolExecError(redact(failure, run.secrets)));
      // Under the cap the shell execs the tool: 127 with nothing else said is the shell not finding it.
      if (run.maxMemoryBytes && code === 127 && /not found/.test(stderr)) return reject(new ToolExecError(redact(notFound, run.secrets)));
      if (code !== 0 && run.maxMemoryBytes && OUT_OF_MEMORY.test(stderr))
        return reject(new ToolExecError(`${name} ${args[0] ?? ''} ran out of memory: a render may use ${run.maxMemoryBytes} bytes (FLOTILLA_REPO_MAX_TOOL_MEMORY_BYTES)`));
      if (code !== 0) return reject(new ToolExecError(`${name} ${args[0] ?? ''} failed (${signal ?? `exit ${code}`}): ${stderr || 'no message'}`));
      // Output that is not UTF-8 is refused (a ManifestError naming the run), never decoded to U+FFFD.
      try {
        resolve({ stdout: manifestText(Buffer.concat(out), `output of ${name} ${args[0] ?? ''}`.trim()), stderr });
      } catch (e) {
        reject(e instanceof Error ? e : new ToolExecError(String(e)));
      }
    });
    child.stdin.end(run.stdin ?? '');
  });
}
