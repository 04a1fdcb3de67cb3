import { ManifestError } from '../render/directory.renderer';
import { runTool } from './tool-exec.client';

// A real child process writing bytes to stdout, as helm, kustomize and the Jsonnet evaluator do.
const run = (script: string): Promise<{ stdout: string }> => runTool('/bin/sh', ['-c', script], { cwd: '/', env: { PATH: '/usr/bin:/bin' }, timeoutMs: 10_000, maxOutputBytes: 1024 * 1024 });

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
