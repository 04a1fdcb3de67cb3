import { KubeSim, startKubeSim } from '../kube-sim';
import { parseKubeVersion } from './kube-versions';

// A sim started as an older minor serves what that kube-apiserver served: its /version, the
// API versions in discovery, 404 for an API version it does not serve, and 1.20's server-side
// apply, which keys a Service's `ports[]` by a `protocol` the manifest must spell out. The texts
// are what a real v1.20.2 kube-apiserver answered to the same requests.
let sims: Record<'v20' | 'v21' | 'v32', KubeSim>;

beforeAll(async () => {
  const start = (kubeVersion?: string) => startKubeSim({ name: `kube-versions-${kubeVersion ?? 'default'}`, tls: false, auth: false, kubeVersion });
  sims = { v20: await start('1.20.2'), v21: await start('1.21'), v32: await start() };
});
afterAll(() => Promise.all(Object.values(sims).map((s) => s.stop())));

async function call(sim: KubeSim, method: string, path: string, body?: object, contentType = 'application/json'): Promise<{ status: number; json: any }> {
  const res = await fetch(`${sim.url}${path}`, { method, headers: body ? { 'Content-Type': contentType } : {}, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, json: await res.json() };
}

const versionsOf = async (sim: KubeSim, group: string): Promise<string[]> =>
  ((await call(sim, 'GET', `/apis/${group}`)).json.versions as Array<{ version: string }>).map((v) => v.version);

const kindsIn = async (sim: KubeSim, groupVersion: string): Promise<string[] | number> => {
  const res = await fetch(`${sim.url}/apis/${groupVersion}`);
  return res.status === 200 ? (((await res.json()) as { resources: unknown }).resources as Array<{ name: string; kind: string }>).filter((r) => !r.name.includes('/')).map((r) => r.kind) : res.status;
};

describe('/version', () => {
  it('reports the minor the sim was started as, and 1.32 by default', async () => {
    expect((await call(sims.v20, 'GET', '/version')).json).toMatchObject({ major: '1', minor: '20', gitVersion: 'v1.20.2', goVersion: 'go1.15.5' });
    expect((await call(sims.v21, 'GET', '/version')).json).toMatchObject({ major: '1', minor: '21', gitVersion: 'v1.21.0' });
    expect((await call(sims.v32, 'GET', '/version')).json).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.0' });
  });

  it('refuses a version outside 1.20 … 1.32', () => {
    expect(() => parseKubeVersion('1.19')).toThrow('kube-sim: unsupported Kubernetes version "1.19" (expected 1.20 … 1.32, e.g. 1.20 or 1.20.2)');
    expect(() => parseKubeVersion('2.0')).toThrow('unsupported Kubernetes version "2.0"');
  });
});

describe('API versions served', () => {
  it.each([
    ['policy', ['v1beta1'], ['v1', 'v1beta1'], ['v1']],
    ['autoscaling', ['v1', 'v2beta1', 'v2beta2'], ['v1', 'v2beta1', 'v2beta2'], ['v2', 'v1']],
    ['node.k8s.io', ['v1', 'v1beta1'], ['v1', 'v1beta1'], ['v1']],
    ['rbac.authorization.k8s.io', ['v1', 'v1beta1'], ['v1', 'v1beta1'], ['v1']],
    ['batch', ['v1', 'v1beta1'], ['v1', 'v1beta1'], ['v1']],
    ['discovery.k8s.io', ['v1beta1'], ['v1', 'v1beta1'], ['v1']],
    ['networking.k8s.io', ['v1', 'v1beta1'], ['v1', 'v1beta1'], ['v1']],
    ['events.k8s.io', ['v1', 'v1beta1'], ['v1', 'v1beta1'], ['v1']],
    ['flowcontrol.apiserver.k8s.io', ['v1beta1'], ['v1beta1'], ['v1']],
  ])('%s: 1.20 serves %j, 1.21 %j, 1.32 %j (preferred first)', async (group, v20, v21, v32) => {
    expect(await versionsOf(sims.v20, group)).toEqual(v20);
    expect(await versionsOf(sims.v21, group)).toEqual(v21);
    expect(await versionsOf(sims.v32, group)).toEqual(v32);
  });

  it('lists the group versions a real v1.20.2 lists', async () => {
    const groups = (await call(sims.v20, 'GET', '/apis')).json.groups as Array<{ versions: Array<{ groupVersion: string }> }>;
    const served = groups.flatMap((g) => g.versions.map((v) => v.groupVersion)).sort();
    // `kubectl api-versions` against the real v1.20.2 server, without v1.
    const real =
      'admissionregistration.k8s.io/v1 admissionregistration.k8s.io/v1beta1 apiextensions.k8s.io/v1 apiextensions.k8s.io/v1beta1 apiregistration.k8s.io/v1 apiregistration.k8s.io/v1beta1 apps/v1 authentication.k8s.io/v1 authentication.k8s.io/v1beta1 authorization.k8s.io/v1 authorization.k8s.io/v1beta1 autoscaling/v1 autoscaling/v2beta1 autoscaling/v2beta2 batch/v1 batch/v1beta1 certificates.k8s.io/v1 certificates.k8s.io/v1beta1 coordination.k8s.io/v1 coordination.k8s.io/v1beta1 discovery.k8s.io/v1beta1 events.k8s.io/v1 events.k8s.io/v1beta1 extensions/v1beta1 flowcontrol.apiserver.k8s.io/v1beta1 networking.k8s.io/v1 networking.k8s.io/v1beta1 node.k8s.io/v1 node.k8s.io/v1beta1 policy/v1beta1 rbac.authorization.k8s.io/v1 rbac.authorization.k8s.io/v1beta1 scheduling.k8s.io/v1 scheduling.k8s.io/v1beta1 storage.k8s.io/v1 storage.k8s.io/v1beta1';
    expect(served).toEqual(real.split(' '));
  });

  it('serves pods/ephemeralcontainers from 1.23 and Service deletecollection after 1.20, and never Namespace deletecollection', async () => {
    const core = async (sim: KubeSim) => (await call(sim, 'GET', '/api/v1')).json.resources as Array<{ name: string; verbs: string[] }>;
    const [old, current] = [await core(sims.v20), await core(sims.v32)];
    expect(old.map((r) => r.name)).not.toContain('pods/ephemeralcontainers');
    expect(current.map((r) => r.name)).toContain('pods/ephemeralcontainers');
    expect(old.find((r) => r.name === 'services')!.verbs).toEqual(['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']);
    expect(current.find((r) => r.name === 'services')!.verbs).toContain('deletecollection');
    expect(current.find((r) => r.name === 'namespaces')!.verbs).toEqual(['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']);
  });

  it('serves CronJob at batch/v1 from 1.21 only, and Ingress at extensions/v1beta1 until 1.21', async () => {
    expect(await kindsIn(sims.v20, 'batch/v1')).toEqual(['Job']);
    expect(await kindsIn(sims.v20, 'batch/v1beta1')).toEqual(['CronJob']);
    expect(await kindsIn(sims.v21, 'batch/v1')).toEqual(['Job', 'CronJob']);
    expect(await kindsIn(sims.v20, 'extensions/v1beta1')).toEqual(['Ingress']);
    expect(await kindsIn(sims.v32, 'extensions/v1beta1')).toBe(404);
    expect(await kindsIn(sims.v20, 'policy/v1beta1')).toEqual(['PodDisruptionBudget', 'PodSecurityPolicy']);
    expect(await kindsIn(sims.v20, 'storage.k8s.io/v1beta1')).toEqual(['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment']);
    expect(await kindsIn(sims.v21, 'storage.k8s.io/v1beta1')).toEqual(['CSIDriver', 'CSINode', 'CSIStorageCapacity', 'StorageClass', 'VolumeAttachment']);
  });

  const pdb = (apiVersion: string) => ({ apiVersion, kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } });

  it('answers a PodDisruptionBudget at policy/v1 on 1.20 with the NotFound a real 1.20 gives, and takes it at policy/v1beta1', async () => {
    const refused = await call(sims.v20, 'POST', '/apis/policy/v1/namespaces/default/poddisruptionbudgets', pdb('policy/v1'));
    expect(refused).toEqual({
      status: 404,
      json: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 },
    });
    expect((await call(sims.v20, 'POST', '/apis/policy/v1beta1/namespaces/default/poddisruptionbudgets', pdb('policy/v1beta1'))).status).toBe(201);
    expect((await call(sims.v32, 'POST', '/apis/policy/v1beta1/namespaces/default/poddisruptionbudgets', pdb('policy/v1beta1'))).status).toBe(404);
    expect((await call(sims.v32, 'POST', '/apis/policy/v1/namespaces/default/poddisruptionbudgets', pdb('policy/v1'))).status).toBe(201);
  });
});

describe('apiextensions.k8s.io/v1beta1 on 1.20', () => {
  it('serves the kind of a v1beta1 CRD, keeping unknown fields as preserveUnknownFields does', async () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1beta1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'gadgets.example.com' },
      spec: { group: 'example.com', scope: 'Namespaced', names: { plural: 'gadgets', kind: 'Gadget' }, version: 'v1alpha1' },
    };
    expect((await call(sims.v20, 'POST', '/apis/apiextensions.k8s.io/v1beta1/customresourcedefinitions', crd)).status).toBe(201);
    const path = '/apis/example.com/v1alpha1/namespaces/default/gadgets';
    const deadline = Date.now() + 5000;
    while ((await fetch(`${sims.v20.url}${path}`)).status !== 200) {
      if (Date.now() > deadline) throw new Error('the v1beta1 CRD was not served');
      await new Promise((r) => setTimeout(r, 50));
    }
    const created = await call(sims.v20, 'POST', path, { apiVersion: 'example.com/v1alpha1', kind: 'Gadget', metadata: { name: 'g' }, spec: { anything: 1 } });
    expect(created).toMatchObject({ status: 201, json: { spec: { anything: 1 } } });
  });
});

describe('namespace defaults', () => {
  it('labels namespaces kubernetes.io/metadata.name from 1.21 only', async () => {
    expect((await call(sims.v20, 'GET', '/api/v1/namespaces/default')).json.metadata.labels).toBeUndefined();
    expect((await call(sims.v21, 'GET', '/api/v1/namespaces/default')).json.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'default' });
  });
});

describe('server-side apply of ports without a protocol', () => {
  const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } };
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] } };
  const apply = (sim: KubeSim, path: string, obj: object) => call(sim, 'PATCH', `${path}?fieldManager=deployer`, obj, 'application/apply-patch+yaml');

  it('is refused for a Service by 1.20 with the message a real 1.20 gives, while a Pod\'s containerPort is keyed as TCP', async () => {
    expect(await apply(sims.v20, '/api/v1/namespaces/default/services/web', service)).toEqual({
      status: 500,
      json: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'failed to create typed patch object: .spec.ports: element 0: associative list with keys has an element that omits key field "protocol" (and doesn\'t have default value)',
        code: 500,
      },
    });
    const applied = await apply(sims.v20, '/api/v1/namespaces/default/pods/web', pod);
    expect(applied.json.metadata.managedFields[0].fieldsV1['f:spec']['f:containers']['k:{"name":"web"}']['f:ports']).toEqual({ 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } });
  });

  it('is keyed as TCP from 1.21', async () => {
    const applied = await apply(sims.v21, '/api/v1/namespaces/default/services/web', service);
    expect(applied.json.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }]);
    expect((await apply(sims.v32, '/api/v1/namespaces/default/pods/web', pod)).json.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
  });
});
