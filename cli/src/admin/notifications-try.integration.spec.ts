import { ARGO_API_VERSION, notificationsCatalogData } from '@flotilla/api-types';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { FakeWebhook } from '@flotilla/notifications/testing';
import { kubeClientFromKubeconfigString, type KubeClient } from '@flotilla/platform';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareHub, runFlotilla } from '../testing/flotilla-cli.harness';

// `flotilla admin notifications trigger run` and `template notify` against a kube-sim hub over HTTPS
// through a kubeconfig: trigger run says which conditions hold for an Application, template notify
// renders a template or really sends it through the notifier's senders, every secret masked.

jest.setTimeout(120_000);

const NS = 'argocd';
const TOKEN = 'tok-Adm1nS3cret';

let hub: KubeSim;
let kube: KubeClient;
let dir: string;
let env: Record<string, string>;
let receiver: FakeWebhook;

const admin = (...args: string[]) => runFlotilla(['admin', 'notifications', ...args], env);

beforeAll(async () => {
  hub = await startKubeSim({ name: 'hub' });
  kube = kubeClientFromKubeconfigString(hub.kubeconfig());
  await prepareHub(hub, NS);
  receiver = await new FakeWebhook().start();
  dir = mkdtempSync(join(tmpdir(), 'flotilla-admin-notifications-try-'));
  writeFileSync(join(dir, 'kubeconfig'), hub.kubeconfig(), { mode: 0o600 });
  env = { HOME: dir, KUBECONFIG: join(dir, 'kubeconfig') };
  await kube.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'argocd-notifications-secret', namespace: NS }, stringData: { token: TOKEN } });
  await kube.create({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'argocd-notifications-cm', namespace: NS },
    data: {
      ...notificationsCatalogData(),
      context: 'argocdUrl: https://cd.example.com\n',
      // The token sits in the URL path, so an unmasked failure would print it.
      'service.webhook.receiver': `url: ${receiver.url}/hooks/$token`,
      'template.hook': 'message: "{{.app.metadata.name}} is {{.app.status.sync.status}} (token {{.secrets.token}})"\nwebhook:\n  receiver:\n    method: POST\n    body: "{{.app.metadata.name}} synced {{.app.status.sync.revision}}"\n',
    },
  });
  const app = { apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { name: 'guestbook', namespace: NS } };
  await kube.create({
    ...app,
    spec: { project: 'default', source: { repoURL: 'https://git.example.com/guestbook.git', path: '.' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'default' } },
  });
  await kube.patch(
    app,
    { status: { sync: { status: 'Synced', revision: 'abc123' }, health: { status: 'Healthy' }, operationState: { phase: 'Succeeded', startedAt: '2024-05-01T10:00:00Z', finishedAt: '2024-05-01T10:01:00Z', syncResult: { revision: 'abc123' } } } },
    'merge',
  );
});
afterAll(async () => {
  kube?.close();
  await receiver?.stop();
  await hub?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('flotilla admin notifications trigger run and template notify', () => {
  it('trigger run prints whether each condition holds for the Application', async () => {
    const succeeded = await admin('trigger', 'run', 'on-sync-succeeded', 'guestbook');
    expect(succeeded.stderr).toBe('');
    const when = "app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']";
    expect(succeeded.stdout).toBe(`${'CONDITION'.padEnd(when.length + 2)}RESULT\n${when}  true\n`);
    const failed = await admin('trigger', 'run', 'on-sync-failed', 'guestbook', '-o', 'json');
    expect(JSON.parse(failed.stdout)).toEqual([{ condition: "app.status.operationState != nil and app.status.operationState.phase in ['Error', 'Failed']", result: false }]);
    const unknown = await admin('trigger', 'run', 'on-nothing', 'guestbook');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('trigger "on-nothing" is not configured in argocd-notifications-cm (configured: on-created, on-deleted');
  });

  it('template notify prints the rendered template, or sends it through the service and says so', async () => {
    const printed = await admin('template', 'notify', 'app-sync-succeeded', 'guestbook', '--service-type', 'slack');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(':white_check_mark: Sync of guestbook succeeded at 2024-05-01T10:01:00Z.');
    expect(printed.stdout).toContain('https://cd.example.com/applications/argocd/guestbook?operation=true');
    const quoting = await admin('template', 'notify', 'hook', 'guestbook');
    expect(quoting.stdout).toContain('message: guestbook is Synced (token ***)');

    receiver.status = 200;
    const sent = await admin('template', 'notify', 'hook', 'guestbook', '--recipient', 'receiver:');
    expect(sent).toMatchObject({ code: 0, stdout: 'receiver: sent\n' });
    expect(receiver.requests.map((r) => [r.url, r.body])).toEqual([[`/hooks/${TOKEN}`, 'guestbook synced abc123']]);
  });

  it('template notify reports a refused delivery with the secret masked, and fails', async () => {
    receiver.status = 403;
    const refused = await admin('template', 'notify', 'hook', 'guestbook', '--recipient', 'receiver:', '--recipient', 'pigeon:loft');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe(
      `receiver: failed: webhook receiver: POST ${receiver.url}/hooks/*** answered HTTP 403\npigeon:loft failed: notification service "pigeon" is not configured in argocd-notifications-cm\n`,
    );
    expect(refused.stdout + refused.stderr).not.toContain(TOKEN);
  });
});
