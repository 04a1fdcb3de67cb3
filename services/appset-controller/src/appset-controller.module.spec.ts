// The appset-controller as a running service against a kube-sim hub (CRDs installed) and real Redis:
// cluster Secrets come and go and the Applications follow, without restarts.
import 'reflect-metadata';
import { Application, ApplicationSet, KubeObject } from '@flotilla/api-types';
import { KubeClient } from '@flotilla/platform';
import { AppSetControllerStack, eventually, NS, startAppSetControllerStack } from './testing/appset-controller.harness';

const clusterSecret = (name: string, labels: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: `cluster-${name}`, namespace: NS, labels: { 'argocd.argoproj.io/secret-type': 'cluster', ...labels } },
  type: 'Opaque',
  stringData: { name, server: `https://${name}.clusters.example:6443`, config: JSON.stringify({ bearerToken: 'not-a-real-token' }) },
});

const guestbookSet: ApplicationSet = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name: 'guestbook', namespace: NS },
  spec: {
    generators: [{ clusters: { selector: { matchLabels: { fleet: 'demo' } } } }],
    template: {
      metadata: { name: 'guestbook-{{name}}', labels: { env: '{{metadata.labels.env}}' } },
      spec: {
        project: 'default',
        source: { repoURL: 'https://git.example/guestbook.git', path: 'envs/{{metadata.labels.env}}', targetRevision: 'HEAD' },
        destination: { server: '{{server}}', namespace: 'guestbook' },
      },
    },
  },
};

describe('appset-controller against a kube-sim hub', () => {
  let stack: AppSetControllerStack;
  let kube: KubeClient;

  const apps = async (): Promise<Application[]> => (await kube.list<Application>('argoproj.io/v1alpha1', 'Application', { namespace: NS })).items;
  // Deleted Applications keep their resources finalizer until an app-controller removes it; none runs here.
  const appNames = async (): Promise<string[]> =>
    (await apps())
      .filter((a) => !a.metadata.deletionTimestamp)
      .map((a) => a.metadata.name)
      .sort();
  const appSet = async (name: string): Promise<ApplicationSet> => await kube.get<ApplicationSet>({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name, namespace: NS } });
  const condition = (set: ApplicationSet, type: string) => set.status?.conditions?.find((c) => c.type === type);

  beforeAll(async () => {
    stack = await startAppSetControllerStack({
      name: 'appset',
      beforeStart: async ({ kube }) => {
        for (const [name, env] of [['dev', 'dev'], ['staging', 'staging'], ['prod', 'prod']]) await kube.create(clusterSecret(name, { fleet: 'demo', env }));
      },
    });
    kube = stack.kube;
  }, 60_000);

  afterAll(() => stack?.stop());

  it('creates one Application per matching cluster, owned by the ApplicationSet, and reports status', async () => {
    await kube.create(guestbookSet as unknown as KubeObject);
    await eventually(appNames, (n) => n.join() === 'guestbook-dev,guestbook-prod,guestbook-staging', 'three Applications');

    const staging = (await apps()).find((a) => a.metadata.name === 'guestbook-staging')!;
    const owner = await appSet('guestbook');
    expect(staging.spec.destination).toEqual({ server: 'https://staging.clusters.example:6443', namespace: 'guestbook' });
    expect(staging.spec.source?.path).toBe('envs/staging');
    expect(staging.metadata.labels).toEqual({ env: 'staging' });
    expect(staging.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
    expect(staging.metadata.ownerReferences).toEqual([
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', name: 'guestbook', uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);

    const status = await eventually(() => appSet('guestbook'), (s) => condition(s, 'ResourcesUpToDate')?.status === 'True' && s.status?.resources?.length === 3, 'status');
    expect(condition(status, 'ErrorOccurred')).toMatchObject({ status: 'False', reason: 'ApplicationSetUpToDate' });
    expect(status.status?.resources?.map((r) => r.name)).toEqual(['guestbook-dev', 'guestbook-prod', 'guestbook-staging']);
  });

  it('mirrors an Application’s health and sync into status.resources', async () => {
    const dev = (await apps()).find((a) => a.metadata.name === 'guestbook-dev')!;
    await kube.patch(dev, { status: { sync: { status: 'Synced' }, health: { status: 'Healthy' } } }, 'merge');
    const set = await eventually(() => appSet('guestbook'), (s) => s.status?.resources?.[0]?.health?.status === 'Healthy', 'health in status.resources');
    expect(set.status?.resources?.[0]).toEqual({ group: 'argoproj.io', version: 'v1alpha1', kind: 'Application', name: 'guestbook-dev', namespace: NS, status: 'Synced', health: { status: 'Healthy' } });
  });

  it('puts back a hand-edited spec but keeps the status and refresh request others wrote', async () => {
    const prod = (await apps()).find((a) => a.metadata.name === 'guestbook-prod')!;
    await kube.patch(prod, { metadata: { annotations: { 'argocd.argoproj.io/refresh': 'hard' } }, spec: { source: { path: 'hacked' } }, status: { health: { status: 'Degraded' } } }, 'merge');
    const healed = await eventually(
      () => apps().then((all) => all.find((a) => a.metadata.name === 'guestbook-prod')!),
      (a) => a.spec.source?.path === 'envs/prod',
      'the spec to be restored',
    );
    expect(healed.metadata.annotations).toEqual({ 'argocd.argoproj.io/refresh': 'hard' });
    expect(healed.status?.health?.status).toBe('Degraded');
  });

  it('creates an Application for a new matching cluster Secret', async () => {
    await kube.create(clusterSecret('qa', { fleet: 'demo', env: 'qa' }));
    await eventually(appNames, (n) => n.includes('guestbook-qa'), 'guestbook-qa');
  });

  it('deletes the Application of a cluster whose label no longer matches', async () => {
    const secret = await kube.get({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cluster-staging', namespace: NS } });
    await kube.patch(secret, { metadata: { labels: { fleet: 'retired' } } }, 'merge');
    await eventually(appNames, (n) => n.join() === 'guestbook-dev,guestbook-prod,guestbook-qa', 'guestbook-staging to go');
  });

  it('reports duplicate generated names as an ErrorOccurred condition and writes none of them', async () => {
    const dup: ApplicationSet = {
      ...guestbookSet,
      metadata: { name: 'dup', namespace: NS },
      spec: { ...guestbookSet.spec, generators: [{ list: { elements: [{ name: 'same', server: 'https://dev.clusters.example:6443' }, { name: 'same', server: 'https://prod.clusters.example:6443' }] } }] },
    };
    dup.spec.template = { ...guestbookSet.spec.template, metadata: { name: 'dup-{{name}}' } };
    await kube.create(dup as unknown as KubeObject);
    const set = await eventually(() => appSet('dup'), (s) => condition(s, 'ErrorOccurred')?.status === 'True', 'an error condition');
    expect(condition(set, 'ErrorOccurred')).toMatchObject({ reason: 'ApplicationValidationError', message: 'ApplicationSet dup contains applications with duplicate name: dup-same' });
    expect(condition(set, 'ResourcesUpToDate')).toMatchObject({ status: 'False', reason: 'ErrorOccurred' });
    expect(await appNames()).not.toContain('dup-same');
  });

  it('serves reconcile metrics', async () => {
    const text = await (await fetch(`http://127.0.0.1:${stack.service.opsPort}/metrics`)).text();
    expect(text).toMatch(/flotilla_appset_reconcile_total\{[^}]*result="success"[^}]*\} [1-9]/);
    expect(text).toContain('flotilla_appset_reconcile_duration_seconds_bucket');
    expect(text).toMatch(/flotilla_queue_jobs\{queue="appset-reconcile-[^"]+",state="waiting"[^}]*\} \d+/);
    expect(text).toMatch(/flotilla_shards\{state="owned"[^}]*\} [1-9]/);
    expect(text).toMatch(/flotilla_shards\{state="unowned"[^}]*\} 0/);
    expect((await fetch(`http://127.0.0.1:${stack.service.opsPort}/readyz`)).status).toBe(200);
  });

  it('lets Kubernetes garbage-collect the Applications when the ApplicationSet is deleted', async () => {
    await kube.delete({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name: 'guestbook', namespace: NS } });
    await eventually(appNames, (n) => n.every((name) => !name.startsWith('guestbook-')), 'the Applications to be collected');
  });
});
