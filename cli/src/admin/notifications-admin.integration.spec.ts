import { notificationsCatalogData } from '@flotilla/api-types';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { kubeClientFromKubeconfigString, type KubeClient } from '@flotilla/platform';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareHub, runFlotilla } from '../testing/flotilla-cli.harness';

// `flotilla admin notifications` against a kube-sim hub over HTTPS through a kubeconfig: the catalog
// merges into argocd-notifications-cm beside the user's own keys, and the lists read what is there.

jest.setTimeout(120_000);

const NS = 'argocd';
let hub: KubeSim;
let kube: KubeClient;
let dir: string;
let env: Record<string, string>;

const CM = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'argocd-notifications-cm', namespace: NS } };
const cmData = async (): Promise<Record<string, string>> => (await kube.get<{ apiVersion: string; kind: string; data: Record<string, string> }>(CM)).data;
/** An edit of the ConfigMap's data the way `kubectl edit` makes it: a merge patch under its own field manager. */
const userEdit = (data: Record<string, string>) => kube.patch(CM, { data }, 'merge', { fieldManager: 'kubectl-edit' });
const admin = (...args: string[]) => runFlotilla(['admin', 'notifications', ...args], env);

beforeAll(async () => {
  hub = await startKubeSim({ name: 'hub' });
  kube = kubeClientFromKubeconfigString(hub.kubeconfig());
  await prepareHub(hub, NS);
  dir = mkdtempSync(join(tmpdir(), 'flotilla-admin-notifications-'));
  writeFileSync(join(dir, 'kubeconfig'), hub.kubeconfig(), { mode: 0o600 });
  env = { HOME: dir, KUBECONFIG: join(dir, 'kubeconfig') };
});
afterAll(async () => {
  kube?.close();
  await hub?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('flotilla admin notifications', () => {
  const catalog = notificationsCatalogData();

  it('catalog apply creates argocd-notifications-cm with the catalog when there is none', async () => {
    const out = await admin('catalog', 'apply');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('configmap/argocd-notifications-cm created in namespace argocd');
    expect(out.stdout).toMatch(/^KEY {31}CHANGE$/m);
    expect(out.stdout).toMatch(/^trigger\.on-sync-succeeded {9}added$/m);
    expect(await cmData()).toEqual(catalog);
  });

  it('catalog apply keeps the user’s own keys, reports nothing changed on a second run, and refuses to overwrite a changed catalog key unless forced', async () => {
    const user = { 'service.webhook.hook': 'url: https://hooks.example.com', 'trigger.on-mine': '- when: "true"\n  send: [app-created]\n' };
    await userEdit(user);
    const again = await admin('catalog', 'apply');
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/ (added|updated)$/m);
    expect(await cmData()).toEqual({ ...catalog, ...user });

    const mine = '- when: app.status.health.status == "Degraded"\n  send: [app-health-degraded]\n';
    await userEdit({ 'trigger.on-health-degraded': mine });
    const refused = await admin('catalog', 'apply');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('rerun with --force-conflicts');
    expect((await cmData())['trigger.on-health-degraded']).toBe(mine);

    const forced = await admin('catalog', 'apply', '--force-conflicts');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^trigger\.on-health-degraded {8}updated$/m);
    expect(await cmData()).toEqual({ ...catalog, ...user });
  });

  it('trigger list and template list print what the ConfigMap holds, aligned, or as JSON', async () => {
    const triggers = await admin('trigger', 'list');
    expect(triggers.code).toBe(0);
    const lines = triggers.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME {2,}TEMPLATE {2,}CONDITION$/);
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(['NAME', 'on-created', 'on-deleted', 'on-deployed', 'on-health-degraded', 'on-mine', 'on-sync-failed', 'on-sync-running', 'on-sync-status-unknown', 'on-sync-succeeded']);
    const column = lines[0].indexOf('TEMPLATE');
    expect(lines.find((l) => l.startsWith('on-sync-failed'))!.slice(column)).toBe("app-sync-failed          app.status.operationState != nil and app.status.operationState.phase in ['Error', 'Failed']");

    const templates = await admin('template', 'list', '-o', 'json');
    expect(templates.code).toBe(0);
    const rows = JSON.parse(templates.stdout) as { name: string; preview: string }[];
    expect(rows.map((r) => r.name)).toEqual(Object.keys(catalog).filter((k) => k.startsWith('template.')).map((k) => k.slice(9)).sort());
    expect(rows.find((r) => r.name === 'app-created')!.preview).toBe('Application {{ .app.metadata.name }} was created in proje...');
  });

  it('names what is wrong: no ConfigMap in the namespace, an unreadable kubeconfig', async () => {
    const missing = await admin('trigger', 'list', '-n', 'elsewhere');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('argocd-notifications-cm not found in namespace elsewhere');
    const noConfig = await admin('catalog', 'apply', '--kubeconfig', join(dir, 'nope'));
    expect(noConfig.code).toBe(1);
    expect(noConfig.stderr).toContain(`cannot read kubeconfig ${join(dir, 'nope')}`);
  });
});
