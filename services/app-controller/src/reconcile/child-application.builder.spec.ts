import { PARENT_APPLICATION_LABEL, REFRESH_ANNOTATION, RESOURCES_FINALIZER, type Application, type Cluster } from '@flotilla/api-types';
import { childApplication, childName, childPatch, childReport, parentOf, planDestinations } from './child-application.builder';

const DEV = 'https://dev.example.com:6443';
const PROD = 'https://prod.example.com:6443';
const clusters: Cluster[] = [
  { server: 'https://kubernetes.default.svc', name: 'in-cluster', config: {} },
  { server: DEV, name: 'dev-cluster', config: {} },
  { server: PROD, name: 'Prod_Cluster', config: {} },
];

const parent = (extra: Partial<Application['metadata']> = {}, servers = ['https://kubernetes.default.svc', DEV, `${PROD}/`]): Application => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'my-app-multi-cluster', namespace: 'argocd', uid: 'uid-parent', ...extra },
  spec: {
    project: 'default',
    source: { repoURL: 'https://github.com/your-org/your-repo.git', path: 'manifests', targetRevision: 'HEAD' },
    destination: { servers, namespace: 'web' },
    syncPolicy: { automated: { prune: true, selfHeal: true } },
  },
});

describe('childName', () => {
  it('is the parent and the cluster name, made DNS-safe', () => {
    expect(childName('my-app', DEV, 'dev-cluster')).toBe('my-app-dev-cluster');
    expect(childName('my-app', PROD, 'Prod_Cluster')).toBe('my-app-prod-cluster');
  });

  it('uses a short hash of the URL when no cluster is known, the same every time', () => {
    const name = childName('my-app', 'https://10.0.0.1:6443');
    expect(name).toMatch(/^my-app-[0-9a-f]{8}$/);
    expect(childName('my-app', 'https://10.0.0.1:6443')).toBe(name);
    expect(childName('my-app', 'https://10.0.0.2:6443')).not.toBe(name);
  });

  it('stays within 63 characters, keeping names of different servers apart', () => {
    const long = 'a-very-long-application-name-that-goes-on-and-on';
    const a = childName(long, DEV, 'a-cluster-with-an-equally-long-name');
    const b = childName(long, PROD, 'a-cluster-with-an-equally-long-name');
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).toMatch(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/);
    expect(a).not.toBe(b);
  });
});

describe('planDestinations', () => {
  it('has one child per server, normalised and without duplicates, named after its cluster', () => {
    const app = parent({}, ['https://kubernetes.default.svc', DEV, `${DEV}/`, PROD, 'https://unknown.example.com']);
    expect(planDestinations(app, clusters, [])).toEqual([
      { server: 'https://kubernetes.default.svc', clusterName: 'in-cluster', application: 'my-app-multi-cluster-in-cluster' },
      { server: DEV, clusterName: 'dev-cluster', application: 'my-app-multi-cluster-dev-cluster' },
      { server: PROD, clusterName: 'Prod_Cluster', application: 'my-app-multi-cluster-prod-cluster' },
      { server: 'https://unknown.example.com', application: expect.stringMatching(/^my-app-multi-cluster-[0-9a-f]{8}$/) },
    ]);
  });

  it('keeps the name of a child that already deploys to a server (a cluster named later does not replace it)', () => {
    const existing = childApplication(parent(), { server: DEV, application: 'my-app-multi-cluster-1a2b3c4d' });
    expect(planDestinations(parent({}, [DEV]), clusters, [existing])).toEqual([{ server: DEV, clusterName: 'dev-cluster', application: 'my-app-multi-cluster-1a2b3c4d' }]);
  });

  it('gives servers whose clusters share a name different children', () => {
    const twins: Cluster[] = [
      { server: DEV, name: 'edge', config: {} },
      { server: PROD, name: 'edge', config: {} },
    ];
    const [a, b] = planDestinations(parent({}, [DEV, PROD]), twins, []);
    expect(a.application).toBe('my-app-multi-cluster-edge');
    expect(b.application).toMatch(/^my-app-multi-cluster-edge-[0-9a-f]{8}$/);
  });
});

describe('childApplication', () => {
  it("is the parent's spec aimed at one server, labelled, owned by the parent and with its resources finalizer", () => {
    const app = parent({ labels: { team: 'web' }, finalizers: [RESOURCES_FINALIZER, 'example.com/other'], annotations: { 'notifications.argoproj.io/subscribe.on-sync-failed.slack': 'ops', 'argocd.argoproj.io/manifest-generate-paths': '.' } });
    const child = childApplication(app, { server: DEV, clusterName: 'dev-cluster', application: 'my-app-multi-cluster-dev-cluster' });
    expect(child).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: 'my-app-multi-cluster-dev-cluster',
        namespace: 'argocd',
        labels: { team: 'web', [PARENT_APPLICATION_LABEL]: 'my-app-multi-cluster' },
        annotations: { 'argocd.argoproj.io/manifest-generate-paths': '.' },
        finalizers: [RESOURCES_FINALIZER],
        ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', name: 'my-app-multi-cluster', uid: 'uid-parent', controller: true, blockOwnerDeletion: true }],
      },
      spec: { ...app.spec, destination: { server: DEV, namespace: 'web' } },
    });
    expect(parentOf(child)).toBe('my-app-multi-cluster');
  });
});

describe('childPatch', () => {
  const destination = { server: DEV, clusterName: 'dev-cluster', application: 'my-app-multi-cluster-dev-cluster' };

  it('is undefined for a child in line with its parent, whatever its status and operation', () => {
    const child = { ...childApplication(parent(), destination), status: { sync: { status: 'Synced' as const } }, operation: { sync: {} } };
    expect(childPatch(parent(), destination, child)).toBeUndefined();
  });

  it("carries a change of the parent's spec to the child, without touching its destination", () => {
    const child = childApplication(parent(), destination);
    const changed = parent();
    changed.spec.source!.targetRevision = 'v2';
    changed.spec.syncPolicy = { automated: { prune: false } };
    expect(childPatch(changed, destination, child)).toEqual({ spec: { source: { targetRevision: 'v2' }, syncPolicy: { automated: { prune: false, selfHeal: null } } } });
  });

  it("keeps what others wrote on the child (its refresh, another finalizer) and passes the parent's refresh on", () => {
    const child = childApplication(parent(), destination);
    child.metadata.annotations = { [REFRESH_ANNOTATION]: 'normal' };
    child.metadata.finalizers = ['post-delete-finalizer.argocd.argoproj.io'];
    expect(childPatch(parent(), destination, child)).toBeUndefined();
    expect(childPatch(parent({ annotations: { [REFRESH_ANNOTATION]: 'hard' }, finalizers: [RESOURCES_FINALIZER] }), destination, child)).toEqual({
      metadata: { annotations: { [REFRESH_ANNOTATION]: 'hard' }, finalizers: ['post-delete-finalizer.argocd.argoproj.io', RESOURCES_FINALIZER] },
    });
  });

  it("drops a label and the resources finalizer the parent no longer has", () => {
    const child = childApplication(parent({ labels: { team: 'web' }, finalizers: [RESOURCES_FINALIZER] }), destination);
    expect(childPatch(parent(), destination, child)).toEqual({ metadata: { labels: { team: null }, finalizers: null } });
  });
});

describe('childReport', () => {
  it('changes with what the parent reports, not with timestamps', () => {
    const child = { ...childApplication(parent(), destination()), status: { sync: { status: 'Synced' as const, revision: 'abc' }, health: { status: 'Healthy' as const }, reconciledAt: 't1' } };
    expect(childReport({ ...child, status: { ...child.status, reconciledAt: 't2', observedAt: 't2' } })).toEqual(childReport(child));
    expect(childReport({ ...child, status: { ...child.status, health: { status: 'Progressing' } } })).not.toEqual(childReport(child));
  });
});

function destination() {
  return { server: DEV, application: 'my-app-multi-cluster-dev-cluster' };
}
