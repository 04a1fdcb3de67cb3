import type { ApplicationSet, KubeObject } from '@flotilla/api-types';
import { asStoredSecret } from '../testdata/testdata.fixture';
import { renderFastTemplate } from '../template/fast-template.renderer';
import { ClustersGenerator } from './clusters.generator';
import type { GeneratorContext, GeneratorEntry } from './generator.types';

const secret = (
  name: string,
  server: string,
  labels: Record<string, string> = {},
  extra: Record<string, string> = {},
  annotations?: Record<string, string>,
): KubeObject =>
  asStoredSecret({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: `cluster-${name}`,
      namespace: 'argocd',
      labels: { 'argocd.argoproj.io/secret-type': 'cluster', ...labels },
      annotations,
    },
    stringData: { name, server, config: '{}', ...extra },
  });

const fleet = [
  secret('Dev_Cluster', 'https://dev', { env: 'dev' }, {}, { owner: 'team-a' }),
  secret('prod', 'https://prod', { env: 'prod', tier: 'gold' }, { project: 'platform' }),
];
const ctx = (clusterSecrets: KubeObject[], goTemplate = false): GeneratorContext => ({
  appSet: { metadata: { name: 'a', namespace: 'argocd' }, spec: { goTemplate, generators: [], template: {} } } as unknown as ApplicationSet,
  clusterSecrets,
  renderString: renderFastTemplate,
  repository: (url) => Promise.resolve({ repo: url }),
});
const gen = new ClustersGenerator();
const run = (clusters: GeneratorEntry['clusters'], secrets = fleet, goTemplate = false) =>
  gen.generateParams({ clusters }, ctx(secrets, goTemplate));
const hub = { name: 'in-cluster', nameNormalized: 'in-cluster', server: 'https://kubernetes.default.svc', project: '' };

describe('ClustersGenerator', () => {
  it('gives each cluster Secret name, nameNormalized, server, project and its labels and annotations', () => {
    expect(run({ selector: { matchLabels: { env: 'dev' } } })).toEqual([
      {
        name: 'Dev_Cluster',
        nameNormalized: 'dev-cluster',
        server: 'https://dev',
        project: '',
        'metadata.labels.argocd.argoproj.io/secret-type': 'cluster',
        'metadata.labels.env': 'dev',
        'metadata.annotations.owner': 'team-a',
      },
    ]);
  });

  it('nests metadata for goTemplate', () => {
    expect(run({ selector: { matchLabels: { env: 'prod' } } }, fleet, true)).toEqual([
      {
        name: 'prod',
        nameNormalized: 'prod',
        server: 'https://prod',
        project: 'platform',
        metadata: { labels: { 'argocd.argoproj.io/secret-type': 'cluster', env: 'prod', tier: 'gold' } },
      },
    ]);
  });

  it.each([
    ['no selector: every Secret, then the hub', undefined, ['Dev_Cluster', 'prod', 'in-cluster']],
    ['an empty selector is no selector', {}, ['Dev_Cluster', 'prod', 'in-cluster']],
    ['matchLabels leaves the hub out', { matchLabels: { env: 'prod' } }, ['prod']],
    ['In', { matchExpressions: [{ key: 'env', operator: 'In' as const, values: ['dev', 'prod'] }] }, ['Dev_Cluster', 'prod']],
    [
      'NotIn matches Secrets without the label too',
      { matchExpressions: [{ key: 'tier', operator: 'NotIn' as const, values: ['gold'] }] },
      ['Dev_Cluster'],
    ],
    ['Exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' as const }] }, ['prod']],
    ['DoesNotExist', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' as const }] }, ['Dev_Cluster']],
    ['nothing matches', { matchLabels: { env: 'qa' } }, []],
  ])('%s', (_case, selector, names) => {
    expect(run({ selector }).map((p) => p.name)).toEqual(names);
  });

  it('does not add the hub again when a Secret already describes it', () => {
    const withHub = [...fleet, secret('in-cluster', 'https://kubernetes.default.svc', { env: 'hub' })];
    expect(run({}, withHub).map((p) => p.name)).toEqual(['Dev_Cluster', 'prod', 'in-cluster']);
  });

  it('keeps one Secret per cluster name, the later one', () => {
    const dup = [...fleet, secret('prod', 'https://prod-2', { env: 'prod' })];
    expect(run({ selector: { matchLabels: { env: 'prod' } } }, dup).map((p) => p.server)).toEqual(['https://prod-2']);
  });

  it('renders values against the cluster’s own parameters', () => {
    const params = run({
      selector: { matchLabels: { env: 'prod' } },
      values: { release: '{{name}}-stack', fixed: 'x', unknown: '{{nope}}' },
    });
    expect(params[0]).toMatchObject({ 'values.release': 'prod-stack', 'values.fixed': 'x', 'values.unknown': '{{nope}}' });
    expect(run({ values: { r: '{{server}}' } }).at(-1)).toEqual({ ...hub, 'values.r': 'https://kubernetes.default.svc' });
  });

  it('returns all clusters as one parameter set with flatList', () => {
    expect(run({ selector: { matchLabels: { env: 'prod' } }, flatList: true }, fleet, true)).toEqual([
      { clusters: [expect.objectContaining({ name: 'prod' })] },
    ]);
  });

  it('rejects a malformed selector', () => {
    expect(() => run({ selector: { matchExpressions: [{ key: 'env', operator: 'In', values: [] }] } })).toThrow(
      /values set can't be empty/,
    );
    expect(() => run({ selector: { matchExpressions: [{ key: 'env', operator: 'Like' as never }] } })).toThrow(
      /"Like" is not a valid label selector operator/,
    );
  });
});
