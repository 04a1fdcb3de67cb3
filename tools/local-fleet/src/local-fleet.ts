import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { APP_CACHE_PREFIX, type Application, type KubeObject } from '@flotilla/api-types';
import { buildDist, buildUi, serviceEntry } from '@flotilla/build';
import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { renderKubeconfig, serveFaultControl, startKubeSim, type ClusterAccess, type KubeSim } from '@flotilla/kube-sim';
import { isAlreadyExists, kubeClientFromKubeconfig, type KubeClient } from '@flotilla/platform';
import { stringify } from 'yaml';
import { ExampleRepo, guestbookFiles } from './example.repo';
import { missingToolWarnings } from './k8s-tools';
import { ensureRedis } from './redis.process';
import { Redis } from 'ioredis';
import { REPO_ROOT, ServiceName, ServiceProcess } from './service-process';

const run = promisify(execFile);

export const NAMESPACE = 'argocd';
export const DEFAULT_SPOKES = ['dev', 'staging', 'prod'];

export interface LocalFleetOptions {
  /** Folder for state: logs, the kubeconfig, git repositories, clones. */
  dir: string;
  /** api-server's gRPC+REST port; 0 picks a free one. */
  apiPort?: number;
  redisPort?: number;
  /** Redis key prefix of the queues (distinct per fleet, so several can share one Redis). */
  queuePrefix?: string;
  spokes?: string[];
  /** Clusters that already run (the real one of ../shared/realcluster), registered as spokes after the simulated ones. */
  externalSpokes?: ClusterAccess[];
  /** The guestbook's image, for a cluster that cannot pull Argo's example image. */
  guestbookImage?: string;
  /** The CLI's config file, where `flotilla login` keeps the session. */
  cliConfig: string;
  /** How often the app-controller re-reads git for every app (Argo's timeout.reconciliation). */
  resyncSeconds?: number;
  /** When set, argocd-notifications-cm gets a `webhook.fleet` service posting here. */
  webhookUrl?: string;
  /** Which services to run (default: all five). */
  only?: ServiceName[];
  /** Progress lines. */
  log?: (line: string) => void;
  /** Restart a service that exits on its own, with backoff, saying so through `log` (npm start). */
  supervise?: boolean;
  /** Run the services' compiled JavaScript from dist/, building what changed first (npm start); TypeScript through SWC otherwise. */
  compiled?: boolean;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface LocalFleet {
  hub: KubeSim;
  /** The simulated spokes (faults, state). */
  spokes: Map<string, KubeSim>;
  /** How to reach every spoke, simulated or external, by name. */
  spokeAccess: Map<string, ClusterAccess>;
  /** The hub's API as the services see it. */
  hubClient: KubeClient;
  repo: ExampleRepo;
  /** URL of the example repository over HTTP. */
  repoUrl: string;
  apiAddress: string;
  /** The initial admin password (argocd-initial-admin-secret), for the UI's login. */
  adminPassword: string;
  kubeconfigPath: string;
  services: Map<ServiceName, ServiceProcess>;
  /** Environment under which `flotilla` uses this fleet's login and kubeconfig. */
  cliEnv: Record<string, string>;
  cli(...args: string[]): Promise<CliResult>;
  /** Registers a spoke with `flotilla cluster add`, labelled env=<name>. */
  addSpoke(name: string): Promise<void>;
  /** Creates the guestbook ApplicationSet with `flotilla appset create`. */
  applyApplicationSet(): Promise<void>;
  applications(): Promise<Application[]>;
  stop(): Promise<void>;
}

/** Starts everything Flotilla needs on this machine, then Flotilla itself, and registers the spokes. */
export async function startLocalFleet(opts: LocalFleetOptions): Promise<LocalFleet> {
  const log = opts.log ?? (() => undefined);
  const spokeNames = opts.spokes ?? DEFAULT_SPOKES;
  const logs = join(opts.dir, 'logs');
  mkdirSync(logs, { recursive: true });
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async (): Promise<void> => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => undefined);
  };

  for (const warning of missingToolWarnings()) log(warning);
  // Built while Redis, git and the clusters start; an up-to-date dist/ takes a fraction of a second.
  // The web UI is bundled too: the api-server serves it from dist/ui.
  const built = opts.compiled ? buildDist({ root: REPO_ROOT }).then(async (r) => ({ ...r, ui: await buildUi({ root: REPO_ROOT }) })) : undefined;
  built?.catch(() => undefined);
  try {
    const redisPort = opts.redisPort ?? 6379;
    const redis = await ensureRedis(redisPort);
    cleanups.push(() => redis.stop());
    log(redis.started ? `redis: started redis-server on 127.0.0.1:${redisPort}` : `redis: using the one on 127.0.0.1:${redisPort}`);
    // The app cache keys carry the namespace, not the queue prefix: an earlier fleet's trees and diffs of
    // the same apps would be read as this one's until its controller writes them again.
    await dropAppCache(redisPort);
    cleanups.push(() => dropAppCache(redisPort));

    const gitRoot = join(opts.dir, 'git');
    const repo = await ExampleRepo.create(gitRoot, 'guestbook', guestbookFiles(opts.guestbookImage));
    const git: GitHttpServer = await startGitHttpServer({ root: join(gitRoot, 'served') });
    cleanups.push(() => git.stop());
    const repoUrl = `${git.url}/guestbook.git`;
    log(`git: ${repoUrl} serves the example app (working copy ${repo.workDir})`);

    const timing = { podStartMs: 500, jobRunMs: 1000, nodes: 1 };
    const sims = await Promise.all(['hub', ...spokeNames].map((name) => startKubeSim({ name, timing })));
    cleanups.push(() => Promise.all(sims.map((s) => s.stop())).then(() => undefined));
    const [hub, ...spokeSims] = sims;
    const spokes = new Map(spokeNames.map((n, i) => [n, spokeSims[i]]));
    const kubeconfigPath = join(opts.dir, 'kubeconfig');
    const external = opts.externalSpokes ?? [];
    writeFileSync(kubeconfigPath, renderKubeconfig([...sims.map((s) => s.access()), ...external]), { mode: 0o600 });
    const spokeAccess = new Map([...spokeSims.map((s) => s.access()), ...external].map((a) => [a.name, a]));
    const control = await serveFaultControl(sims, kubeconfigPath);
    cleanups.push(() => control.close());
    log(`kube-sim: ${sims.map((s) => `${s.name} ${s.url}`).join(', ')} (kubeconfig ${kubeconfigPath})`);
    for (const e of external) log(`cluster: ${e.name} is ${e.url}`);

    const hubClient = kubeClientFromKubeconfig(kubeconfigPath, 'hub');
    cleanups.push(() => Promise.resolve(hubClient.close()));
    await prepareHub(hubClient, opts.webhookUrl);

    const ports = await freePorts(9);
    const apiPort = opts.apiPort || ports[0];
    const common = {
      FLOTILLA_KUBECONFIG: kubeconfigPath,
      FLOTILLA_KUBE_CONTEXT: 'hub',
      FLOTILLA_NAMESPACE: NAMESPACE,
      FLOTILLA_REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      FLOTILLA_QUEUE_PREFIX: opts.queuePrefix ?? 'flotilla',
      FLOTILLA_LOG_LEVEL: 'info',
    };
    const repoServerAddress = `127.0.0.1:${ports[1]}`;
    const env: Record<ServiceName, Record<string, string>> = {
      'repo-server': {
        ...common,
        FLOTILLA_REPO_SERVER_PORT: String(ports[1]),
        FLOTILLA_REPO_SERVER_OPS_PORT: String(ports[2]),
        FLOTILLA_REPO_CACHE_DIR: join(opts.dir, 'repo-server'),
        FLOTILLA_REVISION_CACHE_SECONDS: '5',
      },
      'api-server': {
        ...common,
        FLOTILLA_API_PORT: String(apiPort),
        FLOTILLA_OPS_PORT: String(ports[3]),
        FLOTILLA_REPO_SERVER: repoServerAddress,
      },
      'app-controller': {
        ...common,
        FLOTILLA_REPO_SERVER: repoServerAddress,
        FLOTILLA_OPS_PORT: String(ports[4]),
        FLOTILLA_APP_RESYNC_SECONDS: String(opts.resyncSeconds ?? 180),
      },
      'appset-controller': {
        ...common,
        FLOTILLA_OPS_PORT: String(ports[5]),
        FLOTILLA_REPO_SERVER: repoServerAddress,
        FLOTILLA_APPSET_LEASE_SECONDS: '5',
      },
      notifier: { ...common, FLOTILLA_OPS_PORT: String(ports[6]) },
    };
    const opsPorts: Record<ServiceName, number> = {
      'repo-server': ports[2],
      'api-server': ports[3],
      'app-controller': ports[4],
      'appset-controller': ports[5],
      notifier: ports[6],
    };
    const build = await built;
    if (build) log(`build: ${build.compiled + build.copied ? `${build.compiled + build.copied} files built` : 'up to date'} in ${build.outDir} (${(build.ms / 1000).toFixed(1)}s)`);
    if (build) log(`build: web UI ${build.ui.built ? 'bundled' : 'up to date'} in ${build.ui.outDir} (${(build.ui.ms / 1000).toFixed(1)}s)`);
    const services = new Map<ServiceName, ServiceProcess>();
    for (const name of (Object.keys(env) as ServiceName[]).filter((n) => !opts.only || opts.only.includes(n))) {
      const supervise = opts.supervise ? { supervise: { log } } : {};
      const entry = build ? { entry: serviceEntry(build.outDir, name) } : {};
      services.set(name, new ServiceProcess({ name, env: env[name], opsPort: opsPorts[name], logFile: join(logs, `${name}.log`), ...supervise, ...entry }));
    }
    cleanups.push(async () => {
      await Promise.all([...services.values()].map((s) => s.stop()));
      for (const s of services.values()) s.closeLog();
    });
    // repo-server and api-server first: the others need renders, and the CRDs the api-server installs.
    const first: ServiceName[] = ['repo-server', 'api-server'];
    await Promise.all([...services.values()].filter((s) => first.includes(s.name)).map((s) => s.start()));
    await Promise.all([...services.values()].filter((s) => !first.includes(s.name)).map((s) => s.start()));
    log(`services: ${[...services.values()].map((s) => `${s.name} (pid ${s.pid})`).join(', ')}; logs in ${logs}`);

    const apiAddress = `127.0.0.1:${apiPort}`;
    const cliEnv = { FLOTILLA_CONFIG: opts.cliConfig, KUBECONFIG: kubeconfigPath };
    const cli = (...args: string[]): Promise<CliResult> => runCli(args, cliEnv);
    const must = async (...args: string[]): Promise<CliResult> => {
      const res = await cli(...args);
      if (res.code !== 0) throw new Error(`flotilla ${args.join(' ')} failed (${res.code}): ${res.stderr.trim() || res.stdout.trim()}`);
      return res;
    };

    const password = await adminPassword(hubClient);
    await must('login', apiAddress, '--plaintext', '--username', 'admin', '--password', password);
    log(`cli: logged in to ${apiAddress} as admin (config ${opts.cliConfig})`);

    const fleet: LocalFleet = {
      hub,
      spokes,
      spokeAccess,
      hubClient,
      repo,
      repoUrl,
      apiAddress,
      adminPassword: password,
      kubeconfigPath,
      services,
      cliEnv,
      cli,
      addSpoke: async (name) => {
        await must('cluster', 'add', name, '--name', name, '--label', `env=${name}`, '--yes');
        log(`cluster: ${name} registered (label env=${name})`);
      },
      applyApplicationSet: async () => {
        const file = join(opts.dir, 'guestbook-appset.yaml');
        writeFileSync(file, guestbookApplicationSet(repoUrl, !!opts.webhookUrl));
        await must('appset', 'create', file, '--upsert');
        log(`appset: guestbook created from ${file}`);
      },
      applications: async () => (await hubClient.list<Application>('argoproj.io/v1alpha1', 'Application', { namespace: NAMESPACE })).items,
      stop: cleanup,
    };
    for (const name of [...spokeNames, ...external.map((e) => e.name)]) await fleet.addSpoke(name);
    return fleet;
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** The ApplicationSet the demo applies: one guestbook per cluster that has an `env` label. */
export function guestbookApplicationSet(repoUrl: string, notify: boolean): string {
  return stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'guestbook', namespace: NAMESPACE },
    spec: {
      generators: [{ clusters: { selector: { matchExpressions: [{ key: 'env', operator: 'Exists' }] } } }],
      template: {
        metadata: {
          name: 'guestbook-{{name}}',
          labels: { env: '{{metadata.labels.env}}' },
          ...(notify ? { annotations: { 'notifications.argoproj.io/subscribe.on-sync-succeeded.fleet': '' } } : {}),
        },
        spec: {
          project: 'default',
          source: { repoURL: repoUrl, path: 'guestbook', targetRevision: 'main' },
          destination: { server: '{{server}}', namespace: 'guestbook' },
          syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
        },
      },
    },
  });
}

async function prepareHub(hub: KubeClient, webhookUrl: string | undefined): Promise<void> {
  const create = async (obj: KubeObject): Promise<void> => {
    try {
      await hub.create(obj);
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  };
  // The api-server installs the CRDs and the default AppProject when it starts, as a fresh hub needs.
  await create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
  if (webhookUrl) {
    await create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-notifications-cm', namespace: NAMESPACE },
      data: {
        'service.webhook.fleet': stringify({ url: webhookUrl, headers: [{ name: 'Content-Type', value: 'application/json' }] }),
        'template.app-sync-succeeded': stringify({
          webhook: {
            fleet: {
              method: 'POST',
              body: '{"app": "{{.app.metadata.name}}", "revision": "{{.app.status.operationState.syncResult.revision}}", "phase": "{{.app.status.operationState.phase}}", "startedAt": "{{.app.status.operationState.startedAt}}"}',
            },
          },
        }),
        'trigger.on-sync-succeeded': stringify([
          { when: "app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']", send: ['app-sync-succeeded'] },
        ]),
      },
    });
  }
}

async function adminPassword(hub: KubeClient): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const secret = await hub
      .get<KubeObject & { data?: Record<string, string> }>({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'argocd-initial-admin-secret', namespace: NAMESPACE },
      })
      .catch(() => undefined);
    if (secret?.data?.password) return Buffer.from(secret.data.password, 'base64').toString('utf8');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the api-server did not write argocd-initial-admin-secret');
}

/** Runs the real `flotilla` binary. */
export async function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(REPO_ROOT, 'cli', 'bin', 'flotilla.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<import('node:net').Server>((resolve, reject) => {
          const s = createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as import('node:net').AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

async function dropAppCache(port: number): Promise<void> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const keys = await client.keys(`${APP_CACHE_PREFIX}${NAMESPACE}/*`);
    if (keys.length) await client.del(...keys);
  } finally {
    client.disconnect();
  }
}
