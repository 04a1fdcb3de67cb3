import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManifestError } from '../render/directory.renderer';
import { runTool, STDERR_KEPT_BYTES, ToolExecError, ToolRun } from './tool-exec.client';

// Real child processes (/bin/sh scripts), as helm, kustomize and the Jsonnet evaluator are. One spec per
// guarantee of docs/adr/0003; each fails when the code giving that guarantee is taken out.
const PATH = '/usr/bin:/bin';
const opts = (more: Partial<ToolRun> = {}): ToolRun => ({
  cwd: '/',
  env: { PATH },
  timeoutMs: 10_000,
  maxOutputBytes: 1024 * 1024,
  ...more,
});
const run = (script: string, more?: Partial<ToolRun>): Promise<{ stdout: string; stderr: string }> =>
  runTool('/bin/sh', ['-c', script], opts(more));
const failure = (p: Promise<unknown>): Promise<Error> =>
  p.then(
    () => {
      throw new Error('expected the run to fail');
    },
    (e: Error) => e,
  );

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tool-exec-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid is gone when /proc has no entry for it, or only a zombie waiting for a reaper. */
const gone = (pid: number): boolean => !existsSync(`/proc/${pid}`) || /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
const pidFrom = (file: string): number => Number(readFileSync(file, 'utf8'));
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 200));
const script = (name: string, body: string): string => {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
};

describe('runTool output', () => {
  it('passes UTF-8 through unchanged', async () => {
    expect((await run("printf 'a: caf\\303\\251 \\360\\237\\232\\200\\n'")).stdout).toBe('a: café 🚀\n');
  });

  it('refuses output that is not UTF-8, naming the tool run and the byte offset, instead of decoding it to U+FFFD', async () => {
    const err = await run("printf 'kind: ConfigMap\\ndata:\\n  a: caf\\351\\n'").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as Error).message).toBe('output of sh -c: invalid UTF-8 at byte offset 30 (line 3); manifests must be UTF-8');
  });
});

describe('runTool guarantees (docs/adr/0003)', () => {
  it('(a) a timeout kills the tool and the grandchild it started, naming the tool and the limit', async () => {
    const pids = join(dir, 'pids');
    const tool = script('slow-tool', `sleep 60 &\necho "$$ $!" > ${pids}\nwait`);
    const started = Date.now();
    const err = await failure(runTool(tool, [], opts({ timeoutMs: 1000 })));
    expect(err).toBeInstanceOf(ToolExecError);
    expect(err.message).toBe('slow-tool timed out after 1s and was killed');
    expect(Date.now() - started).toBeLessThan(5000);
    const [leader, grandchild] = readFileSync(pids, 'utf8').trim().split(' ').map(Number);
    await settle();
    expect(gone(leader)).toBe(true);
    expect(gone(grandchild)).toBe(true);
  });

  it('(a) a grandchild left running by a tool that exited is killed with the run', async () => {
    const pid = join(dir, 'pid');
    // The background sleep lets go of the pipes, so the run ends while it still lives.
    await run(`sleep 60 </dev/null >/dev/null 2>&1 &\necho $! > ${pid}`);
    await settle();
    expect(gone(pidFrom(pid))).toBe(true);
  });

  it('(b) output past the cap kills the whole group at once, names the limit, and holds no more than the cap', async () => {
    const pid = join(dir, 'pid');
    // SIGPIPE ignored: nothing in the group dies of the closed pipe; only the group kill stops it (well before the timeout).
    const tool = script('runaway', `trap '' PIPE\nsleep 60 &\necho $! > ${pid}\nyes 'kind: ConfigMap'\nsleep 60`);
    const before = process.memoryUsage();
    let peak = 0;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.heapUsed - before.heapUsed + now.arrayBuffers - before.arrayBuffers);
    }, 2);
    const started = Date.now();
    const err = await failure(runTool(tool, [], opts({ timeoutMs: 20_000, maxOutputBytes: 4 * 1024 * 1024 })));
    clearInterval(sampler);
    expect(err.message).toBe(`runaway output exceeds the ${4 * 1024 * 1024} byte manifest limit`);
    expect(Date.now() - started).toBeLessThan(5000);
    await settle();
    expect(gone(pidFrom(pid))).toBe(true);
    // `yes` writes gigabytes a second; what is held stays near the 4 MiB cap.
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  });

  it('(c) an allocation beyond the RLIMIT_AS cap fails with an out-of-memory error naming the cap, and a run within it succeeds', async () => {
    const cap = 64 * 1024 * 1024;
    // gawk doubles a string to 128 MiB: several times the cap, yet bounded if the cap is missing.
    const grow = (bytes: number): string => `awk 'BEGIN { s = "x"; while (length(s) < ${bytes}) s = s s; print length(s) }'`;
    const err = await failure(runTool('/bin/sh', ['-c', grow(128 * 1024 * 1024)], opts({ maxMemoryBytes: cap })));
    expect(err).toBeInstanceOf(ToolExecError);
    expect(err.message).toBe(`sh -c ran out of memory: a render may use ${cap} bytes (FLOTILLA_REPO_MAX_TOOL_MEMORY_BYTES)`);
    expect((await runTool('/bin/sh', ['-c', grow(1024 * 1024)], opts({ maxMemoryBytes: cap }))).stdout).toBe('1048576\n');
    // The tool itself (not only the wrapper) runs under the limit: its own RLIMIT_AS, as /proc shows it.
    const limits = (await runTool('/bin/sh', ['-c', 'cat /proc/$$/limits'], opts({ maxMemoryBytes: cap }))).stdout;
    expect(limits).toMatch(new RegExp(`Max address space\\s+${cap}\\s+${cap}\\s+bytes`));
  });

  it('(d) a secret in stderr, in the arguments, in the binary path or in a spawn error never reaches the message', async () => {
    const secret = 'hunter2-s3cret';
    const tool = script('leaky', `echo "auth failed for $1 with ${secret}" >&2\nexit 1`);
    const fromStderr = await failure(runTool(tool, [`--password=${secret}`], opts({ secrets: [secret] })));
    expect(fromStderr.message).toBe('leaky --password=*** failed (exit 1): auth failed for --password=*** with ***');
    const underCap = await failure(runTool(tool, [`--password=${secret}`], opts({ secrets: [secret], maxMemoryBytes: 1024 ** 3 })));
    expect(underCap.message).not.toContain(secret);
    const missing = await failure(runTool(`/nonexistent/${secret}/helm`, [], opts({ secrets: [secret] })));
    expect(missing.message).toBe('helm binary not found (looked for "/nonexistent/***/helm"; set HELM_BINARY/KUSTOMIZE_BINARY or PATH)');
    const notExecutable = join(dir, `${secret}-tool`);
    writeFileSync(notExecutable, 'no shebang, no x bit\n');
    const cannotStart = await failure(runTool(notExecutable, [], opts({ secrets: [secret] })));
    expect(cannotStart.message).toMatch(/^\*\*\*-tool could not start: .*EACCES/);
    expect(cannotStart.message).not.toContain(secret);
    const timedOut = await failure(runTool(script(`${secret}-slow`, 'sleep 60'), [], opts({ secrets: [secret], timeoutMs: 300 })));
    expect(timedOut.message).toBe('***-slow timed out after 0s and was killed');
  });

  it('(e) a missing binary is named, by path, by PATH lookup and under the memory cap', async () => {
    const notFound = (b: string, n: string): string =>
      `${n} binary not found (looked for "${b}"; set HELM_BINARY/KUSTOMIZE_BINARY or PATH)`;
    expect((await failure(runTool('/nonexistent/helm', ['template'], opts()))).message).toBe(notFound('/nonexistent/helm', 'helm'));
    expect((await failure(runTool('no-such-kustomize', ['build'], opts()))).message).toBe(
      notFound('no-such-kustomize', 'no-such-kustomize'),
    );
    expect((await failure(runTool('no-such-kustomize', ['build'], opts({ maxMemoryBytes: 1024 ** 3 })))).message).toBe(
      notFound('no-such-kustomize', 'no-such-kustomize'),
    );
  });

  it('(f) stdin is delivered whole, and a tool that does not read it still succeeds', async () => {
    const input = `${'{"job": "render"}\n'.repeat(100_000)}end`;
    expect((await run('cat', { stdin: input, maxOutputBytes: 4 * 1024 * 1024 })).stdout).toBe(input);
    expect((await run('cat', { stdin: input, maxMemoryBytes: 1024 ** 3, maxOutputBytes: 4 * 1024 * 1024 })).stdout).toBe(input);
    expect((await run('echo ignored', { stdin: input })).stdout).toBe('ignored\n');
    expect((await run('cat')).stdout).toBe('');
  });

  it('(g) a non-zero exit gives the status and stderr (redacted) in the message; a long stderr is cut, not fatal', async () => {
    const err = await failure(run('echo "Error: chart requires kubeVersion" >&2; exit 3', { secrets: ['kubeVersion'] }));
    expect(err.message).toBe('sh -c failed (exit 3): Error: chart requires ***');
    expect((await failure(run('exit 2'))).message).toBe('sh -c failed (exit 2): no message');
    expect((await failure(run('kill -TERM $$'))).message).toBe('sh -c failed (SIGTERM): no message');
    // 1 MiB of warnings on stderr: a successful run stays successful, and a failing one keeps only the head.
    const chatty = `head -c 1048576 /dev/zero | tr '\\0' w >&2`;
    expect((await run(`${chatty}; echo ok`)).stdout).toBe('ok\n');
    const long = await failure(run(`${chatty}; exit 1`));
    expect(long.message).toBe(`sh -c failed (exit 1): ${'w'.repeat(STDERR_KEPT_BYTES)}`);
  });

  it('(h) the environment is exactly `env` (nothing inherited), and a credential in it is not on the command line', async () => {
    const secret = 'token-in-env-only';
    process.env.FLOTILLA_SPEC_INHERITED = 'leak';
    try {
      for (const maxMemoryBytes of [undefined, 1024 ** 3]) {
        const { stdout } = await run("tr '\\0' '\\n' < /proc/$$/cmdline; echo ---; tr '\\0' '\\n' < /proc/$$/environ", {
          env: { PATH, GIT_TOKEN: secret },
          maxMemoryBytes,
        });
        const [cmdline, environ] = stdout.split('---\n');
        expect(cmdline).not.toContain(secret);
        expect(environ).toContain(`GIT_TOKEN=${secret}`);
        expect(environ).not.toContain('FLOTILLA_SPEC_INHERITED');
      }
    } finally {
      delete process.env.FLOTILLA_SPEC_INHERITED;
    }
  });

  it('(i) tool groups still running when repo-server exits are killed', async () => {
    const pids = join(dir, 'pids');
    const tool = script('orphan', `sleep 60 &\necho "$$ $!" > ${pids}\nwait`);
    const main = `require(${JSON.stringify(resolve(__dirname, 'tool-exec.client.ts'))}).runTool(${JSON.stringify(tool)}, [], { cwd: '/', env: {}, timeoutMs: 60000, maxOutputBytes: 1024 }).catch(() => {});
      const poll = setInterval(() => { if (require('node:fs').existsSync(${JSON.stringify(pids)}) && require('node:fs').readFileSync(${JSON.stringify(pids)}, 'utf8').endsWith('\\n')) { clearInterval(poll); process.exit(0); } }, 20);`;
    const node = spawn(process.execPath, ['-r', '@swc-node/register', '-e', main], {
      cwd: resolve(__dirname, '../../../..'),
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      stdio: 'inherit',
    });
    expect(await new Promise((r) => node.on('exit', r))).toBe(0);
    const [leader, grandchild] = readFileSync(pids, 'utf8').trim().split(' ').map(Number);
    await settle();
    expect(gone(leader)).toBe(true);
    expect(gone(grandchild)).toBe(true);
  });
});
