// The clusterDecisionResource generator against a real API server: the appset-controller's kube-sim
// hub serving a custom kind (a CRD made in the spec), read through the same namespaceReader the
// controller gives generators, and an ApplicationSet the running controller follows.
import 'reflect-metadata';
import type { Application, ApplicationSet, KubeObject } from '@flotilla/api-types';
import { generatorRegistry, perStringRenderer, transformEntry, type GeneratorContext, type GeneratorEntry } from '@flotilla/appset';
import { namespaceReader, type KubeClient } from '@flotilla/platform';
import { AppSetControllerStack, NS, polling, startAppSetControllerStack } from './testing/appset-controller.harness';

const API = 'mallard.io/v1beta1';

const duckCrd: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'ducks.mallard.io' },
  spec: {
    group: 'mallard.io',
    scope: 'Namespaced',
    names: { kind: 'Duck', plural: 'ducks', singular: 'duck', listKind: 'DuckList' },
    versions: [
      {
        name: 'v1beta1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      },
    ],
  },
};
const duck = (name: string, labels: Record<string, string>, status: unknown): KubeObject => ({
  apiVersion: API,
  kind: 'Duck',
  metadata: { name, namespace: NS, labels },
  spec: {},
  status,
});
const clusterSecret = (name: string, server: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: `cluster-${name}`, namespace: NS, labels: { 'argocd.argoproj.io/secret-type': 'cluster' } },
  data: { name: Buffer.from(name).toString('base64'), server: Buffer.from(server).toString('base64') },
});

describe('the clusterDecisionResource generator on kube-sim', () => {
  let stack: AppSetControllerStack;
  let kube: KubeClient;

  beforeAll(async () => {
    stack = await startAppSetControllerStack({ name: 'appset-cdr', beforeStart: ({ kube }) => seed(kube) });
    kube = stack.kube;
  }, 60_000);

  afterAll(() => stack?.stop());

  const run = async (cdr: GeneratorEntry['clusterDecisionResource'], goTemplate = false) => {
    const spec = { goTemplate, generators: [], template: {} };
    const ctx: GeneratorContext = {
      appSet: { metadata: { name: 'guestbook', namespace: NS }, spec } as unknown as ApplicationSet,
      clusterSecrets: (await kube.list('v1', 'Secret', { namespace: NS, labelSelector: 'argocd.argoproj.io/secret-type=cluster' })).items,
      renderString: perStringRenderer(spec),
      repository: (url) => Promise.resolve({ repo: url }),
      hub: namespaceReader(kube, NS),
    };
    return (await transformEntry({ clusterDecisionResource: cdr }, generatorRegistry(), undefined, ctx))[0].params;
  };

  it('matches a named resource’s decisions to known clusters by name, skipping unknown ones', async () => {
    expect(await run({ configMapRef: 'placement', name: 'quak', values: { team: 'birds' } })).toEqual([
      { name: 'cluster-01', server: 'https://c1.example:6443', clusterName: 'cluster-01', weight: '3', 'values.team': 'birds' },
      { name: 'cluster-02', server: 'https://c2.example:6443', clusterName: 'cluster-02', 'values.team': 'birds' },
    ]);
  });

  it('selects resources by labels (matchLabels and matchExpressions), the hub known as in-cluster, values as a map for goTemplate', async () => {
    const labelSelector = { matchExpressions: [{ key: 'duck', operator: 'In' as const, values: ['spotted', 'canvasback'] }] };
    const params = await run({ configMapRef: 'placement', labelSelector, values: { team: 'birds' } }, true);
    expect(params.map((p) => [p.name, p.server, p.zone ?? '', p.values])).toEqual([
      ['in-cluster', 'https://kubernetes.default.svc', 'eu', { team: 'birds' }],
      ['cluster-01', 'https://c1.example:6443', '', { team: 'birds' }],
      ['cluster-02', 'https://c2.example:6443', '', { team: 'birds' }],
    ]);
    expect((await run({ configMapRef: 'placement', labelSelector: { matchLabels: { duck: 'silent' } } })).length).toBe(0);
  });

  it('takes the plural resource name for the kind, as Argo ConfigMaps name it', async () => {
    expect((await run({ configMapRef: 'plural', name: 'quak' })).map((p) => p.name)).toEqual(['cluster-01', 'cluster-02']);
  });

  it('reads status.clusters when the ConfigMap names no statusListKey, and yields nothing without a matchKey', async () => {
    expect((await run({ configMapRef: 'default-list-key', name: 'canvasback' })).map((p) => p.name)).toEqual(['cluster-02']);
    expect(await run({ configMapRef: 'no-match-key', name: 'quak' })).toEqual([]);
  });

  it('drives an ApplicationSet in the controller, which reads the decisions again after requeueAfterSeconds', async () => {
    await kube.create(duck('pintail', { duck: 'pintail' }, { decisions: [{ clusterName: 'cluster-01' }, { clusterName: 'cluster-02' }] }));
    await kube.create({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name: 'flock', namespace: NS },
      spec: {
        generators: [{ clusterDecisionResource: { configMapRef: 'placement', name: 'pintail', requeueAfterSeconds: 1 } }],
        template: {
          metadata: { name: '{{clusterName}}-guestbook' },
          spec: {
            project: 'default',
            source: { repoURL: 'https://git.example/apps.git', path: 'guestbook', targetRevision: 'HEAD' },
            destination: { server: '{{server}}', namespace: 'guestbook' },
          },
        },
      },
    });
    const names = async (): Promise<string> =>
      (await kube.list<Application>('argoproj.io/v1alpha1', 'Application', { namespace: NS })).items
        .filter((a) => !a.metadata.deletionTimestamp && a.metadata.ownerReferences?.some((r) => r.name === 'flock'))
        .map((a) => `${a.metadata.name}@${a.spec.destination.server}`)
        .sort()
        .join();
    const eventually = polling({ everyMs: 150 });
    await eventually(
      names,
      (n) => n === 'cluster-01-guestbook@https://c1.example:6443,cluster-02-guestbook@https://c2.example:6443',
      'two Applications',
    );
    // The placement moves; nothing the controller watches changes, so only the requeue sees it.
    await kube.patch(
      { apiVersion: API, kind: 'Duck', metadata: { name: 'pintail', namespace: NS } },
      { status: { decisions: [{ clusterName: 'cluster-02' }] } },
      'merge',
    );
    await eventually(names, (n) => n === 'cluster-02-guestbook@https://c2.example:6443', 'the Application of the cluster left out deleted');
  }, 30_000);

  it.each([
    [
      'a missing ConfigMap',
      { configMapRef: 'nope', name: 'quak' },
      'error reading configMapRef: configmaps "nope" not found in namespace argocd',
    ],
    [
      'an apiVersion without a group',
      { configMapRef: 'core-group', name: 'x' },
      'there is a problem with the apiVersion, kind or resourceName provided',
    ],
    [
      'both name and labelSelector',
      { configMapRef: 'placement', name: 'quak', labelSelector: { matchLabels: { duck: 'spotted' } } },
      'set either name or labelSelector',
    ],
    [
      'neither name nor labelSelector',
      { configMapRef: 'placement' },
      'there is a problem with the definition of the ClusterDecisionResource generator',
    ],
    [
      'no such resource',
      { configMapRef: 'placement', name: 'mallard' },
      'no clusterDecisionResources found: no Duck named mallard in argocd',
    ],
    [
      'a kind the hub does not serve',
      { configMapRef: 'unserved', name: 'x' },
      "does not serve kind Goose in mallard.io/v1 (the ConfigMap's kind names neither a Kind nor a plural resource name the hub serves)",
    ],
    ['a status list that is not a list', { configMapRef: 'placement', name: 'broken' }, 'status.decisions of broken is not a list'],
  ])('rejects %s', async (_case, cdr, message) => {
    await expect(run(cdr)).rejects.toThrow(message);
  });
});

/** The Duck kind, the ConfigMaps describing it, some Ducks and two cluster Secrets on the hub. */
async function seed(kube: KubeClient): Promise<void> {
  await kube.create(duckCrd);
  await polling({ everyMs: 100 })(
    () =>
      kube.list(API, 'Duck', { namespace: NS }).then(
        () => true,
        () => false,
      ),
    Boolean,
    'ducks to be served',
  );
  for (const data of [
    { metadata: { name: 'placement' }, data: { apiVersion: API, kind: 'Duck', statusListKey: 'decisions', matchKey: 'clusterName' } },
    { metadata: { name: 'default-list-key' }, data: { apiVersion: API, kind: 'Duck', matchKey: 'clusterName' } },
    { metadata: { name: 'plural' }, data: { apiVersion: API, kind: 'ducks', statusListKey: 'decisions', matchKey: 'clusterName' } },
    { metadata: { name: 'no-match-key' }, data: { apiVersion: API, kind: 'Duck', statusListKey: 'decisions' } },
    { metadata: { name: 'core-group' }, data: { apiVersion: 'v1', kind: 'ConfigMap', matchKey: 'name' } },
    { metadata: { name: 'unserved' }, data: { apiVersion: 'mallard.io/v1', kind: 'Goose', matchKey: 'clusterName' } },
  ])
    await kube.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { ...data.metadata, namespace: NS }, data: data.data });
  await kube.create(
    duck(
      'quak',
      { duck: 'spotted' },
      {
        decisions: [{ clusterName: 'cluster-01', weight: 3 }, { clusterName: 'cluster-02' }, { clusterName: 'unknown' }, { other: 'x' }],
      },
    ),
  );
  await kube.create(
    duck(
      'canvasback',
      { duck: 'canvasback' },
      { decisions: [{ clusterName: 'in-cluster', zone: 'eu' }], clusters: [{ clusterName: 'cluster-02' }] },
    ),
  );
  await kube.create(duck('silent', { duck: 'silent' }, {}));
  await kube.create(duck('broken', { duck: 'broken' }, { decisions: 'cluster-01' }));
  for (const s of [clusterSecret('cluster-01', 'https://c1.example:6443'), clusterSecret('cluster-02', 'https://c2.example:6443')])
    await kube.create(s);
}
