import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ChartHub, CHART, CI_VALUES, find, K8sObject, podSpec, startChartHub } from './chart.harness';

// global.networkPolicy lets in only what each component needs, and configs.ssh/tls/gpg are written
// in Argo CD's ConfigMaps, each mounted where the repo-server reads it.

const ALL_KEYS = ['-f', join(CI_VALUES, 'all-keys-values.yaml')];

interface Ingress {
  ports: { port: number }[];
  from?: { podSelector: { matchLabels: Record<string, string> } }[];
}
const ingressOf = (objects: K8sObject[], name: string): Ingress[] =>
  (find(objects, 'NetworkPolicy', name).spec as { ingress: Ingress[] }).ingress;
/** The container ports of a workload, by name. */
const portsOf = (objects: K8sObject[], kind: string, name: string): Record<string, number> =>
  Object.fromEntries(
    ((podSpec(find(objects, kind, name)).containers[0] as { ports?: { name: string; containerPort: number }[] }).ports ?? []).map((p) => [
      p.name,
      p.containerPort,
    ]),
  );
const fromOf = (rules: Ingress[], port: number) => rules.find((r) => r.ports[0].port === port)?.from?.map((f) => f.podSelector.matchLabels);

let hub: ChartHub;
beforeAll(async () => (hub = await startChartHub()));
afterAll(() => hub?.stop());

describe('global.networkPolicy', () => {
  it('opens the api-server and every metrics port to anyone, the repo-server to its three callers, Redis to this release', async () => {
    const objects = await hub.template('argocd', ALL_KEYS);
    expect(
      objects
        .filter((o) => o.kind === 'NetworkPolicy')
        .map((o) => o.metadata.name)
        .sort(),
    ).toEqual([
      'gitops-application-controller',
      'gitops-applicationset-controller',
      'gitops-default-deny-ingress',
      'gitops-notifications-controller',
      'gitops-redis',
      'gitops-repo-server',
      'gitops-server',
    ]);
    const serverPorts = portsOf(objects, 'Deployment', 'gitops-server');
    expect(ingressOf(objects, 'gitops-server').map((r) => [r.ports[0].port, r.from])).toEqual([
      [serverPorts.server, undefined],
      [serverPorts.metrics, undefined],
    ]);
    const repoPorts = portsOf(objects, 'Deployment', 'gitops-repo-server');
    const repo = ingressOf(objects, 'gitops-repo-server');
    expect(fromOf(repo, repoPorts.server)).toEqual(
      ['gitops-server', 'gitops-application-controller', 'gitops-applicationset-controller'].map((name) => ({
        'app.kubernetes.io/instance': 'argocd',
        'app.kubernetes.io/name': name,
      })),
    );
    // Each selector matches the pods of the Deployment or StatefulSet it names.
    for (const selector of fromOf(repo, repoPorts.server) ?? []) {
      const pods = objects.filter(
        (o) =>
          /Deployment|StatefulSet/.test(o.kind) &&
          Object.entries(selector).every(
            ([k, v]) => (o.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels[k] === v,
          ),
      );
      expect(pods).toHaveLength(1);
    }
    expect(repo.find((r) => r.ports[0].port === repoPorts.metrics)?.from).toBeUndefined();
    const controllerPorts = portsOf(objects, 'StatefulSet', 'gitops-application-controller');
    expect(ingressOf(objects, 'gitops-application-controller').map((r) => [r.ports[0].port, r.from])).toEqual([
      [controllerPorts.metrics, undefined],
    ]);
    expect(fromOf(ingressOf(objects, 'gitops-redis'), portsOf(objects, 'Deployment', 'gitops-redis').redis)).toEqual([
      { 'app.kubernetes.io/part-of': 'flotilla', 'app.kubernetes.io/instance': 'argocd' },
    ]);
    expect(find(objects, 'NetworkPolicy', 'gitops-default-deny-ingress').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
  });

  it("covers redis-ha's Redis and Sentinel ports, and the hub accepts the policies in a server-side dry run", async () => {
    const objects = await hub.template('argocd', [
      '--validate',
      '-f',
      join(CI_VALUES, 'redis-ha-values.yaml'),
      '--set',
      'global.networkPolicy.create=true',
    ]);
    const ha = ingressOf(objects, 'argocd-redis-ha');
    expect(ha.map((r) => r.ports[0].port).sort()).toEqual([26379, 6379]);
    for (const rule of ha)
      expect(rule.from).toEqual([
        { podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'flotilla', 'app.kubernetes.io/instance': 'argocd' } } },
      ]);
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
    const r = await hub.kubectl(
      ['apply', '--dry-run=server', '-n', hub.namespace, '-f', '-'],
      policies.map((o) => JSON.stringify(o)).join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toHaveLength(policies.length);
  });

  it('makes them by default, since ADR 0009, and none with create=false, as Argo CD\'s default', async () => {
    const names = (objects: { kind: string; metadata: { name: string } }[]) => objects.filter((o) => o.kind === 'NetworkPolicy').map((o) => o.metadata.name).sort();
    expect(names(await hub.template('argocd', []))).toEqual(['argocd-application-controller', 'argocd-applicationset-controller', 'argocd-notifications-controller', 'argocd-redis', 'argocd-repo-server', 'argocd-server']);
    expect(await hub.notes('argocd', [])).toContain('--set global.networkPolicy.create=false leaves all traffic open');
    const off = ['--set', 'global.networkPolicy.create=false'];
    expect(names(await hub.template('argocd', off))).toEqual([]);
    expect(await hub.notes('argocd', off)).not.toContain('NetworkPolicies');
  });
});

describe('configs.ssh, configs.tls, configs.gpg', () => {
  it('writes the known hosts to argocd-ssh-known-hosts-cm and mounts it where the repo-server reads it', async () => {
    const objects = await hub.template('argocd', ALL_KEYS);
    const hosts = (find(objects, 'ConfigMap', 'argocd-ssh-known-hosts-cm').data as Record<string, string>).ssh_known_hosts;
    expect(
      hosts
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ')[0]),
    ).toEqual(['github.com', 'git.example.com']);
    const pod = podSpec(find(objects, 'Deployment', 'gitops-repo-server'));
    const [container] = pod.containers;
    const file = container.env?.find((e) => e.name === 'FLOTILLA_SSH_KNOWN_HOSTS_FILE')?.value;
    expect(file).toBe('/app/config/ssh/ssh_known_hosts');
    expect(container.volumeMounts?.find((m) => m.name === 'ssh-known-hosts')?.mountPath).toBe('/app/config/ssh');
    expect((pod.volumes as { name: string; configMap?: { name: string } }[]).find((v) => v.name === 'ssh-known-hosts')?.configMap).toEqual({
      name: 'argocd-ssh-known-hosts-cm',
    });
    // The path Flotilla's repo-server looks at by default is the one Argo CD's mounts.
    expect(readFileSync(resolve(__dirname, '../../services/repo-server/src/repo-server.config.ts'), 'utf8')).toContain(`'${file}'`);
  });

  it('leaves ssh its own known hosts when none are set', async () => {
    const objects = await hub.template('argocd', []);
    expect(objects.filter((o) => o.metadata.name === 'argocd-ssh-known-hosts-cm')).toEqual([]);
    const [container] = podSpec(find(objects, 'Deployment', 'argocd-repo-server')).containers;
    expect(container.env?.some((e) => e.name === 'FLOTILLA_SSH_KNOWN_HOSTS_FILE')).toBe(false);
  });

  it('writes argocd-tls-certs-cm as Argo CD does and mounts it, optional, where the repo-server reads it', async () => {
    const objects = await hub.template('argocd', ALL_KEYS);
    expect(Object.keys(find(objects, 'ConfigMap', 'argocd-tls-certs-cm').data as object)).toEqual(['git.example.com']);
    expect(await hub.notes('argocd', ALL_KEYS)).not.toContain('configs.tls');
    // Mounted with or without certificates in values: a ConfigMap made outside the chart (argocd cert add-tls) is read too.
    for (const [values, deployment] of [[ALL_KEYS, 'gitops-repo-server'], [[], 'argocd-repo-server']] as const) {
      const pod = podSpec(find(await hub.template('argocd', [...values]), 'Deployment', deployment));
      const [container] = pod.containers;
      expect(container.env?.find((e) => e.name === 'FLOTILLA_TLS_DATA_PATH')?.value).toBe('/app/config/tls');
      expect(container.volumeMounts?.find((m) => m.name === 'tls-certs')).toEqual({ name: 'tls-certs', mountPath: '/app/config/tls', readOnly: true });
      expect((pod.volumes as { name: string; configMap?: { name: string } }[]).find((v) => v.name === 'tls-certs')?.configMap).toEqual({ name: 'argocd-tls-certs-cm', optional: true });
    }
    // The path Flotilla's repo-server looks at by default is the one Argo CD's mounts.
    expect(readFileSync(resolve(__dirname, '../../services/repo-server/src/tls/repo-tls.ts'), 'utf8')).toContain(`DEFAULT_TLS_DATA_PATH = '/app/config/tls'`);
    expect((await hub.template('argocd', [])).filter((o) => o.metadata.name === 'argocd-tls-certs-cm')).toEqual([]);
  });

  it('writes argocd-gpg-keys-cm as Argo CD does and mounts it, optional, where the repo-server imports it into a writable keyring', async () => {
    const objects = await hub.template('argocd', ALL_KEYS);
    expect(Object.keys(find(objects, 'ConfigMap', 'argocd-gpg-keys-cm').data as object)).toEqual(['4AEE18F83AFDEB23']);
    expect(await hub.notes('argocd', ALL_KEYS)).not.toContain('configs.gpg');
    // Mounted with or without keys in values: a ConfigMap made outside the chart (argocd gpg add) is read too.
    for (const [values, deployment] of [[ALL_KEYS, 'gitops-repo-server'], [[], 'argocd-repo-server']] as const) {
      const pod = podSpec(find(await hub.template('argocd', [...values]), 'Deployment', deployment));
      const [container] = pod.containers;
      const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
      expect(env).toMatchObject({ FLOTILLA_GPG_DATA_PATH: '/app/config/gpg/source', FLOTILLA_GNUPGHOME: '/app/config/gpg/keys' });
      expect(container.volumeMounts?.find((m) => m.name === 'gpg-keys')).toEqual({ name: 'gpg-keys', mountPath: '/app/config/gpg/source', readOnly: true });
      const volumes = pod.volumes ?? [];
      expect(volumes.find((v) => v.name === 'gpg-keys')?.configMap).toEqual({ name: 'argocd-gpg-keys-cm', optional: true });
      // The keyring is written at start and on every ConfigMap change; the root filesystem stays read-only.
      const keyring = container.volumeMounts?.find((m) => m.mountPath === '/app/config/gpg/keys');
      expect(keyring && !keyring.readOnly).toBe(true);
      expect(volumes.find((v) => v.name === keyring?.name)?.emptyDir).toBeDefined();
      expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
    }
    // The path Flotilla's repo-server looks at by default is the one Argo CD's mounts.
    expect(readFileSync(resolve(__dirname, '../../services/repo-server/src/repo-server.config.ts'), 'utf8')).toContain(`ARGOCD_GPG_DATA_PATH = '/app/config/gpg/source'`);
    const none = await hub.template('argocd', []);
    expect(none.filter((o) => /argocd-(tls-certs|gpg-keys)-cm/.test(o.metadata.name))).toEqual([]);
  });

  it.each([
    [['--set', 'configs.tls.certificates=pem'], 'configs.tls.certificates'],
    [['--set', 'configs.gpg.keys=key'], 'configs.gpg.keys'],
    [['--set', 'configs.ssh.create=maybe'], 'configs.ssh.create'],
    [['--set', 'global.networkPolicy.create=maybe'], 'global.networkPolicy.create'],
  ])('%j fails helm install naming %s', async (args, key) => {
    const r = await hub.helm(['install', 'argocd', CHART, '--namespace', hub.namespace, '--dry-run=server', ...args]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`- ${key}:`);
  });
});
