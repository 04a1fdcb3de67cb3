// The controller's Events on an Application as a user reads them: the app-controller syncs an app to
// a kube-sim spoke, and the api-server (its own process, on the same hub) lists the app's Events
// through ListResourceEvents, in the order they happened.
import { ARGO_API_VERSION, type Application, type KubeObject } from '@flotilla/api-types';
import { eventually, freePort, ROOT, startServiceProcess, type ServiceProcess } from '@flotilla/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startControllerStack, type ControllerStack } from '../testing/app-controller.harness';

const id = randomUUID().slice(0, 8);
const NS = `ev-${id}`;
const PREFIX = `spec-app-events-${id}`;
const API_MAIN = join(ROOT, 'services', 'api-server', 'src', 'main.ts');

const configMap = (name: string, color: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name} }\ndata: { color: ${color} }\n`;

interface AppEvent {
  metadata: { name: string; annotations?: Record<string, string> };
  involvedObject: Record<string, string>;
  reason: string;
  message: string;
  type: string;
  count: number;
  source: { component: string };
}

describe("the app-controller's Events on an Application, read through the api-server's ListResourceEvents", () => {
  let stack: ControllerStack;
  let api: ServiceProcess;
  let base: string;
  let token: string;

  const app = (name: string): Promise<Application> => stack.clusters.hubKube.get<Application>({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const createApp = (name: string, path: string): Promise<unknown> =>
    stack.clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'Application',
      metadata: { name, namespace: NS },
      spec: {
        project: 'default',
        source: { repoURL: stack.git.url, path, targetRevision: 'main' },
        destination: { server: stack.clusters.spoke.url, namespace: name },
        syncPolicy: { automated: {}, syncOptions: ['CreateNamespace=true'] },
      },
    });
  /** The app's Events as GET /api/v1/applications/{name}/events answers, in the order they were recorded. */
  const events = async (name: string): Promise<AppEvent[]> => {
    const res = await fetch(`${base}/api/v1/applications/${name}/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: AppEvent[] };
    return body.items.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  };
  const summary = (e: AppEvent): string => `${e.type} ${e.reason}: ${e.message}`;

  beforeAll(async () => {
    stack = await startControllerStack({ name: 'app-events', namespace: NS, prefix: PREFIX, clusters: { simOnly: true } });
    const port = await freePort();
    api = await startServiceProcess(API_MAIN, {
      FLOTILLA_KUBECONFIG: stack.clusters.hubKubeconfig,
      FLOTILLA_NAMESPACE: NS,
      FLOTILLA_API_PORT: String(port),
      FLOTILLA_REPO_SERVER: stack.repoServer.address,
      FLOTILLA_LOG_LEVEL: 'warn',
    }, 120_000);
    base = `http://127.0.0.1:${port}`;
    const secret = await stack.clusters.hubKube.get<KubeObject & { data: { password: string } }>({ apiVersion: 'v1', kind: 'Secret', metadata: { namespace: NS, name: 'argocd-initial-admin-secret' } });
    const password = Buffer.from(secret.data.password, 'base64').toString();
    token = await eventually(async () => {
      const res = await fetch(`${base}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: 'admin', password }) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { token: string }).token;
    });
  }, 240_000);

  afterAll(async () => {
    await api?.stop();
    await stack?.stop();
  }, 60_000);

  it('an automated sync is OperationStarted after the comparison that found it OutOfSync, and is followed by OperationCompleted and the sync and health changes it brought, each told once', async () => {
    const sha = stack.git.commit({ 'good/cm.yaml': configMap('settings', 'red') }, 'good');
    await createApp('good', 'good');
    const found = await eventually(async () => {
      const list = await events('good');
      expect(list.map(summary)).toEqual(expect.arrayContaining([`Normal OperationCompleted: Sync operation to ${sha} succeeded`, 'Normal ResourceUpdated: Updated sync status: OutOfSync -> Synced']));
      return list;
    }, 60_000);
    const lines = found.map(summary);
    const at = (line: string): number => {
      expect(lines).toContain(line);
      return lines.indexOf(line);
    };
    const outOfSync = at('Normal ResourceUpdated: Updated sync status:  -> OutOfSync');
    const started = at(`Normal OperationStarted: Initiated automated sync to '${sha}'`);
    const synced = at('Normal ResourceUpdated: Updated sync status: OutOfSync -> Synced');
    const completed = at(`Normal OperationCompleted: Sync operation to ${sha} succeeded`);
    expect(outOfSync).toBeLessThan(started);
    expect(started).toBeLessThan(completed);
    // The comparison after the operation (or one during it) sees it Synced; never before it started.
    expect(started).toBeLessThan(synced);
    expect(lines.filter((l) => l.includes('Updated health status') && l.endsWith('-> Healthy'))).toHaveLength(1);
    // Each change is told once: resyncs that change nothing write no Event.
    expect(new Set(lines).size).toBe(lines.length);
    const current = await app('good');
    for (const e of found) {
      expect(e.source.component).toBe('argocd-application-controller');
      expect(e.involvedObject).toMatchObject({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', name: 'good', namespace: NS, uid: current.metadata.uid });
      expect(e.metadata.annotations).toEqual({ 'dest-server': stack.clusters.spoke.url, 'dest-namespace': 'good' });
      expect(e.count).toBe(1);
    }
  });

  it('a sync that fails is a Warning OperationCompleted with the failure', async () => {
    const sha = stack.git.commit({ 'bad/cm.yaml': configMap('Not_A_Valid_Name', 'red') }, 'bad');
    await createApp('bad', 'bad');
    const failed = await eventually(async () => {
      const list = await events('bad');
      const completed = list.find((e) => e.reason === 'OperationCompleted');
      expect(completed).toBeDefined();
      return completed!;
    }, 60_000);
    expect(failed.type).toBe('Warning');
    expect(failed.message).toMatch(new RegExp(`^Sync operation to ${sha} failed: `));
    expect(failed.message).toContain('Not_A_Valid_Name');
    expect((await app('bad')).status?.operationState?.phase).toBe('Failed');
  });
});
