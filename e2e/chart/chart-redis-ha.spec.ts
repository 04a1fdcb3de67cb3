import { loadApiServerConfig } from '@flotilla/api-server/src/api-server.config';
import { loadAppControllerConfig } from '@flotilla/app-controller/src/app-controller.config';
import { loadAppSetControllerConfig } from '@flotilla/appset-controller/src/appset-controller.config';
import { loadNotifierConfig } from '@flotilla/notifier/src/notifier.config';
import { loadRepoServerConfig } from '@flotilla/repo-server/src/repo-server.config';
import { redisConnection, type RedisConfig } from '@flotilla/platform';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ChartHub, CI_VALUES, containerEnv, find, K8sObject, podSpec, startChartHub, unusedKeys } from './chart.harness';

// redis-ha: Redis with Sentinel as Argo CD's values ask for it (three pods, each a redis-server and a
// Sentinel), every Flotilla service pointed at the Sentinels with the password from a Secret, and
// an external Redis over TLS; each service's own config loader reads the environment the chart gives it.

const SENTINELS = [0, 1, 2].map((i) => `argocd-redis-ha-server-${i}.argocd-redis-ha.argocd.svc:26379`).join(',');
const WORKLOADS = [
  ['StatefulSet', 'argocd-application-controller'],
  ['Deployment', 'argocd-server'],
  ['Deployment', 'argocd-repo-server'],
  ['Deployment', 'argocd-applicationset-controller'],
  ['Deployment', 'argocd-notifications-controller'],
] as const;

let hub: ChartHub;
beforeAll(async () => {
  hub = await startChartHub();
});
afterAll(() => hub?.stop());

const ci = (name: string) => ['-f', join(CI_VALUES, name)];

function envOf(objects: K8sObject[], kind: string, name: string): NodeJS.ProcessEnv {
  const [container] = podSpec(find(objects, kind, name)).containers;
  return { KUBERNETES_SERVICE_HOST: '10.96.0.1', ...containerEnv(objects, container, { name: `${name}-0`, namespace: 'argocd' }) };
}

describe('redis-ha.enabled', () => {
  it('runs a StatefulSet of three pods, each a redis-server and a Sentinel from redis-ha.image, behind a headless Service, instead of the single Redis', async () => {
    const objects = await hub.template('argocd', ci('redis-ha-values.yaml'));
    expect(objects.filter((o) => o.metadata.name === 'argocd-redis' && o.kind !== 'Secret')).toEqual([]);
    const sts = find(objects, 'StatefulSet', 'argocd-redis-ha-server');
    expect(sts.spec).toMatchObject({ replicas: 3, serviceName: 'argocd-redis-ha' });
    const pod = podSpec(sts) as ReturnType<typeof podSpec> & { initContainers: { image: string; command: string[] }[] };
    expect(pod.containers.map((c) => [c.name, c.image, c.ports?.[0].containerPort])).toEqual([
      ['redis', 'localhost/flotilla-redis:7', 6379],
      ['sentinel', 'localhost/flotilla-redis:7', 26379],
    ]);
    expect(pod.containers.map((c) => (c as { args?: string[] }).args)).toEqual([['/data/conf/redis.conf'], ['/data/conf/sentinel.conf', '--sentinel']]);
    expect(pod.initContainers.map((c) => c.command)).toEqual([['sh', '/readonly-config/init.sh']]);
    for (const c of pod.containers) expect(c.securityContext?.readOnlyRootFilesystem).toBe(true);
    expect(find(objects, 'Service', 'argocd-redis-ha').spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });

    // The init script announces the pod's stable name and asks the other Sentinels for the master.
    const config = find(objects, 'ConfigMap', 'argocd-redis-ha-configmap').data as Record<string, string>;
    expect(config['sentinel.conf']).toContain('sentinel announce-hostnames yes');
    expect(config['init.sh']).toContain('sentinel get-master-addr-by-name argocd');
    expect(config['init.sh']).toContain('echo "sentinel monitor argocd $master 6379 2"');
    execFileSync('sh', ['-n'], { input: config['init.sh'] });
    // Without redis-ha.image the chart's redis.image runs.
    const defaults = await hub.template('argocd', ['--set', 'redis-ha.enabled=true']);
    expect(podSpec(find(defaults, 'StatefulSet', 'argocd-redis-ha-server')).containers[0].image).toBe('docker.io/library/redis:7.4.2-alpine');
  });

  it('gives every Flotilla service the Sentinels, master argocd and the password from the Secret, which no argument, env value or ConfigMap holds', async () => {
    const objects = await hub.template('argocd', ci('redis-ha-values.yaml'));
    expect((find(objects, 'Secret', 'argocd-redis-ha').data as Record<string, string>).auth).toBe(Buffer.from('ha-s3cret').toString('base64'));
    for (const [kind, name] of WORKLOADS) {
      const env = podSpec(find(objects, kind, name)).containers[0].env ?? [];
      expect(env.find((e) => e.name === 'FLOTILLA_REDIS_SENTINELS')?.value).toBe(SENTINELS);
      expect(env.find((e) => e.name === 'FLOTILLA_REDIS_SENTINEL_MASTER')?.value).toBe('argocd');
      expect(env.find((e) => e.name === 'FLOTILLA_REDIS_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({ name: 'argocd-redis-ha', key: 'auth' });
    }
    expect(JSON.stringify(objects.filter((o) => o.kind !== 'Secret'))).not.toContain('ha-s3cret');
    expect(unusedKeys(await hub.notes('argocd', ci('redis-ha-values.yaml')))).toEqual([]);
  });

  it("starts each service's config loader on the rendered environment, connecting through the Sentinels with the password", async () => {
    const objects = await hub.template('argocd', ci('redis-ha-values.yaml'));
    const sentinels = SENTINELS.split(',').map((s) => ({ host: s.split(':')[0], port: 26379 }));
    const platform: RedisConfig[] = [
      loadApiServerConfig(envOf(objects, 'Deployment', 'argocd-server')),
      loadRepoServerConfig(envOf(objects, 'Deployment', 'argocd-repo-server')),
      loadNotifierConfig(envOf(objects, 'Deployment', 'argocd-notifications-controller')),
      loadAppControllerConfig(envOf(objects, 'StatefulSet', 'argocd-application-controller')).env,
      loadAppSetControllerConfig(envOf(objects, 'Deployment', 'argocd-applicationset-controller')).env,
    ];
    for (const config of platform) {
      expect(config).toMatchObject({ FLOTILLA_REDIS_SENTINELS: sentinels, FLOTILLA_REDIS_SENTINEL_MASTER: 'argocd', FLOTILLA_REDIS_PASSWORD: 'ha-s3cret' });
      expect(redisConnection(config).options).toMatchObject({ sentinels, name: 'argocd', password: 'ha-s3cret' });
    }
  });

  it('says in NOTES when an external Redis wins over it, and that no HAProxy runs', async () => {
    const external = await hub.notes('argocd', ['--set', 'redis-ha.enabled=true', '--set', 'externalRedis.host=redis.example.internal']);
    expect(external).toContain('redis-ha.enabled: externalRedis.host is set');
    const haproxy = await hub.notes('argocd', ['--set', 'redis-ha.enabled=true', '--set', 'redis-ha.haproxy.enabled=true']);
    expect(unusedKeys(haproxy)).toEqual(['redis-ha.haproxy.enabled']);
    expect(haproxy).toContain('redis-ha.haproxy: Flotilla');
  });

  it.each([
    [['--set', 'redis-ha.replicas=three'], 'redis-ha.replicas'],
    [['--set', 'redis-ha.sentinel.quorum=most'], 'redis-ha.sentinel.quorum'],
    [['--set', 'externalRedis.tls.enabled=maybe'], 'externalRedis.tls.enabled'],
  ])('%j fails helm install naming %s', async (args, key) => {
    const r = await hub.helm(['install', 'argocd', join(CI_VALUES, '..'), '--namespace', hub.namespace, '--dry-run=server', ...args]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`- ${key}:`);
  });

  it('refuses redis-ha.auth without a password or a Secret, naming the keys', async () => {
    const r = await hub.helm(['template', 'argocd', join(CI_VALUES, '..'), '--set', 'redis-ha.enabled=true', '--set', 'redis-ha.auth=true']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('redis-ha.auth: set redis-ha.redisPassword, or redis-ha.existingSecret');
  });
});

describe('externalRedis.tls', () => {
  it("connects with TLS, verifying Redis' certificate against the CA from its Secret, mounted read-only in every service", async () => {
    const objects = await hub.template('argocd', ci('external-redis-tls-values.yaml'));
    for (const [kind, name] of WORKLOADS) {
      const pod = podSpec(find(objects, kind, name));
      expect(pod.volumes).toContainEqual({ name: 'redis-tls-ca', secret: { secretName: 'my-redis-ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } });
      expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'redis-tls-ca', mountPath: '/etc/flotilla/redis-tls', readOnly: true });
    }
    const repo = loadRepoServerConfig(envOf(objects, 'Deployment', 'argocd-repo-server'));
    expect(repo).toMatchObject({ FLOTILLA_REDIS_URL: 'redis://redis.example.internal:6380', FLOTILLA_REDIS_TLS: true, FLOTILLA_REDIS_TLS_CA_FILE: '/etc/flotilla/redis-tls/ca.crt' });
    expect(() => redisConnection(repo)).toThrow(/^FLOTILLA_REDIS_TLS_CA_FILE: cannot read \/etc\/flotilla\/redis-tls\/ca\.crt/);
  });
});
