import { IN_CLUSTER_SERVER, RESOURCES_FINALIZER } from '@flotilla/api-types';
import { generatorRegistry } from '../generators/generator.registry';
import { loadAppSet, loadClusterSecrets } from '../testdata/testdata.fixture';
import { generateApplications, renderApplication } from './applications.renderer';
import { renderFastTemplate } from './fast-template.renderer';

const registry = generatorRegistry();
const clusters = loadClusterSecrets();

const generate = (file: string) => generateApplications(loadAppSet(`seeds/${file}`), registry, clusters);
const byName = (result: Awaited<ReturnType<typeof generate>>) => {
  if (!result.ok) throw new Error(`generation failed: ${result.message}`);
  return Object.fromEntries(result.applications.map((a) => [a.metadata.name, a]));
};

// Every ApplicationSet in /work/shared/seeds, with the Applications Argo CD would generate for the
// fleet in testdata/seed-clusters.yaml.
describe('the seed articles’ ApplicationSets', () => {
  const cases: { file: string; names: string[]; check?: (apps: Record<string, any>) => void }[] = [
    {
      file: '000-monitoring-stack.yaml',
      names: ['monitoring-prod-eu', 'monitoring-prod-us-west'],
      check: (apps) => {
        expect(apps['monitoring-prod-us-west'].spec.destination).toEqual({
          server: 'https://prod-us-west.example.com:6443',
          namespace: 'monitoring',
        });
        expect(apps['monitoring-prod-us-west'].metadata.labels).toEqual({ 'app-type': 'monitoring' });
        expect(apps['monitoring-prod-eu'].metadata.finalizers).toEqual([RESOURCES_FINALIZER]);
      },
    },
    {
      file: '000-microservices-matrix.yaml',
      names: [
        'api-gateway-prod-eu',
        'api-gateway-prod-us-west',
        'order-service-prod-eu',
        'order-service-prod-us-west',
        'user-service-prod-eu',
        'user-service-prod-us-west',
      ],
      check: (apps) => {
        expect(apps['user-service-prod-eu'].spec.source.path).toBe('services/user-service/overlays/production');
        expect(apps['user-service-prod-eu'].spec.destination).toEqual({ server: 'https://prod-eu.example.com:6443', namespace: 'users' });
      },
    },
    {
      file: '000-argocd-instances.yaml',
      names: ['argocd-prod-us-west'],
      check: (apps) => expect(apps['argocd-prod-us-west'].spec.source.helm.valueFiles).toEqual(['values.yaml', 'values-production.yaml']),
    },
    {
      file: '000-sequential-deploy.yaml',
      names: ['myapp-dev', 'myapp-prod-eu', 'myapp-prod-us', 'myapp-staging'],
      check: (apps) => {
        expect(apps['myapp-prod-us'].metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '3' });
        expect(apps['myapp-prod-us'].spec.source.path).toBe('overlays/prod-us');
        expect(apps['myapp-dev'].spec.destination.server).toBe('https://dev.example.com');
      },
    },
    {
      file: '001-agent-all-clusters.yaml',
      names: ['agent-dr', 'agent-in-cluster', 'agent-prod', 'agent-prod-eu', 'agent-prod-us-west', 'agent-staging'],
      check: (apps) => {
        expect(apps['agent-in-cluster'].spec.destination.server).toBe(IN_CLUSTER_SERVER);
        expect(apps['agent-staging'].metadata.namespace).toBe('argocd');
      },
    },
    {
      file: '001-agent-helm-values.yaml',
      names: ['agent-dr', 'agent-prod', 'agent-staging'],
      check: (apps) => expect(apps['agent-prod'].spec.source.helm.values).toBe('replicas: "{{replicas}}"\nenvironment: "prod"\n'),
    },
    {
      file: '001-agent-value-files.yaml',
      names: ['agent-dr', 'agent-prod', 'agent-staging'],
      check: (apps) => expect(apps['agent-dr'].spec.source.helm.valueFiles).toEqual(['values.yaml', 'values-dr.yaml']),
    },
    {
      file: '001-agent-production.yaml',
      names: ['agent-dr', 'agent-prod', 'agent-staging'],
      check: (apps) => {
        expect(apps['agent-staging'].spec.source.helm).toEqual({
          releaseName: 'agent-staging',
          values: 'cluster: "staging"\nenvironment: "staging"\n',
          valueFiles: ['values.yaml', 'values-staging.yaml'],
        });
        expect(apps['agent-staging'].spec.syncPolicy.retry).toEqual({
          limit: 5,
          backoff: { duration: '5s', factor: 2, maxDuration: '3m' },
        });
        expect(apps['agent-staging'].metadata.finalizers).toEqual([RESOURCES_FINALIZER]);
      },
    },
    {
      file: '002-prometheus-stack.yaml',
      names: ['prometheus-prod-eu', 'prometheus-prod-us-west'],
      check: (apps) => {
        expect(apps['prometheus-prod-eu'].spec.source.path).toBe('clusters/eu-west/prometheus');
        expect(apps['prometheus-prod-eu'].spec.source.helm).toEqual({
          releaseName: 'kube-prometheus',
          valueFiles: ['values.yaml', 'values-production.yaml'],
        });
      },
    },
    {
      file: '002-microservices-matrix.yaml',
      names: [
        'notification-service-prod-eu',
        'notification-service-prod-us-west',
        'order-service-prod-eu',
        'order-service-prod-us-west',
        'payment-service-prod-eu',
        'payment-service-prod-us-west',
      ],
      check: (apps) => {
        expect(apps['payment-service-prod-eu'].spec.source.helm.parameters).toEqual([
          { name: 'replicaCount', value: '2' },
          { name: 'resources.requests.memory', value: '1Gi' },
        ]);
        expect(apps['payment-service-prod-eu'].spec.destination).toEqual({
          server: 'https://prod-eu.example.com:6443',
          namespace: 'payment-service',
        });
        expect(apps['payment-service-prod-eu'].metadata.annotations).toEqual({
          'notifications.argoproj.io/subscribe.on-sync-failed.slack': 'deploy-alerts',
        });
      },
    },
  ];

  it.each(cases)('$file', async ({ file, names, check }) => {
    const apps = byName(await generate(file));
    expect(Object.keys(apps).sort()).toEqual(names);
    check?.(apps);
  });

  // The seed run against a GitHub is services/appset-controller/src/pull-request.integration.spec.ts.
  it('000-preview-environments.yaml needs its token Secret, which a renderer without the namespace cannot read', async () => {
    expect(await generate('000-preview-environments.yaml')).toEqual({
      ok: false,
      reason: 'ApplicationGenerationFromParamsError',
      message: 'error listing repos: cannot read secret "github-token": no access to the ApplicationSet\'s namespace',
      generator: { index: 0, keys: ['pullRequest'] },
    });
  });
});

describe('renderApplication', () => {
  const appSet = (spec: object = {}) =>
    ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name: 's', namespace: 'team-ns' },
      spec: { generators: [], template: {}, ...spec },
    }) as any;
  const template = {
    metadata: { name: 'app-{{name}}', namespace: 'elsewhere', annotations: { 'example.com/{{name}}': '{{ name }}' } },
    spec: {
      project: 'default',
      source: { repoURL: 'https://git/{{name}}', helm: { valuesObject: { replicas: 2, enabled: true, keep: null, name: '{{name}}' } } },
      destination: { server: '{{server}}' },
    },
  } as any;
  const params = { name: 'dev', server: 'https://dev' };

  it('renders strings and map keys, keeps numbers and booleans, drops nulls, and lives in the ApplicationSet’s namespace', () => {
    const app = renderApplication(appSet(), template, params, renderFastTemplate);
    expect(app.metadata).toEqual({
      name: 'app-dev',
      namespace: 'team-ns',
      annotations: { 'example.com/dev': 'dev' },
      finalizers: [RESOURCES_FINALIZER],
    });
    expect(app.spec.source?.helm).toEqual({ valuesObject: { replicas: 2, enabled: true, name: 'dev' } });
    expect(template.metadata.name).toBe('app-{{name}}');
  });

  it.each([
    ['preserveResourcesOnDeletion adds no finalizer', { syncPolicy: { preserveResourcesOnDeletion: true } }, undefined, undefined],
    ['template finalizers are kept as they are', {}, ['custom'], ['custom']],
  ])('%s', (_case, spec, finalizers, expected) => {
    const app = renderApplication(
      appSet(spec),
      { ...template, metadata: { ...template.metadata, finalizers } },
      params,
      renderFastTemplate,
    );
    expect(app.metadata.finalizers).toEqual(expected);
  });

  it('leaves the template untouched for an empty parameter set, as Argo does', () => {
    const app = renderApplication(appSet(), template, {}, renderFastTemplate);
    expect(app.metadata.name).toBe('app-{{name}}');
    expect(app.metadata.finalizers).toBeUndefined();
  });

  it('applies templatePatch, rendered with the parameters, but never changes the project', () => {
    const patch = 'spec:\n  project: hacked\n  source:\n    path: "overlays/{{name}}"\nmetadata:\n  labels:\n    env: "{{name}}"\n';
    const app = renderApplication(appSet({ templatePatch: patch }), template, params, renderFastTemplate);
    expect(app.spec.project).toBe('default');
    expect(app.spec.source).toMatchObject({ repoURL: 'https://git/dev', path: 'overlays/dev' });
    expect(app.metadata.labels).toEqual({ env: 'dev' });
  });

  it('reports an unrenderable template as RenderTemplateParamsError', async () => {
    const set = appSet({
      generators: [{ list: { elements: [{ name: 'x' }] } }],
      template: { metadata: { name: '{{name}} {{broken' }, spec: template.spec },
    });
    expect(await generateApplications(set, registry, [])).toEqual({
      ok: false,
      reason: 'RenderTemplateParamsError',
      message: expect.stringMatching(/cannot find end tag/),
      generator: { index: 0, keys: ['list'] },
    });
  });
});

describe('generateApplications with maxApplications', () => {
  const elements = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i}` }));
  const appSet = (generators: object[]) =>
    ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name: 's', namespace: 'argocd' },
      spec: {
        generators,
        template: { metadata: { name: '{{name}}' }, spec: { project: 'default', destination: { server: 'https://kubernetes.default.svc' } } },
      },
    }) as any;

  it('refuses a matrix whose product passes the bound before building it, naming the entry', async () => {
    const matrix = { matrix: { generators: [{ list: { elements: elements('a', 1000) } }, { list: { elements: [{ env: 'x' }, { env: 'y' }, { env: 'z' }] } }] } };
    expect(await generateApplications(appSet([{ list: { elements: [{ name: 'one' }] } }, matrix]), registry, [], undefined, undefined, 2500)).toEqual({
      ok: false,
      reason: 'ApplicationGenerationFromParamsError',
      message: expect.stringMatching(/the matrix generator would produce more than 2500 parameter sets$/),
      generator: { index: 1, keys: ['matrix'] },
    });
  });

  it('counts the Applications of every entry together, and lets exactly the bound through', async () => {
    const set = appSet([{ list: { elements: elements('a', 3) } }, { list: { elements: elements('b', 2) } }]);
    const within = await generateApplications(set, registry, [], undefined, undefined, 5);
    expect(within.ok && within.applications.map((a) => a.metadata.name)).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
    expect(await generateApplications(set, registry, [], undefined, undefined, 4)).toEqual({
      ok: false,
      reason: 'ApplicationGenerationFromParamsError',
      message: 'the ApplicationSet would generate more than 4 Applications',
      generator: { index: 1, keys: ['list'] },
    });
  });
});
