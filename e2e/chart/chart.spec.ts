import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  ChartHub,
  CHART,
  CI_VALUES,
  find,
  K8sObject,
  podSpec,
  seed000Values,
  seed001SetArgs,
  startChartHub,
  unusedKeys,
} from './chart.harness';

// charts/flotilla takes an Argo CD values file as written: it lints, renders, every object it renders
// is accepted by an API server's dry run (a kube-sim hub), a wrongly typed value fails naming the key,
// and a key the chart does not use installs and is listed in NOTES.txt.

const FLOTILLA_WORKLOADS = [
  ['StatefulSet', 'argocd-application-controller', 'flotilla-app-controller'],
  ['Deployment', 'argocd-server', 'flotilla-api-server'],
  ['Deployment', 'argocd-repo-server', 'flotilla-repo-server'],
  ['Deployment', 'argocd-applicationset-controller', 'flotilla-appset-controller'],
  ['Deployment', 'argocd-notifications-controller', 'flotilla-notifier'],
] as const;

let hub: ChartHub;
let seed000File: string;

beforeAll(async () => {
  hub = await startChartHub();
  seed000File = hub.file('centralized-argocd-values.yaml', seed000Values());
});
afterAll(() => hub?.stop());

const ci = (name: string) => ['-f', join(CI_VALUES, name)];

describe.each([
  ['the default values', () => []],
  ['three replicas of everything', () => ci('ha-values.yaml')],
  ['every supported key', () => ci('all-keys-values.yaml')],
  ['an external Redis with a password', () => ci('external-redis-values.yaml')],
  ['an external Redis with an existing Secret', () => ci('external-redis-existing-secret-values.yaml')],
  ['an external Redis over TLS', () => ci('external-redis-tls-values.yaml')],
  ['Redis with Sentinel and a password (redis-ha)', () => ci('redis-ha-values.yaml')],
  ["seed 000's centralized-argocd-values.yaml", () => ['-f', seed000File]],
  ["seed 001's --set line", () => seed001SetArgs()],
])('with %s', (_name, valueArgs) => {
  it('passes helm lint', async () => {
    const r = await hub.helm(['lint', CHART, ...valueArgs()]);
    expect(r.stderr + r.stdout).toContain('0 chart(s) failed');
    expect(r.code).toBe(0);
  });

  it('renders objects the API server accepts in a server-side dry run', async () => {
    const objects = await hub.template('argocd', ['--validate', ...valueArgs()]);
    const r = await hub.kubectl(
      ['apply', '--dry-run=server', '-n', hub.namespace, '-f', '-'],
      objects.map((o) => JSON.stringify(o)).join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toHaveLength(objects.length);
  });
});

describe('default values', () => {
  let objects: K8sObject[];
  beforeAll(async () => (objects = await hub.template('argocd', [])));

  it('runs each of the five services from the one image, the controller as a StatefulSet', () => {
    for (const [kind, name, command] of FLOTILLA_WORKLOADS) {
      const [container] = podSpec(find(objects, kind, name)).containers;
      expect(container.command).toEqual([command]);
      expect(container.image).toBe('ghcr.io/flotilla/flotilla:0.1.0');
    }
    expect(find(objects, 'Deployment', 'argocd-redis')).toBeDefined();
  });

  it('runs every container with a read-only root filesystem, writing only to emptyDirs it mounts (ConfigMaps are mounted read-only)', () => {
    for (const [kind, name] of FLOTILLA_WORKLOADS) {
      const pod = podSpec(find(objects, kind, name));
      const [container] = pod.containers;
      expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
      const mounts = container.volumeMounts ?? [];
      expect(mounts.map((m) => m.mountPath)).toEqual(expect.arrayContaining(['/tmp', '/home/flotilla']));
      for (const m of mounts) {
        const volume = pod.volumes?.find((v) => v.name === m.name);
        if (volume?.configMap) expect(m.readOnly).toBe(true);
        else expect(volume?.emptyDir).toBeDefined();
      }
    }
    const repo = podSpec(find(objects, 'Deployment', 'argocd-repo-server')).containers[0];
    expect(repo.volumeMounts?.map((m) => m.mountPath)).toEqual(expect.arrayContaining(['/var/cache/flotilla', '/helm-working-dir']));
  });

  it('probes each service on its ops port: /readyz, and /healthz where a restart helps', () => {
    for (const [kind, name] of FLOTILLA_WORKLOADS) {
      const [container] = podSpec(find(objects, kind, name)).containers;
      const opsPort = container.ports?.find((p) => p.name === 'metrics');
      expect(opsPort).toBeDefined();
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'metrics' });
      if (kind === 'Deployment') expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'metrics' });
      const opsEnv = container.env?.find(
        (e) => e.name === (name === 'argocd-repo-server' ? 'FLOTILLA_REPO_SERVER_OPS_PORT' : 'FLOTILLA_OPS_PORT'),
      );
      expect(opsEnv?.value).toBe(String(opsPort?.containerPort));
    }
  });

  it('points every service at the Redis and repo-server it installs, through argocd-cmd-params-cm', () => {
    const params = find(objects, 'ConfigMap', 'argocd-cmd-params-cm').data as Record<string, string>;
    // The headless Service's name: callers' gRPC balances round robin over every repo-server pod.
    expect(params['repo.server']).toBe('dns:///argocd-repo-server-headless:8081');
    expect(params['redis.server']).toBe('argocd-redis:6379');
    for (const [kind, name] of FLOTILLA_WORKLOADS) {
      const env = podSpec(find(objects, kind, name)).containers[0].env ?? [];
      expect(env.find((e) => e.name === 'FLOTILLA_REDIS_URL')?.value).toBe('redis://$(ARGOCD_REDIS_SERVER)');
      if (name !== 'argocd-repo-server' && name !== 'argocd-notifications-controller')
        expect(env.find((e) => e.name === 'FLOTILLA_REPO_SERVER')?.valueFrom?.configMapKeyRef).toEqual({
          name: 'argocd-cmd-params-cm',
          key: 'repo.server',
          optional: true,
        });
      expect(env.filter((e) => e.name === 'FLOTILLA_LOG_LEVEL')).toHaveLength(1);
    }
    const services = objects.filter((o) => o.kind === 'Service').map((o) => o.metadata.name);
    expect(services).toEqual(
      expect.arrayContaining(['argocd-server', 'argocd-repo-server', 'argocd-repo-server-headless', 'argocd-redis']),
    );
    expect((find(objects, 'Service', 'argocd-repo-server-headless').spec as { clusterIP: string }).clusterIP).toBe('None');
  });

  it('gives the controller every right on the hub, the api-server what it needs, repo-server no token', () => {
    const controller = find(objects, 'ClusterRole', 'argocd-application-controller-argocd');
    expect(controller.rules).toEqual(expect.arrayContaining([{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]));
    const binding = find(objects, 'ClusterRoleBinding', 'argocd-application-controller-argocd') as K8sObject & { subjects: unknown[] };
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'argocd-application-controller', namespace: 'argocd' }]);
    expect(find(objects, 'ClusterRole', 'argocd-server-argocd')).toBeDefined();
    for (const role of ['argocd-server', 'argocd-applicationset-controller', 'argocd-notifications-controller'])
      expect(find(objects, 'Role', role)).toBeDefined();
    expect(objects.filter((o) => /Role/.test(o.kind) && o.metadata.name.includes('repo-server'))).toEqual([]);
    expect(
      (podSpec(find(objects, 'Deployment', 'argocd-repo-server')) as { automountServiceAccountToken?: boolean })
        .automountServiceAccountToken,
    ).toBe(false);
  });

  it('lists no unused keys in NOTES', async () => {
    const notes = await hub.notes('argocd', []);
    expect(notes).toContain('argocd-initial-admin-secret');
    expect(unusedKeys(notes)).toEqual([]);
  });
});

describe('scaling out', () => {
  it("sets each component's replicas, the controller's on its StatefulSet", async () => {
    const objects = await hub.template('argocd', ci('ha-values.yaml'));
    for (const [kind, name] of FLOTILLA_WORKLOADS) expect((find(objects, kind, name).spec as { replicas: number }).replicas).toBe(3);
  });

  it("installs seed 001's --set line as written; repo.replicas and redis.replicas are listed as unused", async () => {
    const args = seed001SetArgs();
    expect(args).toEqual([
      '--set',
      'server.replicas=3',
      '--set',
      'controller.replicas=3',
      '--set',
      'repo.replicas=3',
      '--set',
      'redis.replicas=3',
    ]);
    const objects = await hub.template('argocd', args);
    expect((find(objects, 'StatefulSet', 'argocd-application-controller').spec as { replicas: number }).replicas).toBe(3);
    expect((find(objects, 'Deployment', 'argocd-server').spec as { replicas: number }).replicas).toBe(3);
    expect(unusedKeys(await hub.notes('argocd', args)).sort()).toEqual(['redis.replicas', 'repo.replicas']);
  });

  it("installs seed 000's values file as written; its params reach the controller through env", async () => {
    const objects = await hub.template('argocd', ['-f', seed000File]);
    const params = find(objects, 'ConfigMap', 'argocd-cmd-params-cm').data as Record<string, string>;
    expect(params).toMatchObject({
      'controller.status.processors': '50',
      'controller.operation.processors': '25',
      'controller.repo.server.timeout.seconds': '180',
    });
    const controller = find(objects, 'StatefulSet', 'argocd-application-controller');
    expect((controller.spec as { replicas: number }).replicas).toBe(2);
    const [container] = podSpec(controller).containers;
    expect(container.resources).toEqual({ requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '2000m', memory: '2Gi' } });
    const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.valueFrom?.configMapKeyRef]));
    expect(env.FLOTILLA_APP_CONTROLLER_CONCURRENCY).toEqual({
      name: 'argocd-cmd-params-cm',
      key: 'controller.status.processors',
      optional: true,
    });
    expect(env.FLOTILLA_APP_OPERATION_CONCURRENCY).toEqual({
      name: 'argocd-cmd-params-cm',
      key: 'controller.operation.processors',
      optional: true,
    });
    const notes = await hub.notes('argocd', ['-f', seed000File]);
    // Its redis-ha.enabled: true runs Redis with Sentinel instead of the single Redis.
    expect(unusedKeys(notes).sort()).toEqual(['configs.params.controller.repo.server.timeout.seconds']);
    expect(find(objects, 'StatefulSet', 'argocd-redis-ha-server')).toBeDefined();
    expect(objects.filter((o) => o.kind === 'Deployment' && o.metadata.name === 'argocd-redis')).toEqual([]);
  });
});

describe('values checks', () => {
  it.each([
    [['--set', 'controller.replicas=three'], 'controller.replicas'],
    [['--set', 'global.logging.level=loud'], 'global.logging.level'],
    [['--set', 'server.service.type=Balancer'], 'server.service.type'],
    [['--set', 'repoServer.podLabels.team=true'], 'repoServer.podLabels.team'],
    [['--set', 'configs.secret.argocdServerAdminPassword=plain-text'], 'configs.secret.argocdServerAdminPassword'],
    [['--set', 'redis.enabled=maybe'], 'redis.enabled'],
    [['--set', 'configs.params.controller\\.sharding\\.algorithm=roundrobin'], 'configs.params.controller.sharding.algorithm'],
  ])('%j fails helm install naming %s', async (args, key) => {
    const r = await hub.helm(['install', 'argocd', CHART, '--namespace', hub.namespace, '--dry-run=server', ...args]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`- ${key}:`);
  });

  it('installs a key the chart does not know and lists it in NOTES', async () => {
    const notes = await hub.notes('argocd', [
      '--set',
      'controler.replicas=2',
      '--set',
      'server.ingressGrpc.enabled=true',
      '--set',
      'configs.params.server\\.insecure=true',
    ]);
    expect(unusedKeys(notes).sort()).toEqual(['configs.params.server.insecure', 'controler.replicas', 'server.ingressGrpc.enabled']);
  });

  it('with crds.install=false the api-server leaves the CRDs alone and has no rights on them, and NOTES names --skip-crds', async () => {
    const args = ['--set', 'crds.install=false', '--set', 'crds.keep=false', '--set', 'server.extraArgs={--insecure}'];
    const objects = await hub.template('argocd', args);
    const env = podSpec(find(objects, 'Deployment', 'argocd-server')).containers[0].env ?? [];
    expect(env.find((e) => e.name === 'FLOTILLA_INSTALL_CRDS')?.value).toBe('false');
    expect(JSON.stringify(find(objects, 'ClusterRole', 'argocd-server-argocd').rules)).not.toContain('customresourcedefinitions');
    const notes = await hub.notes('argocd', args);
    expect(notes).toContain('--skip-crds');
    expect(notes).toContain('crds.keep=false');
    expect(notes).toContain('server.extraArgs: passed to the container, but');
  });

  it('the every-key values file sets every key of values.yaml, and none it lists is unused', async () => {
    const leaves = (v: unknown, path: string): string[] =>
      v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0
        ? Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k))
        : [path];
    const defaults = leaves(parse(readFileSync(join(CHART, 'values.yaml'), 'utf8')), '');
    const everyKey = leaves(parse(readFileSync(join(CI_VALUES, 'all-keys-values.yaml'), 'utf8')), '');
    expect(defaults.filter((d) => !everyKey.some((k) => k === d || k.startsWith(`${d}.`)))).toEqual([]);
    expect(unusedKeys(await hub.notes('argocd', ci('all-keys-values.yaml')))).toEqual([]);
  });
});

describe('server.ingress', () => {
  it("routes global.domain to the api-server's plaintext port, with TLS from argocd-server-tls", async () => {
    const objects = await hub.template('argocd', [
      '--set',
      'server.ingress.enabled=true',
      '--set',
      'server.ingress.tls=true',
      '--set',
      'global.domain=cd.example.com',
    ]);
    const spec = find(objects, 'Ingress', 'argocd-server').spec as {
      rules: { host: string; http: { paths: { backend: unknown }[] } }[];
      tls: unknown[];
    };
    expect(spec.rules.map((r) => r.host)).toEqual(['cd.example.com']);
    expect(spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'argocd-server', port: { number: 80 } } });
    expect(spec.tls).toEqual([{ hosts: ['cd.example.com'], secretName: 'argocd-server-tls' }]);
  });
});

describe('metrics', () => {
  it('gives each component a ServiceMonitor selecting only its metrics Service, when the cluster serves monitoring.coreos.com/v1', async () => {
    const args = ci('all-keys-values.yaml');
    const withOperator = await hub.template('argocd', ['--api-versions', 'monitoring.coreos.com/v1', ...args]);
    const monitors = withOperator.filter((o) => o.kind === 'ServiceMonitor');
    expect(monitors.map((m) => m.metadata.name).sort()).toEqual([
      'gitops-application-controller',
      'gitops-applicationset-controller',
      'gitops-notifications-controller',
      'gitops-repo-server',
      'gitops-server',
    ]);
    for (const monitor of monitors) {
      const selector = (monitor.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
      const selected = withOperator.filter(
        (o) => o.kind === 'Service' && Object.entries(selector).every(([k, v]) => o.metadata.labels?.[k] === v),
      );
      expect(selected.map((o) => o.metadata.name)).toEqual([`${monitor.metadata.name}-metrics`]);
    }
    expect((await hub.template('argocd', args)).filter((o) => o.kind === 'ServiceMonitor')).toEqual([]);
    expect(await hub.notes('argocd', args)).toContain(
      'server.metrics.serviceMonitor.enabled: the cluster serves no monitoring.coreos.com/v1',
    );
  });
});

describe('secrets and external Redis', () => {
  it('writes the bcrypt admin password, repositories, credential templates and clusters as Argo CD reads them', async () => {
    const objects = await hub.template('argocd', ci('all-keys-values.yaml'));
    const secret = find(objects, 'Secret', 'argocd-secret').data as Record<string, string>;
    expect(Buffer.from(secret['admin.password'], 'base64').toString()).toMatch(/^\$2a\$10\$/);
    expect(Buffer.from(secret['webhook.github.secret'], 'base64').toString()).toBe('gh-hook');
    const labelOf = (name: string) => find(objects, 'Secret', name).metadata.labels?.['argocd.argoproj.io/secret-type'];
    expect([labelOf('argocd-repo-private-repo'), labelOf('argocd-repo-creds-example-https'), labelOf('gitops-cluster-staging')]).toEqual([
      'repository',
      'repo-creds',
      'cluster',
    ]);
    const cluster = find(objects, 'Secret', 'gitops-cluster-staging').stringData as Record<string, string>;
    expect(JSON.parse(cluster.config)).toEqual({ bearerToken: 'token', tlsClientConfig: { insecure: false, caData: 'Y2E=' } });
    expect(cluster.server).toBe('https://staging.example.com:6443');
  });

  it("leaves argocd-secret without data when nothing is set, so the api-server's keys survive upgrades", async () => {
    const objects = await hub.template('argocd', []);
    expect(find(objects, 'Secret', 'argocd-secret').data).toBeUndefined();
  });

  it('connects with the password from a Secret as FLOTILLA_REDIS_PASSWORD, never in the URL, and runs no Redis of its own', async () => {
    const objects = await hub.template('argocd', ci('external-redis-values.yaml'));
    expect(objects.filter((o) => o.metadata.name === 'argocd-redis' && o.kind !== 'Secret')).toEqual([]);
    expect(
      Buffer.from((find(objects, 'Secret', 'argocd-redis').data as Record<string, string>)['redis-password'], 'base64').toString(),
    ).toBe('s3cret');
    const env = podSpec(find(objects, 'Deployment', 'argocd-server')).containers[0].env ?? [];
    expect(env.find((e) => e.name === 'FLOTILLA_REDIS_URL')?.value).toBe('redis://$(ARGOCD_REDIS_SERVER)');
    expect(env.find((e) => e.name === 'FLOTILLA_REDIS_USERNAME')?.valueFrom?.secretKeyRef).toEqual({ name: 'argocd-redis', key: 'redis-username' });
    expect(env.find((e) => e.name === 'FLOTILLA_REDIS_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({ name: 'argocd-redis', key: 'redis-password' });
    expect((find(objects, 'ConfigMap', 'argocd-cmd-params-cm').data as Record<string, string>)['redis.server']).toBe(
      'redis.example.internal:6380',
    );

    const own = await hub.template('argocd', ci('external-redis-existing-secret-values.yaml'));
    const ownEnv = podSpec(find(own, 'StatefulSet', 'argocd-application-controller')).containers[0].env ?? [];
    expect(ownEnv.find((e) => e.name === 'FLOTILLA_REDIS_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({ name: 'my-redis', key: 'redis-password' });
    expect(ownEnv.find((e) => e.name === 'FLOTILLA_REDIS_URL')?.value).toBe('redis://redis.example.internal:6379');
  });
});

describe('PodDisruptionBudgets and HorizontalPodAutoscalers, in the API versions the cluster serves', () => {
  let old: ChartHub;
  beforeAll(async () => (old = await startChartHub({ kubeVersion: '1.20' })));
  afterAll(() => old?.stop());

  const versions = (objects: K8sObject[]) =>
    [
      ...new Set(objects.filter((o) => /PodDisruptionBudget|HorizontalPodAutoscaler/.test(o.kind)).map((o) => `${o.apiVersion}/${o.kind}`)),
    ].sort();

  it('uses policy/v1 and autoscaling/v2 where served, and leaves replicas of an autoscaled Deployment to its HPA', async () => {
    const objects = await hub.template('argocd', ['--validate', ...ci('all-keys-values.yaml')]);
    expect(versions(objects)).toEqual(['autoscaling/v2/HorizontalPodAutoscaler', 'policy/v1/PodDisruptionBudget']);
    expect(objects.filter((o) => o.kind === 'PodDisruptionBudget')).toHaveLength(6);
    expect((find(objects, 'Deployment', 'gitops-server').spec as { replicas?: number }).replicas).toBeUndefined();
    expect((find(objects, 'Deployment', 'gitops-applicationset-controller').spec as { replicas?: number }).replicas).toBe(2);
    expect((find(objects, 'HorizontalPodAutoscaler', 'gitops-repo-server').spec as { metrics: unknown[] }).metrics).toHaveLength(1);
  });

  it.each([
    ['every supported key', 'all-keys-values.yaml'],
    ['three replicas of everything', 'ha-values.yaml'],
  ])('on Kubernetes 1.20 (../shared/realcluster) uses the beta versions, and the 1.20 hub accepts all %s renders', async (_name, file) => {
    const objects = await old.template('argocd', ['--validate', ...ci(file)]);
    if (file === 'all-keys-values.yaml')
      expect(versions(objects)).toEqual(['autoscaling/v2beta2/HorizontalPodAutoscaler', 'policy/v1beta1/PodDisruptionBudget']);
    const r = await old.kubectl(
      ['apply', '--dry-run=server', '-n', old.namespace, '-f', '-'],
      objects.map((o) => JSON.stringify(o)).join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toHaveLength(objects.length);
  });
});

describe('helm install, upgrade and uninstall on a kube-sim hub', () => {
  const release = 'lifecycle';
  const ready = async (kind: string, name: string) => {
    const r = await hub.kubectl(['get', kind, name, '-n', hub.namespace, '-o', 'jsonpath={.status.readyReplicas}/{.spec.replicas}']);
    return r.stdout;
  };

  it('installs with every workload ready and the rights each needs, scales every component to 3 on upgrade, and uninstalls leaving only the CRDs', async () => {
    const install = await hub.helm(['install', release, CHART, '--namespace', hub.namespace, '--wait', '--timeout', '60s']);
    expect(install.stderr).toBe('');
    for (const [kind, name] of FLOTILLA_WORKLOADS) expect(await ready(kind, name.replace('argocd', release))).toBe('1/1');
    expect((await hub.kubectl(['get', 'crd', '-o', 'name'])).stdout).toContain(
      'customresourcedefinition.apiextensions.k8s.io/applications.argoproj.io',
    );

    // What each ServiceAccount may do on the hub, as the API server's authorizer answers it.
    const canI = async (sa: string, ...what: string[]) =>
      (await hub.kubectl(['auth', 'can-i', ...what, '--as', `system:serviceaccount:${hub.namespace}:${sa}`])).stdout.trim();
    expect(await canI('argocd-application-controller', 'create', 'deployments', '-n', 'shop')).toBe('yes');
    expect(await canI('argocd-server', 'update', 'customresourcedefinitions/applications.argoproj.io')).toBe('yes');
    expect(await canI('argocd-server', 'update', 'customresourcedefinitions/widgets.example.com')).toBe('no');
    expect(await canI('argocd-server', 'create', 'secrets', '-n', hub.namespace)).toBe('yes');
    expect(await canI('argocd-applicationset-controller', 'create', 'applications.argoproj.io', '-n', hub.namespace)).toBe('yes');
    expect(await canI('argocd-applicationset-controller', 'create', 'applications.argoproj.io', '-n', 'shop')).toBe('no');
    expect(await canI('argocd-notifications-controller', 'patch', 'applications.argoproj.io', '-n', hub.namespace)).toBe('yes');
    expect(await canI('argocd-notifications-controller', 'delete', 'secrets', '-n', hub.namespace)).toBe('no');
    expect(await canI(`${release}-repo-server`, 'get', 'secrets', '-n', hub.namespace)).toBe('no');

    const upgrade = await hub.helm([
      'upgrade',
      release,
      CHART,
      '--namespace',
      hub.namespace,
      '--wait',
      '--timeout',
      '60s',
      ...ci('ha-values.yaml'),
    ]);
    expect(upgrade.stderr).toBe('');
    for (const [kind, name] of FLOTILLA_WORKLOADS) expect(await ready(kind, name.replace('argocd', release))).toBe('3/3');

    // Helm purges its release Secrets with protobuf DeleteOptions: nothing of the release is left.
    const uninstall = await hub.helm(['uninstall', release, '--namespace', hub.namespace, '--wait']);
    expect(uninstall.stderr).toBe('');
    expect((await hub.kubectl(['get', 'secret', '-n', hub.namespace, '-l', `owner=helm,name=${release}`, '-o', 'name'])).stdout).toBe('');
    const left = await hub.kubectl([
      'get',
      'all,configmap,secret,serviceaccount,role,rolebinding',
      '-n',
      hub.namespace,
      '-l',
      `app.kubernetes.io/instance=${release}`,
      '-o',
      'name',
    ]);
    expect(left.stdout).toBe('');
    const clusterWide = await hub.kubectl([
      'get',
      'clusterrole,clusterrolebinding',
      '-l',
      `app.kubernetes.io/instance=${release}`,
      '-o',
      'name',
    ]);
    expect(clusterWide.stdout).toBe('');
    expect((await hub.kubectl(['get', 'crd', '-o', 'name'])).stdout.trim().split('\n')).toHaveLength(3);
  });
});
