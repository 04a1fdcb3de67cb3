import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, runFlotilla } from '../testing/flotilla-cli.harness';

// `flotilla admin settings resource-overrides` on files, as `argocd admin settings resource-overrides`:
// Lua from an argocd-cm file and from a script library in Argo CD's layout (the engine's fixture).

jest.setTimeout(60_000);

const LIBRARY = join(REPO_ROOT, 'libs/engine/testdata/resource-customizations');
const QUEUE = join(LIBRARY, 'batch.example.io/Queue/testdata');
let dir: string;
let env: Record<string, string>;
const settings = (...args: string[]) => runFlotilla(['admin', 'settings', 'resource-overrides', ...args], env);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-admin-settings-'));
  env = { HOME: dir, FLOTILLA_CONFIG: join(dir, 'config') };
  writeFileSync(
    join(dir, 'argocd-cm.yaml'),
    `apiVersion: v1
kind: ConfigMap
metadata: { name: argocd-cm }
data:
  resource.customizations.health.batch.example.io_Queue: |
    return { status = "Degraded", message = "from argocd-cm, " .. tostring(10 / 2) }
  resource.customizations.actions.batch.example.io_Queue: |
    discovery.lua: |
      return { drain = {} }
    mergeBuiltinActions: true
    definitions:
    - name: drain
      action.lua: |
        obj.spec.maxAgeSeconds = tonumber(actionParams.seconds)
        return obj
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('flotilla admin settings resource-overrides', () => {
  it('health runs the library script with Lua 5.1 numbers, and an argocd-cm key wins over it', async () => {
    const fromLibrary = await settings('health', join(QUEUE, 'busy.yaml'), '--resource-customizations-dir', LIBRARY);
    expect(fromLibrary).toMatchObject({ code: 0, stdout: 'STATUS: Progressing\nMESSAGE: 3 pending, oldest 2 min\n' });
    const fromCm = await settings('health', join(QUEUE, 'busy.yaml'), '--resource-customizations-dir', LIBRARY, '--argocd-cm-path', join(dir, 'argocd-cm.yaml'));
    expect(fromCm).toMatchObject({ code: 0, stdout: 'STATUS: Degraded\nMESSAGE: from argocd-cm, 5\n' });
  });

  it('health says when nothing assesses the kind', async () => {
    const got = await settings('health', join(QUEUE, 'busy.yaml'));
    expect(got).toMatchObject({ code: 0, stdout: "Health script is not configured for 'batch.example.io/Queue' and it has no built-in health check\n" });
  });

  it("list-actions merges argocd-cm's discovery with the library's", async () => {
    const got = await settings('list-actions', join(QUEUE, 'busy.yaml'), '--resource-customizations-dir', LIBRARY, '--argocd-cm-path', join(dir, 'argocd-cm.yaml'));
    expect(got.stdout).toBe('NAME    DISABLED\ndrain   false\npause   false\nresume  true\n');
  });

  it('run-action prints the fields the action changes, with parameters', async () => {
    const resume = await settings('run-action', join(QUEUE, 'paused.yaml'), 'resume', '--resource-customizations-dir', LIBRARY);
    expect(resume.code).toBe(0);
    expect(resume.stdout).toContain('Following fields have been changed:');
    expect(resume.stdout).toMatch(/-\s+paused: true\n/);
    expect(resume.stdout).toMatch(/\+\s+paused: false\n/);
    expect(resume.stdout).toMatch(/-\s+pausedAt: 1700000000\n/);
    const drain = await settings('run-action', join(QUEUE, 'busy.yaml'), 'drain', '--param', 'seconds=60', '--resource-customizations-dir', LIBRARY, '--argocd-cm-path', join(dir, 'argocd-cm.yaml'));
    expect(drain.stdout).toMatch(/\+\s+maxAgeSeconds: 60\n/);
  });

  it('run-action fails naming an action nobody defines', async () => {
    const got = await settings('run-action', join(QUEUE, 'busy.yaml'), 'explode', '--resource-customizations-dir', LIBRARY);
    expect(got.code).toBe(1);
    expect(got.stderr).toContain("No action script found for 'batch.example.io/Queue' action 'explode'");
  });
});
