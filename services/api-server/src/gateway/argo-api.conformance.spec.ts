// Flotilla's REST API held against Argo CD's published definition (assets/swagger.json, reduced by
// tools/scripts/argo-api-facts.ts to argo-api.facts.json): the same routes and query parameters,
// and answers whose every field is one Argo's definition has, with the same JSON type.
import * as grpc from '@grpc/grpc-js';
import { appManagedResourcesKey, appTreeKey } from '@flotilla/api-types';
import { contractsDefinition } from '@flotilla/contracts';
import { GitRepo, RepoServerProcess, startGitRepo, startRepoServer, startTestCluster, TestCluster } from '@flotilla/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServerHarness, call, startApiServer } from '../testing/api-server.harness';
import facts from '../testing/argo-api.facts.json';
import { JSON_OBJECT, messageSchemas } from './message-schema';
import { RestRoute, RestRouteTable } from './rest-route.table';

jest.setTimeout(60_000);

interface RouteFacts {
  operationId: string;
  path: string[];
  query: string[];
  response: string | Record<string, string>;
}
const ROUTES = facts.routes as Record<string, RouteFacts>;
const DEFINITIONS = facts.definitions as Record<string, Record<string, string>>;

/** Routes Flotilla serves that Argo CD does not; none today. Each entry says why it exists. */
const FLOTILLA_ONLY: Record<string, string> = {};

/** Query parameters Flotilla reads beyond Argo's definition of the route, and why. */
const BEYOND_ARGO_QUERY: Record<string, { params: string[]; why: string }> = {
  'GET /api/v1/applications': { params: ['continue', 'limit'], why: 'paging a large fleet, as the Kubernetes list API pages' },
  'GET /api/v1/applications/{}': { params: ['continue', 'limit'], why: 'Get shares ApplicationQuery with List, which pages' },
  'GET /api/v1/stream/applications': { params: ['continue', 'limit'], why: 'Watch shares ApplicationQuery with List, which pages' },
  'POST /api/v1/clusters/{}/rotate-auth': {
    params: ['id.type', 'name', 'server'],
    why: "Argo's ClusterQuery has them too; its swagger lists no query parameters for a POST without a body",
  },
};

/** Argo CD routes Flotilla does not serve (yet). A route that starts or stops being served shows here. */
const EXPECTED_MISSING: Record<string, string> = {
  'DELETE /api/v1/certificates': 'the TLS and SSH known-hosts certificate service is not served',
  'GET /api/v1/certificates': 'the certificate service is not served',
  'POST /api/v1/certificates': 'the certificate service is not served',
  'DELETE /api/v1/projects/{}/roles/{}/token/{}': 'project role tokens are not served',
  'POST /api/v1/projects/{}/roles/{}/token': 'project role tokens are not served',
  'PUT /api/v1/projects/{}': 'ProjectService has Create, List, Get and Delete only: no Update',
  'GET /api/v1/projects/{}/detailed': 'the detailed project view is not served',
  'GET /api/v1/projects/{}/events': 'project events are not served',
  'GET /api/v1/projects/{}/globalprojects': 'global projects are not served',
  'GET /api/v1/projects/{}/links': 'project deep links are not served',
  'GET /api/v1/projects/{}/syncwindows': "not served; the windows are in the project's spec, which GET /api/v1/projects/{name} answers",
  'DELETE /api/v1/write-repocreds/{}': 'write credentials (source hydrator) are not served',
  'GET /api/v1/write-repocreds': 'write credentials (source hydrator) are not served',
  'POST /api/v1/write-repocreds': 'write credentials (source hydrator) are not served',
  'PUT /api/v1/write-repocreds/{}': 'write credentials (source hydrator) are not served',
  'DELETE /api/v1/write-repositories/{}': 'write repositories (source hydrator) are not served',
  'GET /api/v1/write-repositories': 'write repositories (source hydrator) are not served',
  'GET /api/v1/write-repositories/{}': 'write repositories (source hydrator) are not served',
  'POST /api/v1/write-repositories': 'write repositories (source hydrator) are not served',
  'POST /api/v1/write-repositories/{}/validate': 'write repositories (source hydrator) are not served',
  'PUT /api/v1/write-repositories/{}': 'write repositories (source hydrator) are not served',
  'GET /api/v1/applications/{}/resource/links': "a resource's deep links are not served",
  'GET /api/v1/applications/{}/revisions/{}/chartdetails': 'Helm chart details of a revision are not served',
  'GET /api/v1/applications/{}/revisions/{}/ocimetadata': 'OCI sources are not served',
  'POST /api/v1/applications/manifestsWithFiles': 'manifests from uploaded files (a client-streaming method in Argo) are not served',
  'GET /api/v1/applicationsets/{}/events': 'ApplicationSet events are not served',
  'GET /api/v1/stream/applicationsets': 'ApplicationSet watch is not served',
  'GET /api/v1/notifications/services': 'the notifications API is not served (the notifier reads argocd-notifications-cm)',
  'GET /api/v1/notifications/templates': 'the notifications API is not served',
  'GET /api/v1/notifications/triggers': 'the notifications API is not served',
  'POST /api/v1/clusters/{}/invalidate-cache': 'not served: the api-server never calls the app-controller (DESIGN.md §1)',
  'GET /api/v1/repositories/{}/helmcharts': "a Helm repository's chart list is not served",
  'GET /api/v1/repositories/{}/oci-tags': 'OCI sources are not served',
  'GET /api/v1/settings/plugins': 'config management plugins are not supported',
};

/** `GET /api/v1/clusters/{}`: variable names differ (`{name}`, `{application.metadata.name}`), places do not. */
const normalise = (key: string): string => key.replace(/\{[^}]+\}/g, '{}');
const ARGO = new Map(Object.keys(ROUTES).map((key) => [normalise(key), key]));

function flotillaRoutes(): readonly RestRoute[] {
  const table = new RestRouteTable(contractsDefinition(), (path) => !path.includes('RepoServerService'));
  return table.all;
}

/** What a route reads from the query string: request fields that are scalars, outside the path and body. */
function queryParamsOf(route: RestRoute): string[] {
  if (route.rule.body === '*') return [];
  const schemas = messageSchemas(contractsDefinition());
  const inPath = new Set(route.rule.segments.flatMap((s) => ('field' in s ? [s.field.join('.')] : [])));
  const leaves = (type: string, prefix: string): string[] =>
    schemas(type).flatMap((f) => {
      const name = prefix + f.name;
      if (f.type !== 'TYPE_MESSAGE') return [name];
      return f.repeated || f.typeName === JSON_OBJECT ? [] : leaves(f.typeName, `${name}.`);
    });
  const body = route.rule.body;
  return leaves(route.requestType, '').filter((n) => !inPath.has(n) && !(body && (n === body || n.startsWith(`${body}.`))));
}

describe("Flotilla's REST routes against Argo CD's swagger.json", () => {
  const routes = flotillaRoutes();
  const keyOf = (r: RestRoute) => normalise(`${r.rule.verb} ${r.rule.template}`);

  it('serves every route at a path and method Argo CD has, or says why not', () => {
    const unexplained = routes.map(keyOf).filter((k) => !ARGO.has(k) && !FLOTILLA_ONLY[k]);
    expect(unexplained).toEqual([]);
    expect(Object.keys(FLOTILLA_ONLY).filter((k) => ARGO.has(k))).toEqual([]);
  });

  it("reads only query parameters Argo CD's definition has for the route, or listed ones", () => {
    const extra: string[] = [];
    for (const route of routes) {
      const key = keyOf(route);
      const argo = ARGO.get(key);
      if (!argo) continue;
      const allowed = new Set([...ROUTES[argo].query, ...(BEYOND_ARGO_QUERY[key]?.params ?? [])]);
      for (const param of queryParamsOf(route)) if (!allowed.has(param)) extra.push(`${key} ?${param}`);
    }
    expect(extra).toEqual([]);
  });

  it('leaves unserved exactly the Argo CD routes listed as expected-missing', () => {
    const served = new Set(routes.map(keyOf));
    const missing = [...ARGO.keys()].filter((k) => !served.has(k)).sort();
    expect(missing).toEqual(Object.keys(EXPECTED_MISSING).sort());
  });
});

/** Fields Kubernetes objects carry inline (TypeMeta), which the generated swagger leaves out. */
const TYPE_META = new Set(['apiVersion', 'kind']);

// Where Argo CD's Go types write JSON other than the swagger generated from their protobuf says.
/** Custom MarshalJSON writing arbitrary JSON (managed fields, generator elements, Helm valuesObject). */
const ANY_JSON = new Set(['v1FieldsV1', 'v1JSON', 'runtimeRawExtension']);
/** An embedded struct (`json:",inline"`): its fields sit in the parent, whatever the swagger shows of it. */
const INLINE: Record<string, string> = {
  v1alpha1ResourceNode: 'v1alpha1ResourceRef',
  v1alpha1SyncStrategyHook: 'v1alpha1SyncStrategyApply',
};
/** ResourceOverride.MarshalJSON writes these as YAML text. */
const YAML_TEXT: Record<string, string[]> = { v1alpha1ResourceOverride: ['ignoreDifferences', 'ignoreResourceUpdates'] };

/** A definition's fields as Argo CD's JSON has them. */
function fieldsOf(name: string): Record<string, string> | undefined {
  const declared = DEFINITIONS[name];
  if (!declared) return undefined;
  const fields = { ...declared };
  for (const field of YAML_TEXT[name] ?? []) fields[field] = 'string';
  const inline = INLINE[name];
  if (inline) {
    for (const [field, type] of Object.entries(fields)) if (type === inline) delete fields[field];
    Object.assign(fields, DEFINITIONS[inline]);
  }
  return fields;
}

/** Every field of `value` is one Argo's `type` has, with the same JSON type, recursively; mismatches as text. */
function mismatches(value: unknown, type: string, path: string, out: string[] = []): string[] {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const wrong = (want: string) => out.push(`${path}: Argo has ${want}, Flotilla wrote ${got} ${JSON.stringify(value)?.slice(0, 80)}`);
  const array = /^array<(.+)>$/.exec(type);
  const map = /^map<(.+)>$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) return (wrong(type), out);
    value.forEach((v, i) => mismatches(v, array[1], `${path}[${i}]`, out));
  } else if (map) {
    if (got !== 'object') return (wrong(type), out);
    for (const [k, v] of Object.entries(value as object)) mismatches(v, map[1], `${path}[${k}]`, out);
  } else if (type === 'integer') {
    if (!Number.isInteger(value)) wrong(type);
  } else if (type === 'number' || type === 'string' || type === 'boolean') {
    if (got !== type) wrong(type);
  } else if (type === 'object') {
    if (got !== 'object') wrong(type);
  } else if (ANY_JSON.has(type)) {
    return out;
  } else {
    const fields = fieldsOf(type);
    if (!fields) throw new Error(`the facts have no definition ${type}`);
    if (got !== 'object') return (wrong(type), out);
    const typeMeta = fields.metadata === 'v1ObjectMeta' || fields.metadata === 'v1ListMeta';
    for (const [k, v] of Object.entries(value as object)) {
      if (fields[k]) mismatches(v, fields[k], `${path}.${k}`, out);
      else if (!(typeMeta && TYPE_META.has(k))) out.push(`${path}.${k}: not a field of Argo's ${type}`);
    }
  }
  return out;
}

const b64 = (v: string) => Buffer.from(v).toString('base64');
const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  color: red\n';

describe("Flotilla's REST answers against Argo CD's definitions (api-server, repo-server, kube-sim hub and spoke)", () => {
  let dir: string;
  let spoke: TestCluster;
  let git: GitRepo;
  let repoServer: RepoServerProcess;
  let api: ApiServerHarness;
  let redis: Redis;
  let viewer: string;
  let revision: string;

  const create = async (path: string, body: Record<string, unknown>) => {
    const res = await api.kube('POST', path, body);
    if (res.status !== 201) throw new Error(`creating ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const secret = (name: string, type: string, data: Record<string, string>) =>
    create(`/api/v1/namespaces/${api.namespace}/secrets`, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, labels: { 'argocd.argoproj.io/secret-type': type } },
      data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
    });
  const configMap = (name: string, data: Record<string, string>) =>
    create(`/api/v1/namespaces/${api.namespace}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'argo-conformance-spec-'));
    spoke = await startTestCluster(dir, 'spoke');
    await spoke.kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web' } });
    const liveConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'web-config', namespace: 'web' },
      data: { color: 'red' },
    };
    const cm = await spoke.kube.create<{ metadata?: { name?: string; uid?: string } }>(liveConfigMap);
    git = await startGitRepo(dir);
    revision = git.commit({ 'app/cm.yaml': MANIFEST, 'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n' }, 'first');
    repoServer = await startRepoServer(dir, `spec-${randomBytes(4).toString('hex')}`);
    api = await startApiServer({ FLOTILLA_REPO_SERVER: repoServer.address, FLOTILLA_LOG_LEVEL: 'warn' });
    const password = await api.initialPassword();
    await api.login('admin', password);
    redis = new Redis('redis://127.0.0.1:6379');

    await configMap('argocd-cm', { 'accounts.viewer': 'login', 'accounts.ci': 'apiKey', url: 'https://flotilla.example.com' });
    await configMap('argocd-rbac-cm', { 'policy.csv': 'g, ci, role:readonly' });
    await secret('cluster-spoke', 'cluster', { name: 'spoke', server: spoke.url, config: JSON.stringify(spoke.secretConfig) });
    await secret('repo-app', 'repository', { type: 'git', url: git.url, name: 'app', project: 'web' });
    await secret('creds-example', 'repo-creds', { type: 'git', url: 'https://git.example.com/org', username: 'bot', password: 'pw' });
    await create(api.nsPath('appprojects'), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'web' },
      spec: {
        description: 'web team',
        sourceRepos: ['*'],
        destinations: [{ server: spoke.url, namespace: 'web' }],
        clusterResourceWhitelist: [{ group: '*', kind: '*' }],
        roles: [{ name: 'deployer', policies: ['p, proj:web:deployer, applications, sync, web/*, allow'], groups: ['ops'] }],
        syncWindows: [{ kind: 'allow', schedule: '0 22 * * *', duration: '1h', applications: ['*'], manualSync: true }],
      },
    });
    const app = await create(api.nsPath('applications'), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'guestbook', labels: { team: 'web' } },
      spec: {
        project: 'web',
        source: { repoURL: git.url, path: 'app', targetRevision: 'main' },
        destination: { server: spoke.url, namespace: 'web' },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
      },
    });
    // What the app-controller records once it has synced: status (Argo CD's CRD has no status subresource), the resource tree and the diff.
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const resource = { version: 'v1', kind: 'ConfigMap', namespace: 'web', name: 'web-config' };
    const withStatus = await api.kube('PUT', `${api.nsPath('applications')}/guestbook`, {
      ...app,
      status: {
        sync: { status: 'Synced', revision, comparedTo: { source: app.spec.source, destination: app.spec.destination } },
        health: { status: 'Healthy', lastTransitionTime: now },
        resources: [{ ...resource, status: 'Synced', health: { status: 'Healthy' } }],
        history: [{ id: 0, revision, deployedAt: now, deployStartedAt: now, source: app.spec.source }],
        operationState: {
          operation: { sync: { revision }, initiatedBy: { automated: true }, retry: { limit: 5 } },
          phase: 'Succeeded',
          message: 'successfully synced (all tasks run)',
          startedAt: now,
          finishedAt: now,
          syncResult: {
            revision,
            source: app.spec.source,
            resources: [
              {
                ...resource,
                group: '',
                status: 'Synced',
                message: 'configmap/web-config created',
                hookPhase: 'Running',
                syncPhase: 'Sync',
              },
            ],
          },
        },
        reconciledAt: now,
        sourceType: 'Directory',
        summary: { images: [] },
        controllerNamespace: api.namespace,
      },
    });
    expect(withStatus.status).toBe(200);
    const node = {
      ...resource,
      group: '',
      uid: cm.metadata?.uid,
      resourceVersion: '1',
      createdAt: now,
      health: { status: 'Healthy' },
      info: [{ name: 'Data', value: '1' }],
    };
    await redis.set(appTreeKey(api.namespace, 'guestbook'), JSON.stringify({ nodes: [node], hosts: [] }), 'EX', 600);
    const live = JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'web-config', namespace: 'web' },
      data: { color: 'red' },
    });
    await redis.set(
      appManagedResourcesKey(api.namespace, 'guestbook'),
      JSON.stringify({
        items: [
          {
            group: '',
            kind: 'ConfigMap',
            namespace: 'web',
            name: 'web-config',
            liveState: live,
            targetState: live,
            normalizedLiveState: live,
            predictedLiveState: live,
            hook: false,
            modified: false,
          },
        ],
      }),
      'EX',
      600,
    );
    await create(`/api/v1/namespaces/${api.namespace}/events`, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'guestbook.1' },
      involvedObject: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        name: 'guestbook',
        namespace: api.namespace,
        uid: app.metadata.uid,
      },
      reason: 'ResourceUpdated',
      message: 'Updated sync status:  -> Synced',
      type: 'Normal',
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component: 'argocd-application-controller' },
    });
    await create(api.nsPath('applicationsets'), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name: 'fleet' },
      spec: {
        goTemplate: true,
        generators: [{ list: { elements: [{ cluster: 'spoke', url: spoke.url }] } }],
        template: {
          metadata: { name: '{{.cluster}}-web' },
          spec: { project: 'web', source: { repoURL: git.url, path: 'app' }, destination: { server: '{{.url}}', namespace: 'web' } },
        },
      },
    });
    await new Promise((r) => setTimeout(r, 1100)); // argocd-cm and argocd-rbac-cm are cached for a second
    await call(api.clients.accounts, 'UpdatePassword', { name: 'viewer', currentPassword: password, newPassword: 'viewer-pass' }, api.md());
    viewer = (await call(api.clients.session, 'Create', { username: 'viewer', password: 'viewer-pass' })).token;
    await call(api.clients.accounts, 'CreateToken', { name: 'ci', id: 'deploy', expiresIn: 3600 }, api.md());
  }, 120_000);

  afterAll(async () => {
    if (redis && api) await redis.del(appTreeKey(api.namespace, 'guestbook'), appManagedResourcesKey(api.namespace, 'guestbook'));
    await redis?.quit();
    await api?.stop();
    await repoServer?.stop();
    await git?.stop();
    await spoke?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const repo = () => encodeURIComponent(git.url);
  const resourceQuery = '?namespace=web&resourceName=web-config&version=v1&kind=ConfigMap';
  /** Argo's route (as its swagger.json writes it), a URL Flotilla answers it at, and text the answer holds (the fleet made above). */
  const GETS: [string, () => string, string][] = [
    ['GET /api/version', () => '/api/version', '"Version"'],
    ['GET /api/v1/settings', () => '/api/v1/settings', 'flotilla.example.com'],
    ['GET /api/v1/session/userinfo', () => '/api/v1/session/userinfo', '"admin"'],
    ['GET /api/v1/account', () => '/api/v1/account', '"deploy"'],
    ['GET /api/v1/account/{name}', () => '/api/v1/account/ci', '"deploy"'],
    [
      'GET /api/v1/account/can-i/{resource}/{action}/{subresource}',
      () => '/api/v1/account/can-i/applications/get/web%2Fguestbook',
      '"yes"',
    ],
    ['GET /api/v1/applications', () => '/api/v1/applications', '"Synced"'],
    ['GET /api/v1/applications/{name}', () => '/api/v1/applications/guestbook', 'successfully synced'],
    ['GET /api/v1/applications/{applicationName}/resource-tree', () => '/api/v1/applications/guestbook/resource-tree', '"Data"'],
    [
      'GET /api/v1/applications/{applicationName}/managed-resources',
      () => '/api/v1/applications/guestbook/managed-resources',
      'normalizedLiveState',
    ],
    ['GET /api/v1/applications/{name}/events', () => '/api/v1/applications/guestbook/events', 'ResourceUpdated'],
    ['GET /api/v1/applications/{name}/syncwindows', () => '/api/v1/applications/guestbook/syncwindows', '0 22 * * *'],
    ['GET /api/v1/applications/{name}/links', () => '/api/v1/applications/guestbook/links', '{'],
    ['GET /api/v1/applications/{name}/manifests', () => '/api/v1/applications/guestbook/manifests', 'web-config'],
    [
      'GET /api/v1/applications/{name}/revisions/{revision}/metadata',
      () => `/api/v1/applications/guestbook/revisions/${revision}/metadata`,
      '"first"',
    ],
    ['GET /api/v1/applications/{name}/resource', () => `/api/v1/applications/guestbook/resource${resourceQuery}`, 'web-config'],
    ['GET /api/v1/applications/{name}/resource/actions', () => `/api/v1/applications/guestbook/resource/actions${resourceQuery}`, '{'],
    ['GET /api/v1/applicationsets', () => '/api/v1/applicationsets', '"fleet"'],
    ['GET /api/v1/applicationsets/{name}', () => '/api/v1/applicationsets/fleet', '{{.cluster}}-web'],
    ['GET /api/v1/applicationsets/{name}/resource-tree', () => '/api/v1/applicationsets/fleet/resource-tree', '{'],
    ['GET /api/v1/projects', () => '/api/v1/projects', 'deployer'],
    ['GET /api/v1/projects/{name}', () => '/api/v1/projects/web', 'deployer'],
    ['GET /api/v1/clusters', () => '/api/v1/clusters', '"spoke"'],
    ['GET /api/v1/clusters/{id.value}', () => `/api/v1/clusters/${encodeURIComponent(spoke.url)}`, '"spoke"'],
    ['GET /api/v1/repositories', () => '/api/v1/repositories', '"app"'],
    ['GET /api/v1/repositories/{repo}', () => `/api/v1/repositories/${repo()}`, '"app"'],
    ['GET /api/v1/repositories/{repo}/refs', () => `/api/v1/repositories/${repo()}/refs`, '"main"'],
    ['GET /api/v1/repositories/{repo}/apps', () => `/api/v1/repositories/${repo()}/apps?revision=main&appProject=web`, '"charts/web"'],
    ['GET /api/v1/repocreds', () => '/api/v1/repocreds', 'git.example.com'],
    ['GET /api/v1/gpgkeys', () => '/api/v1/gpgkeys', '{'],
  ];

  it.each(GETS)("answers %s as admin with only fields and JSON types Argo CD's definition has", async (route, url, holds) => {
    const facts = ROUTES[route];
    expect(facts).toBeDefined();
    const res = await api.rest(url());
    const body = await res.json();
    expect({ status: res.status, body: res.status === 200 ? 'ok' : body }).toEqual({ status: 200, body: 'ok' });
    expect(typeof facts.response).toBe('string');
    expect(JSON.stringify(body)).toContain(holds);
    expect(mismatches(body, facts.response as string, route)).toEqual([]);
  });

  it("answers every exercised route without credentials with 401, Argo's error body and its 'no session information'", async () => {
    const anonymous = GETS.filter(
      ([route]) => !['GET /api/version', 'GET /api/v1/settings', 'GET /api/v1/session/userinfo'].includes(route),
    );
    const wrong: string[] = [];
    for (const [route, url] of anonymous) {
      const res = await api.rest(url(), { token: null });
      const body = await res.json();
      if (res.status !== 401) wrong.push(`${route}: ${res.status}`);
      expect(Object.keys(body).sort()).toEqual(['code', 'error', 'message']);
      expect(mismatches(body, 'runtimeError', route)).toEqual([]);
      expect(body).toEqual({ code: 16, error: 'no session information', message: 'no session information' });
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['/api/v1/applications/guestbook', 'applications, get, web/guestbook'],
    ['/api/v1/applications/guestbook/resource-tree', 'applications, get, web/guestbook'],
    ['/api/v1/projects/web', 'projects, get, web'],
    ['/api/v1/applicationsets/fleet', 'applicationsets, get, web/fleet'],
  ])('refuses %s to a user without the right with 403 and "permission denied: %s"', async (url, object) => {
    const res = await api.rest(url, { token: viewer });
    const body = await res.json();
    expect(res.status).toBe(403);
    expect(body).toMatchObject({ code: 7, message: expect.stringMatching(new RegExp(`^permission denied: ${object}(, |$)`)) });
    expect(mismatches(body, 'runtimeError', url)).toEqual([]);
  });

  it.each([
    ['/api/v1/applications/nope', 'applications.argoproj.io "nope" not found'],
    ['/api/v1/projects/nope', 'appprojects.argoproj.io "nope" not found'],
    ['/api/v1/applicationsets/nope', 'applicationsets.argoproj.io "nope" not found'],
    [`/api/v1/repositories/${encodeURIComponent('https://git.example.com/nope.git')}`, "repo 'https://git.example.com/nope.git' not found"],
  ])("answers an unknown object %s with 404 and Argo's text", async (url, message) => {
    const res = await api.rest(url);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 5, error: message, message });
  });

  it('answers the same over gRPC: Unauthenticated, PermissionDenied and NotFound with the texts REST carries', async () => {
    const get = (client: grpc.Client, request: object, token?: string) => call(client, 'Get', request, token ? api.md(token) : {});
    const { applications, projects, repositories } = api.clients;
    await expect(get(applications, { name: 'guestbook' })).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    await expect(get(applications, { name: 'guestbook' }, viewer)).rejects.toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
      details: expect.stringMatching(/^permission denied: applications, get, web\/guestbook(, |$)/),
    });
    await expect(get(applications, { name: 'nope' }, api.token)).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: 'applications.argoproj.io "nope" not found',
    });
    await expect(get(projects, { name: 'nope' }, api.token)).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: 'appprojects.argoproj.io "nope" not found',
    });
    await expect(get(repositories, { repo: 'https://git.example.com/nope.git' }, api.token)).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: "repo 'https://git.example.com/nope.git' not found",
    });
  });
});
