import { loadApiServerConfig } from '@flotilla/api-server/src/api-server.config';
import { loadAppControllerConfig } from '@flotilla/app-controller/src/app-controller.config';
import { loadAppSetControllerConfig } from '@flotilla/appset-controller/src/appset-controller.config';
import { loadNotifierConfig } from '@flotilla/notifier/src/notifier.config';
import { loadRepoServerConfig } from '@flotilla/repo-server/src/repo-server.config';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { CHART, CI_VALUES, containerEnv, find, K8sObject, manifests, podSpec, seed000Values } from './chart.harness';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

// What each service reads from the environment the chart gives its pod, resolved as the kubelet
// resolves it (argocd-cmd-params-cm keys, Secrets, the pod's own name) and parsed by the service's
// own config loader: a value the chart wires wrongly stops the service at start, so it fails here.

const HELM = join(__dirname, '../../.tools/bin/helm');
const render = (valueArgs: string[]): K8sObject[] =>
  manifests(
    execFileSync(HELM, ['template', 'argocd', CHART, '--namespace', 'argocd', ...valueArgs], {
      encoding: 'utf8',
      env: { ...process.env, HOME: tmpdir() },
    }),
  );

function envOf(objects: K8sObject[], kind: string, name: string, podName = `${name}-0`): NodeJS.ProcessEnv {
  const [container] = podSpec(find(objects, kind, name)).containers;
  // In a pod, KUBERNETES_SERVICE_HOST is what makes the services use their ServiceAccount.
  return { KUBERNETES_SERVICE_HOST: '10.96.0.1', ...containerEnv(objects, container, { name: podName, namespace: 'argocd' }) };
}

describe('the environment the chart gives each service', () => {
  it('starts every service with the default values: in-cluster, the Redis and repo-server it installs, its ops port', () => {
    const objects = render([]);
    const api = loadApiServerConfig(envOf(objects, 'Deployment', 'argocd-server'));
    expect(api).toMatchObject({
      FLOTILLA_NAMESPACE: 'argocd',
      FLOTILLA_REDIS_URL: 'redis://argocd-redis:6379',
      FLOTILLA_REPO_SERVER: 'dns:///argocd-repo-server-headless:8081',
      FLOTILLA_API_PORT: 8080,
      FLOTILLA_OPS_PORT: 8083,
      FLOTILLA_INSTALL_CRDS: true,
      FLOTILLA_LOG_LEVEL: 'info',
    });

    const controller = loadAppControllerConfig(envOf(objects, 'StatefulSet', 'argocd-application-controller'));
    expect(controller).toMatchObject({
      namespace: 'argocd',
      hub: { kind: 'in-cluster' },
      opsPort: 8082,
      repoServer: 'dns:///argocd-repo-server-headless:8081',
      replicaId: 'argocd-application-controller-0',
      shardingAlgorithm: 'consistent-hashing',
    });

    const repo = loadRepoServerConfig(envOf(objects, 'Deployment', 'argocd-repo-server'));
    expect(repo).toMatchObject({
      FLOTILLA_REPO_SERVER_PORT: 8081,
      FLOTILLA_REPO_SERVER_OPS_PORT: 8084,
      FLOTILLA_REPO_CACHE_DIR: '/var/cache/flotilla/repos',
      FLOTILLA_REDIS_URL: 'redis://argocd-redis:6379',
    });

    const appset = loadAppSetControllerConfig(envOf(objects, 'Deployment', 'argocd-applicationset-controller'));
    expect(appset).toMatchObject({ namespace: 'argocd', opsPort: 8080, repoServer: 'dns:///argocd-repo-server-headless:8081', newGitFileGlobbing: false });

    const notifier = loadNotifierConfig(envOf(objects, 'Deployment', 'argocd-notifications-controller'));
    expect(notifier).toMatchObject({
      FLOTILLA_NAMESPACE: 'argocd',
      FLOTILLA_OPS_PORT: 9001,
      FLOTILLA_REDIS_URL: 'redis://argocd-redis:6379',
    });
  });

  it("gives the controller seed 000's processors from configs.params", () => {
    const dir = mkdtempSync(join(tmpdir(), 'flotilla-chart-env-'));
    writeFileSync(join(dir, 'values.yaml'), seed000Values());
    const controller = loadAppControllerConfig(
      envOf(render(['-f', join(dir, 'values.yaml')]), 'StatefulSet', 'argocd-application-controller'),
    );
    expect(controller).toMatchObject({ concurrency: 50, operationConcurrency: 25 });
  });

  it("mounts controller.resourceCustomizations.volume read-only where FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR points, in the controller and the api-server, and nothing by default", () => {
    const volume = 'controller.resourceCustomizations.volume.configMap';
    const objects = render(['--set', `${volume}.name=team-scripts`, '--set', `${volume}.items[0].key=w.lua`, '--set', `${volume}.items[0].path=example.com/Widget/health.lua`]);
    expect(loadAppControllerConfig(envOf(objects, 'StatefulSet', 'argocd-application-controller')).resourceCustomizationsDir).toBe('/app/config/resource-customizations');
    const pod = podSpec(find(objects, 'StatefulSet', 'argocd-application-controller'));
    expect(pod.volumes).toContainEqual({ name: 'resource-customizations', configMap: { name: 'team-scripts', items: [{ key: 'w.lua', path: 'example.com/Widget/health.lua' }] } });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'resource-customizations', mountPath: '/app/config/resource-customizations', readOnly: true });
    // The api-server mounts the same library, whose actions it lists and runs.
    expect(loadApiServerConfig(envOf(objects, 'Deployment', 'argocd-server')).FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR).toBe('/app/config/resource-customizations');
    expect(podSpec(find(objects, 'Deployment', 'argocd-server')).containers[0].volumeMounts).toContainEqual({ name: 'resource-customizations', mountPath: '/app/config/resource-customizations', readOnly: true });
    const defaults = render([]);
    expect(loadAppControllerConfig(envOf(defaults, 'StatefulSet', 'argocd-application-controller')).resourceCustomizationsDir).toBeUndefined();
    expect(loadApiServerConfig(envOf(defaults, 'Deployment', 'argocd-server')).FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR).toBeUndefined();
    expect(podSpec(find(defaults, 'StatefulSet', 'argocd-application-controller')).volumes).not.toContainEqual(expect.objectContaining({ name: 'resource-customizations' }));
  });

  it('reads every argocd-cmd-params-cm key the chart wires, and the ports, from the every-key values', () => {
    const objects = render(['-f', join(CI_VALUES, 'all-keys-values.yaml')]);
    const controller = loadAppControllerConfig(envOf(objects, 'StatefulSet', 'gitops-application-controller'));
    expect(controller).toMatchObject({
      opsPort: 8092,
      concurrency: 30,
      operationConcurrency: 15,
      selfHealMs: 10_000,
      jqTimeoutMs: 2000,
      shardingAlgorithm: 'round-robin',
      repoServer: 'dns:///gitops-repo-server-headless:8091',
    });
    expect(controller.env.FLOTILLA_LOG_LEVEL).toBe('warn');
    expect(loadRepoServerConfig(envOf(objects, 'Deployment', 'gitops-repo-server'))).toMatchObject({
      FLOTILLA_REPO_PARALLELISM_LIMIT: 4,
      FLOTILLA_REPO_SERVER_PORT: 8091,
      FLOTILLA_REPO_SERVER_OPS_PORT: 8094,
    });
    expect(loadAppSetControllerConfig(envOf(objects, 'Deployment', 'gitops-applicationset-controller'))).toMatchObject({
      newGitFileGlobbing: true,
      opsPort: 8095,
    });
    expect(loadNotifierConfig(envOf(objects, 'Deployment', 'gitops-notifications-controller'))).toMatchObject({
      FLOTILLA_LOG_LEVEL: 'error',
      FLOTILLA_OPS_PORT: 9002,
    });
    expect(loadApiServerConfig(envOf(objects, 'Deployment', 'gitops-server'))).toMatchObject({
      FLOTILLA_API_PORT: 8090,
      FLOTILLA_OPS_PORT: 8093,
      FLOTILLA_REDIS_URL: 'redis://gitops-redis:6381',
    });
  });

  it('connects to an external Redis with the user and password from its Secret, as FLOTILLA_REDIS_USERNAME/_PASSWORD', () => {
    const objects = render(['-f', join(CI_VALUES, 'external-redis-values.yaml')]);
    for (const [kind, name] of [
      ['Deployment', 'argocd-server'],
      ['StatefulSet', 'argocd-application-controller'],
      ['Deployment', 'argocd-repo-server'],
    ])
      expect(envOf(objects, kind, name)).toMatchObject({ FLOTILLA_REDIS_URL: 'redis://redis.example.internal:6380', FLOTILLA_REDIS_USERNAME: 'flotilla', FLOTILLA_REDIS_PASSWORD: 's3cret' });
    expect(loadNotifierConfig(envOf(objects, 'Deployment', 'argocd-notifications-controller'))).toMatchObject({
      FLOTILLA_REDIS_URL: 'redis://redis.example.internal:6380',
      FLOTILLA_REDIS_USERNAME: 'flotilla',
      FLOTILLA_REDIS_PASSWORD: 's3cret',
    });
  });

  it('gives every service global.otlp.endpoint as OTEL_EXPORTER_OTLP_ENDPOINT, and none without it', () => {
    const workloads: [string, string, (env: NodeJS.ProcessEnv) => unknown][] = [
      ['Deployment', 'argocd-server', loadApiServerConfig],
      ['StatefulSet', 'argocd-application-controller', loadAppControllerConfig],
      ['Deployment', 'argocd-repo-server', loadRepoServerConfig],
      ['Deployment', 'argocd-applicationset-controller', loadAppSetControllerConfig],
      ['Deployment', 'argocd-notifications-controller', loadNotifierConfig],
    ];
    const traced = render(['--set', 'global.otlp.endpoint=http://otel-collector.observability:4318']);
    const untraced = render([]);
    for (const [kind, name, load] of workloads) {
      const env = envOf(traced, kind, name);
      expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel-collector.observability:4318');
      // The service's own config loader takes it (a URL; Argo CD's host:port would stop it at start).
      expect(() => load(env)).not.toThrow();
      expect(envOf(untraced, kind, name).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    }
  });
});
