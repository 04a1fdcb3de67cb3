import { ManagedFieldsTracking } from '../cluster/managed-fields.tracking';
import { SimulatedCluster } from '../cluster/simulated-cluster';
import { KubeObject } from '../store/kube-object';
import { RequestAttributes } from './auth';
import { ClusterAuth, createClusterAuth } from './cluster-auth';

/** A SimulatedCluster wired to a fresh ClusterAuth, with a clock the spec can move. */
export interface AuthCluster {
  auth: ClusterAuth;
  cluster: SimulatedCluster;
  /** Moves the cluster clock forward. */
  advance(seconds: number): void;
  create(group: string, plural: string, namespace: string, obj: KubeObject): KubeObject;
  stop(): void;
}

export async function startAuthCluster(enforce = true, hosts: string[] = []): Promise<AuthCluster> {
  const auth = await createClusterAuth({ enforce, hosts });
  let offsetMs = 0;
  const cluster = new SimulatedCluster({
    name: 'auth-spec',
    admission: {},
    fields: new ManagedFieldsTracking({ forKind: () => undefined }),
    schemas: { forKind: () => undefined },
    crdSchemas: { register() {}, unregister() {} },
    caPem: auth.caPem,
    reconcilers: auth.reconcilers,
    now: () => new Date(Date.now() + offsetMs),
  });
  auth.attach(cluster);
  cluster.start(auth.bootstrapObjects());
  return {
    auth,
    cluster,
    advance: (seconds) => (offsetMs += seconds * 1000),
    create: (group, plural, namespace, obj) => cluster.api.create(cluster.resource(group, plural), namespace, obj),
    stop: () => cluster.stop(),
  };
}

export const resourceAttrs = (verb: string, apiGroup: string, resource: string, namespace = '', subresource = '', name = ''): RequestAttributes => ({
  verb,
  resourceRequest: true,
  apiGroup,
  apiVersion: 'v1',
  resource,
  subresource,
  namespace,
  name,
  path: '',
});

export const pathAttrs = (verb: string, path: string): RequestAttributes => ({ verb, resourceRequest: false, apiGroup: '', apiVersion: '', resource: '', subresource: '', namespace: '', name: '', path });

export const namespace = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
export const serviceAccount = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } });

/** `kubectl create token <sa> -n <ns>` without the HTTP hop; returns the TokenRequest response. */
export async function requestToken(ac: AuthCluster, ns: string, sa: string, spec: Record<string, unknown> = {}): Promise<KubeObject> {
  const { cluster, auth } = ac;
  return auth.virtualCreates['/serviceaccounts/token']({
    t: cluster.resource('', 'serviceaccounts'),
    namespace: ns,
    name: sa,
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: {}, spec },
    user: { username: 'kube-sim:admin', groups: ['system:masters'] },
  });
}

export const tokenOf = (tr: KubeObject): string => (tr.status as { token: string }).token;

/** Decodes a JWT's claims without checking it, as Argo CD's ParseServiceAccountToken does. */
export const jwtClaims = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

export async function eventually<T>(probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not reached within 2s');
}
