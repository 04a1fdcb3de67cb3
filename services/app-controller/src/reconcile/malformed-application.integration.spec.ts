import { ARGO_API_VERSION, type Application, type KubeObject } from '@flotilla/api-types';
import { randomUUID } from 'node:crypto';
import { eventually, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// Malformed Applications next to a good one, through the running controller, repo-server, git over
// HTTP and kube-sim: each bad one gets an InvalidSpecError naming its field, the good one keeps
// syncing, and nothing stops the controller (a missing destination used to kill it).
const id = randomUUID().slice(0, 8);
const NS = `bad-${id}`;
const PREFIX = `spec-malformed-app-${id}`;

type Spec = Record<string, unknown> | string | null | undefined;

describe('malformed Applications', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const app = (name: string): Promise<Application> => clusters.hubKube.get<Application>({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const spokeConfigMap = (name: string): Promise<KubeObject> => clusters.spokeKube.get({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'good' } });
  const configMap = (colour: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: colour }\ndata: { colour: ${colour} }\n`;

  beforeAll(async () => {
    stack = await startControllerStack({ name: 'malformed-app', namespace: NS, prefix: PREFIX });
    ({ clusters, git } = stack);
    // Objects stored under an older, looser CRD (or where no schema is enforced) still reach the
    // controller, so the hub stops checking them here; the CRD's own `required` has a kube-sim spec.
    await clusters.hubKube.patch(
      { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'applications.argoproj.io' } },
      { spec: { versions: [{ name: 'v1alpha1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }] } },
      'merge',
    );
  }, 90_000);

  afterAll(() => stack?.stop(), 30_000);

  it('gives each malformed Application a condition naming its field while a good one keeps syncing', async () => {
    const first = git.commit({ 'good/cm.yaml': configMap('blue') }, 'blue');
    const source = { repoURL: git.url, path: 'good', targetRevision: 'main' };
    const destination = { server: clusters.spoke.url, namespace: 'good' };
    const ok = { project: 'default', source, destination };
    const cases: Array<{ name: string; spec: Spec; operation?: object; field: string }> = [
      { name: 'no-destination', spec: { project: 'default', source }, field: 'spec.destination is required' },
      { name: 'null-destination', spec: { ...ok, destination: null }, field: 'spec.destination is required' },
      { name: 'string-destination', spec: { ...ok, destination: 'in-cluster' }, field: 'spec.destination must be an object, not a string' },
      { name: 'numeric-server', spec: { ...ok, destination: { server: 443, namespace: 'x' } }, field: 'spec.destination.server must be a string, not a number' },
      { name: 'string-servers', spec: { ...ok, destination: { servers: clusters.spoke.url } }, field: 'spec.destination.servers must be a list of strings, not a string' },
      { name: 'no-spec', spec: undefined, field: 'spec is required' },
      { name: 'string-spec', spec: 'guestbook', field: 'spec must be an object, not a string' },
      { name: 'string-source', spec: { ...ok, source: git.url }, field: 'spec.source must be an object, not a string' },
      { name: 'no-project', spec: { source, destination }, field: 'spec.project is required' },
      { name: 'object-project', spec: { ...ok, project: { name: 'default' } }, field: 'spec.project must be a string, not an object' },
      { name: 'empty-sources', spec: { project: 'default', sources: [], destination }, field: 'spec.source or spec.sources is required' },
      { name: 'object-sources', spec: { ...ok, sources: { repoURL: git.url } }, field: 'spec.sources must be a list, not an object' },
      { name: 'numeric-revision', spec: { ...ok, source: { ...source, targetRevision: 1.2 } }, field: 'spec.source.targetRevision must be a string, not a number' },
      { name: 'no-repo-url', spec: { ...ok, sources: [{ path: 'good' }] }, field: 'spec.sources[0].repoURL is required' },
      { name: 'string-automated', spec: { ...ok, syncPolicy: { automated: 'true' } }, field: 'spec.syncPolicy.automated must be an object, not a string' },
      { name: 'sync-without-destination', spec: { project: 'default', source }, operation: { sync: { revision: 'main' } }, field: 'spec.destination is required' },
    ];
    await clusters.hubKube.create({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { name: 'good', namespace: NS }, spec: { ...ok, syncPolicy: { automated: {}, syncOptions: ['CreateNamespace=true'] } } });
    for (const c of cases) {
      const obj = { apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { name: c.name, namespace: NS }, ...(c.spec === undefined ? {} : { spec: c.spec }), ...(c.operation ? { operation: c.operation } : {}) };
      await clusters.hubKube.create(obj);
    }

    await eventually(async () => {
      for (const c of cases) {
        const status = (await app(c.name)).status;
        expect({ name: c.name, sync: status?.sync?.status, conditions: status?.conditions?.map((x) => `${x.type}: ${x.message}`) }).toEqual({
          name: c.name,
          sync: 'Unknown',
          conditions: expect.arrayContaining([`InvalidSpecError: Application spec is invalid: ${c.field}`]),
        });
      }
    }, 40_000);
    const refused = await app('sync-without-destination');
    expect(refused.operation).toBeUndefined();
    expect(refused.status?.operationState).toMatchObject({ phase: 'Error', message: expect.stringContaining('spec.destination is required') });
    await eventually(async () => expect((await app('good')).status?.sync).toMatchObject({ status: 'Synced', revision: first }), 40_000);

    // The controller still runs and reconciles: a new commit reaches the good app's cluster.
    const second = git.commit({ 'good/cm.yaml': configMap('green') }, 'green');
    await eventually(async () => {
      expect((await app('good')).status?.sync).toMatchObject({ status: 'Synced', revision: second });
      expect((await spokeConfigMap('colour')).data).toEqual({ colour: 'green' });
    }, 40_000);
    expect((await fetch(`http://127.0.0.1:${stack.controller.opsPort}/readyz`)).status).toBe(200);
  }, 120_000);
});
