// List answers from the api-server's shared watch of the hub's Applications (as Argo's api-server
// answers from its informer), so 10,000 apps are not fetched and parsed from the hub per request,
// yet this process's own writes show in the very next list: a cache that has not seen them yet
// sends the list to the hub.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Application, ARGO_API_VERSION, flotillaCrds } from '@flotilla/api-types';
import { installCrds } from '@flotilla/platform';
import { eventually, startTestCluster, type TestCluster } from '@flotilla/testing';
import { KubeResourceStore } from '../hub/kube-resource.store';
import type { CallContext } from '../session/session.service';
import { ApplicationService } from './application.service';
import { ApplicationWatchSource } from './application-watch.source';

const NS = 'argocd';
const ctx = { can: () => true } as unknown as CallContext;
const app = (name: string, labels: Record<string, string> = {}): Application => ({
  apiVersion: ARGO_API_VERSION,
  kind: 'Application',
  metadata: { name, namespace: NS, labels },
  spec: {
    project: 'default',
    source: { repoURL: 'https://git.example.com/r.git', path: '.' },
    destination: { server: 'https://kubernetes.default.svc', namespace: 'x' },
  },
});

let dir: string;
let hub: TestCluster;
let store: KubeResourceStore<Application>;
let watch: ApplicationWatchSource;
let service: ApplicationService;
const names = async (selector = ''): Promise<string[]> =>
  (await service.list(ctx, { projects: [], selector })).items.map((a) => a.metadata.name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'app-list-cache-'));
  hub = await startTestCluster(dir, 'hub', { kind: 'kube-sim' });
  await installCrds(hub.kube, flotillaCrds());
  await hub.kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }).catch(() => undefined);
  store = new KubeResourceStore<Application>(hub.kube, { apiVersion: ARGO_API_VERSION, kind: 'Application' }, NS);
  watch = new ApplicationWatchSource(hub.kube, NS);
  service = new ApplicationService(store, undefined as never, undefined, watch);
  watch.warm();
  (await watch.subscribe(() => undefined))();
}, 60_000);

afterAll(async () => {
  await watch.onModuleDestroy();
  await hub.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('shows an app this process created, and not one it deleted, in the very next list', async () => {
  for (let i = 0; i < 20; i++) {
    await store.create(app(`own-${i}`));
    expect(await names()).toContain(`own-${i}`);
    await store.delete(`own-${i}`);
    expect(await names()).not.toContain(`own-${i}`);
  }
});

it('shows an app another writer created once the watch has it', async () => {
  await hub.kube.create(app('theirs', { team: 'a' }));
  await eventually(async () => expect(await names()).toContain('theirs'), 10_000);
  expect(await names('team=a')).toEqual(['theirs']);
  expect(await names('team!=a')).not.toContain('theirs');
});

it('answers from the watch without asking the hub, and refuses a malformed selector itself', async () => {
  await store.create(app('served', { team: 'b' }));
  await eventually(async () => expect(await names()).toContain('served'), 10_000);
  // The hub now fails every new request; the open watch stays.
  await hub.sim!.faults.set({ errorRate: 1, errorCode: 503 });
  try {
    expect(await names('team=b')).toEqual(['served']);
    await expect(names('team in (b')).rejects.toThrow(/error parsing labels with selectors/);
    // A write the watch has not seen sends the list to the hub, which fails here: never a list without the app.
    store.ownWrites.set('not-yet', { version: '999999999', deleted: false });
    await expect(names()).rejects.toThrow();
  } finally {
    store.ownWrites.delete('not-yet');
    await hub.sim!.faults.clear();
  }
});
