import { execa } from 'execa';
import { manifestText } from '../render/directory.renderer';

/** A tool run that failed: exit status, timeout, missing binary or runaway output. The message is safe to show. */
export class ToolExecError extends Error {}

export interface ToolRun extends Omit<ProcessRun, 'overflow'> {
  cwd: string;
  /** Strings (credentials) removed from any message before it leaves this function. */
  secrets?: string[];
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

/** A transform keeping the first `kept` bytes and reading (and dropping) the rest, so a chatty process is neither blocked nor killed. */
function keepHead(kept: number): { transform: (chunk: unknown) => Generator<Uint8Array>; binary: true } {
  let seen = 0;
  return {
    binary: true,
    // With `encoding: 'buffer'` and `binary`, each chunk is a Uint8Array as read from the pipe.
    *transform(chunk: unknown) {
      const bytes = chunk as Uint8Array;
      if (seen < kept) yield bytes.subarray(0, kept - seen);
      seen += bytes.length;
    },
  };
}

const asBuffer = (out: unknown): Buffer =>
  out instanceof Uint8Array ? Buffer.from(out.buffer, out.byteOffset, out.byteLength) : Buffer.alloc(0);

/** One process to run: how it is bounded and what it is given. */
export interface ProcessRun {
  cwd?: string;
  /** The whole environment: nothing is inherited from repo-server's own. */
  env: Record<string, string>;
  /** Kill the whole process group after this long. */
  timeoutMs: number;
  /** The most stdout held in memory. */
  maxOutputBytes: number;
  /** What stdout past the cap does: `kill` the group at once (the default) or is read and dropped (`cut`). */
  overflow?: 'kill' | 'cut';
  /** Cap on the address space (RLIMIT_AS, inherited by what it starts); absent or 0 for none. */
  maxMemoryBytes?: number;
  stdin?: string;
}

/** How a run ended. Nothing here is redacted: whoever reports it removes the credentials it knows. */
export interface ProcessOutcome {
  stdout: Buffer;
  /** The first STDERR_KEPT_BYTES of stderr, as UTF-8, trimmed. */
  stderr: string;
  exitCode?: number;
  signal?: string;
  /** Exit status non-zero, killed, timed out, over the cap, or never started. */
  failed: boolean;
  timedOut: boolean;
  /** stdout went past the cap and the group was killed (`overflow: 'kill'`). */
  overflowed: boolean;
  /** Set when the process could not be started; `code` is ENOENT for a missing binary. */
  spawnError?: { code?: string; message: string };
}

/**
 * The one place that decides how a child process of repo-server is run and killed: helm, kustomize,
 * the Jsonnet evaluator, git, tar and gpg all start here. Through execa, in its own process group
 * (`detached`), so a timeout, the output cap or repo-server's exit kills the process and everything it
 * started (git-remote-https, ssh, plugins, post-renderers), never just the parent. execa signals only
 * the child's pid; the group kill (`process.kill(-pid)`) is ours, as are the RLIMIT_AS wrapper and the
 * kill of live groups on exit (docs/adr/0008). Never throws for the process's own failure: the caller
 * words the error, with its credentials removed.
 */
export async function runProcess(binary: string, args: string[], run: ProcessRun): Promise<ProcessOutcome> {
  const [command, argv] = capped(binary, args, run.maxMemoryBytes);
  const cut = run.overflow === 'cut';
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
    ...(cut ? { stdout: keepHead(run.maxOutputBytes) } : {}),
    stderr: keepHead(STDERR_KEPT_BYTES),
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
  // execa stops reading stdout at maxBuffer by destroying the stream, then waits for the process to exit on
  // its own; a stdout closed before its end is that moment, and the whole group is killed then.
  if (!cut)
    subprocess.stdout?.once('close', () => {
      if (!subprocess.stdout?.readableEnded) stop();
    });
  const result = await subprocess;
  clearTimeout(timer);
  // A group leader can exit before its children; make sure none outlive the run.
  signalGroup(pid);
  if (pid) liveGroups.delete(pid);
  const started = !(result.failed && result.exitCode === undefined && !result.signal && !result.isCanceled && !result.isMaxBuffer);
  const cause = result.cause as NodeJS.ErrnoException | undefined;
  return {
    stdout: asBuffer(result.stdout),
    stderr: asBuffer(result.stderr).toString('utf8').trim(),
    exitCode: result.exitCode,
    signal: result.signal,
    failed: result.failed,
    timedOut,
    overflowed: !!result.isMaxBuffer,
    ...(started ? {} : { spawnError: { code: result.code, message: cause?.message ?? result.shortMessage ?? 'could not start' } }),
  };
}

/**
 * Runs a rendering tool (helm, kustomize, the Jsonnet evaluator) through `runProcess`, and words its
 * failure: timeout, output cap, memory cap, missing binary, exit status. Every message that leaves
 * here has `secrets` removed.
 */
export async function runTool(binary: string, args: string[], run: ToolRun): Promise<ToolOutput> {
  const name = binary.split('/').pop() ?? binary;
  const result = await runProcess(binary, args, run);
  const fail = (message: string): never => {
    throw new ToolExecError(redact(message, run.secrets));
  };
  const notFound = `${name} binary not found (looked for "${binary}"; set HELM_BINARY/KUSTOMIZE_BINARY or PATH)`;
  if (result.spawnError) fail(result.spawnError.code === 'ENOENT' ? notFound : `${name} could not start: ${result.spawnError.message}`);
  const stderr = redact(result.stderr, run.secrets);
  if (result.timedOut) fail(`${name} timed out after ${Math.round(run.timeoutMs / 1000)}s and was killed`);
  if (result.overflowed) fail(`${name} output exceeds the ${run.maxOutputBytes} byte manifest limit`);
  const code = result.exitCode;
  // Under the cap the shell execs the tool: 127 with nothing else said is the shell not finding it.
  if (run.maxMemoryBytes && code === 127 && /not found/.test(stderr)) fail(notFound);
  if (result.failed && run.maxMemoryBytes && OUT_OF_MEMORY.test(stderr))
    fail(`${name} ${args[0] ?? ''} ran out of memory: a render may use ${run.maxMemoryBytes} bytes (FLOTILLA_REPO_MAX_TOOL_MEMORY_BYTES)`);
  if (result.failed) fail(`${name} ${args[0] ?? ''} failed (${result.signal ?? `exit ${code}`}): ${stderr || 'no message'}`);
  // Output that is not UTF-8 is refused (a ManifestError naming the run), never decoded to U+FFFD.
  return { stdout: manifestText(result.stdout, `output of ${name} ${args[0] ?? ''}`.trim()), stderr };
}
