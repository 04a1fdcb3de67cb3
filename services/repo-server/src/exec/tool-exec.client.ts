import { execa } from 'execa';
import { manifestText } from '../render/directory.renderer';

/** A tool run that failed: exit status, timeout, missing binary or runaway output. The message is safe to show. */
export class ToolExecError extends Error {}

export interface ToolRun {
  cwd: string;
  /** The tool's whole environment: nothing is inherited from repo-server's own. */
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

/** How much of stderr is kept: enough for the error, bounded in memory. More is read and dropped, never fatal. */
export const STDERR_KEPT_BYTES = 65536;

/** After execa's own SIGTERM to the tool (the group has already had SIGKILL), the SIGKILL it sends if the tool is still there. */
const FORCE_KILL_AFTER_MS = 2000;

const redact = (text: string, secrets: string[] = []): string =>
  secrets.filter((s) => s.length >= 3).reduce((t, s) => t.split(s).join('***'), text);

/** What Go, V8, C++ and the shell print when an allocation is refused. */
const OUT_OF_MEMORY = /out of memory|cannot allocate memory|bad_alloc|allocation failed|failed to reserve/i;

/** Tool process groups still running, killed if repo-server exits first (execa's `cleanup` skips detached children). */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function signalGroup(pid: number | undefined): void {
  try {
    if (pid) process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' runs on a normal end and on process.exit(), which is how the services stop on SIGTERM/SIGINT.
  process.once('exit', () => {
    for (const p of liveGroups) signalGroup(p);
  });
}

/**
 * The command line that runs `binary` under a memory cap: the shell's `ulimit -v` sets RLIMIT_AS
 * (KiB) and then becomes the tool, so the tool keeps the process group and the pid. execa has no
 * resource limits; this wrapper stays ours (docs/adr/0003).
 */
function capped(binary: string, args: string[], maxMemoryBytes?: number): [string, string[]] {
  if (!maxMemoryBytes) return [binary, args];
  return ['/bin/sh', ['-c', 'ulimit -v "$0" && exec "$@"', String(Math.floor(maxMemoryBytes / 1024)), binary, ...args]];
}

/** A stderr transform keeping the first STDERR_KEPT_BYTES and reading (and dropping) the rest, so a chatty tool is neither blocked nor killed. */
function keepHead(): { transform: (chunk: unknown) => Generator<Uint8Array>; binary: true } {
  let seen = 0;
  return {
    binary: true,
    // With `encoding: 'buffer'` and `binary`, each chunk is a Uint8Array as read from the pipe.
    *transform(chunk: unknown) {
      const bytes = chunk as Uint8Array;
      if (seen < STDERR_KEPT_BYTES) yield bytes.subarray(0, STDERR_KEPT_BYTES - seen);
      seen += bytes.length;
    },
  };
}

const asBuffer = (out: unknown): Buffer =>
  out instanceof Uint8Array ? Buffer.from(out.buffer, out.byteOffset, out.byteLength) : Buffer.alloc(0);

/**
 * Runs a rendering tool (helm, kustomize, the Jsonnet evaluator) through execa in its own process
 * group (`detached`), so a timeout or the output cap kills the tool and everything it started
 * (plugins, post-renderers), never just the parent. execa signals only the child's pid; the group
 * kill (`process.kill(-pid)`) is ours, as are the RLIMIT_AS wrapper and the kill of live groups on
 * exit (docs/adr/0003). Every message that leaves here has `secrets` removed.
 */
export async function runTool(binary: string, args: string[], run: ToolRun): Promise<ToolOutput> {
  const name = binary.split('/').pop() ?? binary;
  const [command, argv] = capped(binary, args, run.maxMemoryBytes);
  const cancel = new AbortController();
  let timedOut = false;
  const subprocess = execa(command, argv, {
    cwd: run.cwd,
    env: run.env,
    extendEnv: false,
    detached: true,
    // Inert with `detached` (execa leaves detached children alone on exit); trackGroup covers it.
    cleanup: true,
    cancelSignal: cancel.signal,
    forceKillAfterDelay: FORCE_KILL_AFTER_MS,
    input: run.stdin ?? '',
    stderr: keepHead(),
    maxBuffer: { stdout: run.maxOutputBytes, stderr: STDERR_KEPT_BYTES },
    encoding: 'buffer',
    stripFinalNewline: false,
    reject: false,
  });
  const pid = subprocess.pid;
  if (pid) trackGroup(pid);
  // The group first (SIGKILL to every member), then execa's cancel, which signals the child and settles the run.
  const stop = (): void => {
    signalGroup(pid);
    cancel.abort();
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, run.timeoutMs);
  // execa stops reading stdout at maxBuffer by destroying the stream, then waits for the tool to exit on
  // its own; a stdout closed before its end is that moment, and the whole group is killed then.
  subprocess.stdout?.once('close', () => {
    if (!subprocess.stdout?.readableEnded) stop();
  });
  const result = await subprocess;
  clearTimeout(timer);
  // A group leader can exit before its children; make sure none outlive the render.
  signalGroup(pid);
  if (pid) liveGroups.delete(pid);

  const fail = (message: string): never => {
    throw new ToolExecError(redact(message, run.secrets));
  };
  const notFound = `${name} binary not found (looked for "${binary}"; set HELM_BINARY/KUSTOMIZE_BINARY or PATH)`;
  if (result.failed && result.exitCode === undefined && !result.signal && !result.isCanceled && !result.isMaxBuffer) {
    const cause = result.cause as NodeJS.ErrnoException | undefined;
    fail(result.code === 'ENOENT' ? notFound : `${name} could not start: ${cause?.message ?? result.shortMessage}`);
  }
  const stderr = redact(asBuffer(result.stderr).toString('utf8').trim(), run.secrets);
  if (timedOut) fail(`${name} timed out after ${Math.round(run.timeoutMs / 1000)}s and was killed`);
  if (result.isMaxBuffer) fail(`${name} output exceeds the ${run.maxOutputBytes} byte manifest limit`);
  const code = result.exitCode;
  // Under the cap the shell execs the tool: 127 with nothing else said is the shell not finding it.
  if (run.maxMemoryBytes && code === 127 && /not found/.test(stderr)) fail(notFound);
  if (result.failed && run.maxMemoryBytes && OUT_OF_MEMORY.test(stderr))
    fail(`${name} ${args[0] ?? ''} ran out of memory: a render may use ${run.maxMemoryBytes} bytes (FLOTILLA_REPO_MAX_TOOL_MEMORY_BYTES)`);
  if (result.failed) fail(`${name} ${args[0] ?? ''} failed (${result.signal ?? `exit ${code}`}): ${stderr || 'no message'}`);
  // Output that is not UTF-8 is refused (a ManifestError naming the run), never decoded to U+FFFD.
  return { stdout: manifestText(asBuffer(result.stdout), `output of ${name} ${args[0] ?? ''}`.trim()), stderr };
}
