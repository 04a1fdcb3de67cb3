import * as grpc from '@grpc/grpc-js';
import { flotillaCrds } from '@flotilla/api-types';
import { contracts } from '@flotilla/contracts';
import type {
  AccountServiceClient,
  ApplicationServiceClient,
  ApplicationSetServiceClient,
  ClusterServiceClient,
  ProjectServiceClient,
  RepositoryServiceClient,
  SessionServiceClient,
  SettingsServiceClient,
  VersionServiceClient,
} from '@flotilla/contracts';
import { createGrpcClient } from '@flotilla/platform';
import { KubeSim, startKubeSim } from '@flotilla/kube-sim';
import { Redis } from 'ioredis';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
const MAIN = join(__dirname, '..', 'main.ts');

/**
 * Calls a unary method of a generated client. (The platform's `unary` cannot infer method names
 * from generated clients, whose last overload takes only a callback.)
 */
export function call(
  client: grpc.Client,
  method: string,
  request: unknown,
  opts: { metadata?: Record<string, string> } = {},
): Promise<any> {
  const metadata = new grpc.Metadata();
  for (const [k, v] of Object.entries(opts.metadata ?? {})) metadata.set(k, v);
  const fn = (client as unknown as Record<string, (...args: unknown[]) => unknown>)[method];
  return new Promise((resolve, reject) => {
    fn.call(client, request, metadata, { deadline: Date.now() + 30_000 }, (err: grpc.ServiceError | null, res: unknown) =>
      err ? reject(err) : resolve(res),
    );
  });
}

/** A port the OS says is free now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Minimal REST access to a kube-sim cluster as its admin. */
export function kubeApi(sim: KubeSim) {
  return async (method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${sim.adminToken}`, 'content-type': contentType },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

export type JsonResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface ApiServerHarness {
  hub: KubeSim;
  namespace: string;
  port: number;
  address: string;
  base: string;
  kube: ReturnType<typeof kubeApi>;
  logs: () => string;
  clients: ReturnType<typeof grpcClients>;
  /** The session token `rest` and `md` use unless told otherwise. */
  token: string;
  /** The generated admin password, from argocd-initial-admin-secret. */
  initialPassword(): Promise<string>;
  /** Logs in over gRPC, remembers and returns the token. */
  login(username?: string, password?: string): Promise<string>;
  /** gRPC call options carrying a bearer token (the remembered one by default). */
  md(token?: string): { metadata: Record<string, string> };
  /** A REST call to the api-server; `token: null` sends no credentials. */
  rest(path: string, init?: RequestInit & { token?: string | null }): Promise<JsonResponse>;
  /**
   * A REST call sent from another loopback address (127.0.0.2, …): a different client as far as
   * the api-server's transport can tell. No credentials unless headers carry them.
   */
  restFrom(
    localAddress: string,
    path: string,
    init?: { method?: string; body?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any }>;
  /** A path under the api-server namespace's argoproj.io resources on the hub. */
  nsPath(path: string): string;
  stop(): Promise<void>;
}

export const decodeBase64 = (v: string): string => Buffer.from(v, 'base64').toString('utf8');

/** An Application manifest destined for the hub, from a repository no one needs to reach. */
export const appManifest = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, labels: { team: 'web' } },
  spec: {
    project: 'default',
    source: { repoURL: 'https://example.com/repo.git', path: 'guestbook', targetRevision: 'main' },
    destination: { server: 'https://kubernetes.default.svc', namespace: 'web' },
    ...spec,
  },
});

export function grpcClients(address: string) {
  const c = contracts();
  const make = <T extends grpc.Client>(Ctor: unknown): T =>
    createGrpcClient(Ctor as new (a: string, cr: grpc.ChannelCredentials, o?: grpc.ClientOptions) => T, address);
  return {
    session: make<SessionServiceClient>(c.session.SessionService),
    applications: make<ApplicationServiceClient>(c.application.ApplicationService),
    appsets: make<ApplicationSetServiceClient>(c.applicationset.ApplicationSetService),
    clusters: make<ClusterServiceClient>(c.cluster.ClusterService),
    settings: make<SettingsServiceClient>(c.cluster.SettingsService),
    repositories: make<RepositoryServiceClient>(c.repository.RepositoryService),
    projects: make<ProjectServiceClient>(c.project.ProjectService),
    accounts: make<AccountServiceClient>(c.account.AccountService),
    version: make<VersionServiceClient>(c.version.VersionService),
  };
}

/**
 * A kube-sim hub with the Argo CRDs and a fresh namespace, and the real api-server process
 * (main.ts) on free ports against it and the shared Redis.
 */
export async function startApiServer(env: Record<string, string> = {}): Promise<ApiServerHarness> {
  const hub = await startKubeSim({ name: 'hub', tls: false });
  const kube = kubeApi(hub);
  for (const crd of flotillaCrds()) {
    const res = await kube('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
    if (res.status >= 300) throw new Error(`installing ${crd.metadata.name}: ${JSON.stringify(res.body)}`);
  }
  const namespace = `argocd-${randomBytes(4).toString('hex')}`;
  await kube('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  const dir = mkdtempSync(join(tmpdir(), 'api-server-spec-'));
  writeFileSync(join(dir, 'kubeconfig'), hub.kubeconfig());
  const [port, opsPort] = [await freePort(), await freePort()];
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? join(ROOT, 'tsconfig.base.json'),
      FLOTILLA_KUBECONFIG: join(dir, 'kubeconfig'),
      FLOTILLA_NAMESPACE: namespace,
      FLOTILLA_API_PORT: String(port),
      FLOTILLA_OPS_PORT: String(opsPort),
      FLOTILLA_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const address = `127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(`http://127.0.0.1:${opsPort}/readyz`, `http://127.0.0.1:${port}/api/version`, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  const base = `http://${address}`;
  const clients = grpcClients(address);
  const harness: ApiServerHarness = {
    hub,
    namespace,
    port,
    address,
    base,
    kube,
    logs: () => output,
    clients,
    token: '',
    async initialPassword() {
      const secret = await kube('GET', `/api/v1/namespaces/${namespace}/secrets/argocd-initial-admin-secret`);
      return decodeBase64(secret.body.data.password);
    },
    async login(username = 'admin', password?: string) {
      harness.token = (await call(clients.session, 'Create', { username, password: password ?? (await harness.initialPassword()) })).token;
      return harness.token;
    },
    md: (token = harness.token) => ({ metadata: { authorization: `Bearer ${token}` } }),
    async rest(path, init = {}) {
      const token = init.token === undefined ? harness.token : init.token;
      return fetch(`${base}${path}`, {
        ...init,
        headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...(init.headers as Record<string, string>) },
      });
    },
    restFrom: (localAddress, path, init = {}) =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, localAddress, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
        });
        req.on('error', reject);
        req.end(init.body);
      }),
    nsPath: (path) => `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/${path}`,
    async stop() {
      for (const client of Object.values(clients)) client.close();
      const redis = new Redis('redis://127.0.0.1:6379');
      // Login failures and revoked tokens live under the namespace; leave nothing behind.
      const keys = await redis.keys(`flotilla:session:${namespace}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      await stop();
    },
  };
  return harness;
}

async function waitReady(url: string, apiUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`api-server exited with ${child.exitCode}:\n${output()}`);
    const ready = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    // /readyz answers before the gRPC+REST port opens; wait for that too.
    if (
      ready &&
      (await fetch(apiUrl).then(
        (r) => r.ok,
        () => false,
      ))
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`api-server did not become ready:\n${output()}`);
}
