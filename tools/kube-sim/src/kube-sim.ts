import { createServer as createHttpServer, Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { AddressInfo, Socket } from 'node:net';
import { builtinAdmission } from './admission/builtin-admission';
import { createClusterAuth } from './auth/cluster-auth';
import { ManagedFieldsTracking } from './cluster/managed-fields.tracking';
import { SimulatedCluster } from './cluster/simulated-cluster';
import { componentStatusObjects } from './cluster/component-statuses';
import { podBindingCreates } from './cluster/pod-binding';
import { WorkloadTiming } from './controllers/controller-runtime';
import { nodeObjects, workloadReconcilers } from './controllers/workloads';
import { FaultSettings, Faults, NO_FAULTS } from './faults/faults';
import { ApiServer } from './http/api.server';
import { OpenApiEndpoints } from './http/openapi.endpoints';
import { ResourceHandler } from './http/resource.handler';
import { WatchSettings, WatchStreamer } from './http/watch.handler';
import { ClusterAccess, renderKubeconfig } from './kubeconfig';
import { ClusterSchemas } from './cluster/cluster-schemas';
import { parseKubeVersion } from './registry/kube-versions';
import { withoutListKeyDefaults } from './schema/list-key-defaults';
import { StorePersistence } from './store/persistence';

export interface KubeSimOptions {
  /** The cluster's name: kubeconfig cluster, user and context are named after it. */
  name: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** HTTPS with a generated CA (default) or plain HTTP. */
  tls?: boolean;
  /** Require credentials and enforce RBAC (default); `false` treats every caller as cluster-admin. */
  auth?: boolean;
  /** Keep state in this file across restarts; memory only when absent. */
  persistPath?: string;
  timing?: Partial<WorkloadTiming>;
  watch?: Partial<WatchSettings>;
  /** Receives controller errors (they are retried); silent by default. */
  log?: (message: string) => void;
  /** The Kubernetes minor to behave as, `1.20` … `1.32` (or a patch release, `1.20.2`); default 1.32. */
  kubeVersion?: string;
}

export interface KubeSim {
  readonly name: string;
  readonly url: string;
  /** Base64 PEM of the CA that signed the server certificate (empty for plain HTTP). */
  readonly caData: string;
  /** A bearer token for `kube-sim:admin` (group system:masters). */
  readonly adminToken: string;
  /** The in-process API machinery, for tests that seed or inspect state directly. */
  readonly cluster: SimulatedCluster;
  readonly faults: Faults;
  /** A kubeconfig with one context named after the cluster (admin token, or a client certificate). */
  kubeconfig(opts?: { user?: 'token' | 'client-certificate'; insecure?: boolean }): string;
  access(opts?: { user?: 'token' | 'client-certificate'; insecure?: boolean }): ClusterAccess;
  /** Issues a client certificate signed by the cluster CA: CN is the user, O the groups. */
  issueClientCertificate(user: string, groups?: string[]): Promise<{ certPem: string; keyPem: string }>;
  stop(): Promise<void>;
}

/** Starts one simulated Kubernetes API server. Many can run in one process. */
export async function startKubeSim(options: KubeSimOptions): Promise<KubeSim> {
  const tls = options.tls ?? true;
  const host = options.host ?? '127.0.0.1';
  const kubeVersion = parseKubeVersion(options.kubeVersion);
  const schemas = new ClusterSchemas();
  const auth = await createClusterAuth({ enforce: options.auth ?? true, hosts: [host] });
  const cluster = new SimulatedCluster({
    name: options.name,
    admission: builtinAdmission(),
    fields: new ManagedFieldsTracking(withoutListKeyDefaults(schemas, kubeVersion.listKeysWithoutDefault), undefined, kubeVersion.applyErrorsNameObject),
    schemas,
    crdSchemas: schemas,
    caPem: auth.caPem,
    timing: options.timing,
    reconcilers: [...workloadReconcilers(), ...auth.reconcilers],
    log: options.log,
    kubeVersion,
  });
  auth.attach(cluster);
  const persistence = options.persistPath ? new StorePersistence(cluster.store, options.persistPath) : undefined;
  persistence?.open();
  cluster.start([...auth.bootstrapObjects(), ...nodeObjects(cluster.ctx.timing.nodes), ...componentStatusObjects()]);

  const watches = new WatchStreamer(cluster.store, { bookmarkIntervalMs: 5000, maxTimeoutSeconds: 1800, ...options.watch }, cluster.registry);
  let faults: FaultSettings = { ...NO_FAULTS };
  let address = '';
  const apiServer = new ApiServer({
    registry: cluster.registry,
    resources: new ResourceHandler({
      registry: cluster.registry,
      api: cluster.api,
      virtualCreates: { ...auth.virtualCreates, ...podBindingCreates(() => cluster.api, cluster.registry) },
      watches,
      now: () => new Date(),
      kubeVersion,
      crdFor: (t) => cluster.crds.crdFor(t),
    }),
    openapi: new OpenApiEndpoints(schemas, cluster.registry),
    authenticator: auth.authenticator,
    authorizer: auth.authorizer,
    forbiddenMessage: (user, attrs) => auth.forbiddenMessage(user, attrs),
    faults: () => faults,
    serverAddress: () => address,
  });

  const server: Server = tls
    ? createHttpsServer({ key: auth.serverKeyPem, cert: auth.serverCertPem, ca: auth.caPem, requestCert: true, rejectUnauthorized: false }, apiServer.listener)
    : createHttpServer(apiServer.listener);
  const sockets = new Set<Socket>();
  server.on(tls ? 'secureConnection' : 'connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.keepAliveTimeout = 65_000;
  const port = await listen(server, options.port ?? 0, host);
  address = `${host}:${port}`;
  const url = `${tls ? 'https' : 'http'}://${host}:${port}`;

  const dropConnections = (): void => {
    watches.closeAll();
    for (const s of sockets) s.destroy();
  };
  const faultsHandle: Faults = {
    get current() {
      return faults;
    },
    async set(change) {
      const wasRefusing = faults.refuseConnections;
      faults = { ...faults, ...change };
      if (faults.refuseConnections && !wasRefusing) {
        dropConnections();
        await new Promise<void>((r) => server.close(() => r()));
      } else if (!faults.refuseConnections && wasRefusing) {
        await listen(server, port, host);
      }
      if (faults.hang) dropConnections();
    },
    revokeToken: (token) => auth.revokeToken(token),
    async clear() {
      await this.set({ ...NO_FAULTS });
    },
  };

  const access = (opts: { user?: 'token' | 'client-certificate'; insecure?: boolean } = {}): ClusterAccess => {
    const base = { name: options.name, url, caData: tls ? auth.caData : undefined, insecure: tls && opts.insecure };
    if (opts.user !== 'client-certificate') return { ...base, token: auth.adminToken };
    const cert = auth.adminClientCertificate;
    return { ...base, clientCertificateData: Buffer.from(cert.certPem).toString('base64'), clientKeyData: Buffer.from(cert.keyPem).toString('base64') };
  };

  let stopped = false;
  return {
    name: options.name,
    url,
    caData: tls ? auth.caData : '',
    adminToken: auth.adminToken,
    cluster,
    faults: faultsHandle,
    kubeconfig: (opts) => renderKubeconfig([access(opts)]),
    access,
    issueClientCertificate: (user, groups = []) => auth.issueClientCertificate(user, groups),
    async stop() {
      if (stopped) return;
      stopped = true;
      cluster.stop();
      dropConnections();
      if (server.listening) await new Promise<void>((r) => server.close(() => r()));
      await persistence?.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
