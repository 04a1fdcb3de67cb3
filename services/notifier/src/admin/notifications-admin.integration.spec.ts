import { notificationsCatalogData } from '@flotilla/api-types';
import type { KubeSim } from '@flotilla/kube-sim';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeApi, startHub, startReceiver } from '../testing/notifier.harness';

// flotilla-notifications (the notifier's admin tool) as a process against a kube-sim hub through a
// kubeconfig: trigger run says which conditions hold for an Application, template notify renders a
// template or really sends it through the notifier's senders, every secret masked.

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..', '..', '..');
const MAIN = join(__dirname, 'notifications-admin.main.ts');
const NS = 'argocd';
const TOKEN = 'tok-Adm1nS3cret';

let hub: KubeSim;
let kube: KubeApi;
let dir: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let status = 200;

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN, ...args, '--kubeconfig', join(dir, 'kubeconfig')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: dir, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(async () => {
  ({ hub, kube } = await startHub(NS));
  receiver = await startReceiver(() => status);
  dir = mkdtempSync(join(tmpdir(), 'notifications-admin-'));
  writeFileSync(join(dir, 'kubeconfig'), hub.kubeconfig(), { mode: 0o600 });
  await kube('POST', `/api/v1/namespaces/${NS}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'argocd-notifications-secret' }, stringData: { token: TOKEN } });
  await kube('POST', `/api/v1/namespaces/${NS}/configmaps`, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'argocd-notifications-cm' },
    data: {
      ...notificationsCatalogData(),
      context: 'argocdUrl: https://cd.example.com\n',
      // The token sits in the URL path, so an unmasked failure would print it.
      'service.webhook.receiver': `url: ${receiver.url}/hooks/$token`,
      'template.hook': 'message: "{{.app.metadata.name}} is {{.app.status.sync.status}} (token {{.secrets.token}})"\nwebhook:\n  receiver:\n    method: POST\n    body: "{{.app.metadata.name}} synced {{.app.status.sync.revision}}"\n',
    },
  });
  await kube('POST', `/apis/argoproj.io/v1alpha1/namespaces/${NS}/applications`, {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'guestbook' },
    spec: { project: 'default', source: { repoURL: 'https://git.example.com/guestbook.git', path: '.' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'default' } },
  });
  await kube(
    'PATCH',
    `/apis/argoproj.io/v1alpha1/namespaces/${NS}/applications/guestbook`,
    { status: { sync: { status: 'Synced', revision: 'abc123' }, health: { status: 'Healthy' }, operationState: { phase: 'Succeeded', startedAt: '2024-05-01T10:00:00Z', finishedAt: '2024-05-01T10:01:00Z', syncResult: { revision: 'abc123' } } } },
    'application/merge-patch+json',
  );
});
afterAll(async () => {
  await receiver?.stop();
  await hub?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('flotilla-notifications', () => {
  it('trigger run prints whether each condition holds for the Application', async () => {
    const succeeded = await run('trigger', 'run', 'on-sync-succeeded', 'guestbook');
    expect(succeeded.stderr).toBe('');
    const when = "app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']";
    expect(succeeded.stdout).toBe(`${'CONDITION'.padEnd(when.length + 2)}RESULT\n${when}  true\n`);
    const failed = await run('trigger', 'run', 'on-sync-failed', 'guestbook', '-o', 'json');
    expect(JSON.parse(failed.stdout)).toEqual([{ condition: "app.status.operationState != nil and app.status.operationState.phase in ['Error', 'Failed']", result: false }]);
    const unknown = await run('trigger', 'run', 'on-nothing', 'guestbook');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('trigger "on-nothing" is not configured in argocd-notifications-cm (configured: on-created, on-deleted');
  });

  it('template notify prints the rendered template, or sends it through the service and says so', async () => {
    const printed = await run('template', 'notify', 'app-sync-succeeded', 'guestbook', '--service-type', 'slack');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(':white_check_mark: Sync of guestbook succeeded at 2024-05-01T10:01:00Z.');
    expect(printed.stdout).toContain('https://cd.example.com/applications/argocd/guestbook?operation=true');
    const quoting = await run('template', 'notify', 'hook', 'guestbook');
    expect(quoting.stdout).toContain('message: guestbook is Synced (token ***)');

    status = 200;
    const sent = await run('template', 'notify', 'hook', 'guestbook', '--recipient', 'receiver:');
    expect(sent).toMatchObject({ code: 0, stdout: 'receiver: sent\n' });
    expect(receiver.requests.map((r) => [r.url, r.body])).toEqual([[`/hooks/${TOKEN}`, 'guestbook synced abc123']]);
  });

  it('template notify reports a refused delivery with the secret masked, and fails', async () => {
    status = 403;
    const refused = await run('template', 'notify', 'hook', 'guestbook', '--recipient', 'receiver:', '--recipient', 'pigeon:loft');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe(
      `receiver: failed: webhook receiver: POST ${receiver.url}/hooks/*** answered HTTP 403\npigeon:loft failed: notification service "pigeon" is not configured in argocd-notifications-cm\n`,
    );
    expect(refused.stdout + refused.stderr).not.toContain(TOKEN);
  });
});
