import type { ApplicationSet, ApplicationSetTemplate } from '@flotilla/api-types';
import { asStoredSecret } from '../testdata/testdata.fixture';
import { renderFastTemplate } from '../template/fast-template.renderer';
import { flattenParams, transformEntry } from './generator-entry.transform';
import { generatorRegistry } from './generator.registry';
import type { GeneratorContext, GeneratorEntry } from './generator.types';

const base: ApplicationSetTemplate = {
  metadata: { name: '{{cluster}}-app', labels: { team: 'a' } },
  spec: {
    project: 'default',
    source: { repoURL: 'https://git/x', path: 'base', targetRevision: 'main' },
    destination: { server: '{{url}}', namespace: 'app' },
  },
};
const secrets = ['dev', 'prod'].map((n) =>
  asStoredSecret({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: n, labels: { env: n } },
    stringData: { name: n, server: `https://${n}` },
  }),
);
const ctx = (goTemplate = false): GeneratorContext => ({
  appSet: {
    metadata: { name: 'a', namespace: 'argocd' },
    spec: { goTemplate, generators: [], template: base },
  } as unknown as ApplicationSet,
  clusterSecrets: secrets,
  renderString: renderFastTemplate,
  repository: (url) => Promise.resolve({ repo: url }),
});
const run = (entry: GeneratorEntry, goTemplate = false) => transformEntry(entry, generatorRegistry(), base, ctx(goTemplate));
const elements = [
  { cluster: 'dev', url: 'https://dev', env: 'dev' },
  { cluster: 'prod', url: 'https://prod', env: 'prod' },
];

describe('transformEntry', () => {
  it('uses the ApplicationSet template when the generator has none', async () => {
    const [result] = await run({ list: { elements } });
    expect(result.template).toEqual(base);
    expect(result.params).toEqual(elements);
  });

  it('merges the generator’s template over the ApplicationSet’s, field by field', async () => {
    const override = {
      metadata: { name: 'override-{{cluster}}' },
      spec: { source: { path: 'overlays/{{cluster}}' } },
    } as Partial<ApplicationSetTemplate>;
    const [result] = await run({ list: { elements, template: override as ApplicationSetTemplate } });
    expect(result.template.metadata).toEqual({ name: 'override-{{cluster}}', labels: { team: 'a' } });
    expect(result.template.spec.source).toEqual({ repoURL: 'https://git/x', path: 'overlays/{{cluster}}', targetRevision: 'main' });
    expect(result.template.spec.destination).toEqual(base.spec.destination);
  });

  it.each([
    ['matchLabels on a parameter', { matchLabels: { env: 'prod' } }, ['prod']],
    ['matchExpressions on a parameter', { matchExpressions: [{ key: 'cluster', operator: 'NotIn' as const, values: ['prod'] }] }, ['dev']],
    ['values that are not label-shaped (URLs)', { matchLabels: { url: 'https://dev' } }, ['dev']],
  ])('post-filters parameters with the entry selector: %s', async (_case, selector, clusters) => {
    expect((await run({ list: { elements }, selector }))[0].params.map((p) => p.cluster)).toEqual(clusters);
  });

  it('matches the selector against nested goTemplate parameters, flattened', async () => {
    const [result] = await run({ clusters: {}, selector: { matchLabels: { 'metadata.labels.env': 'dev' } } }, true);
    expect(result.params.map((p) => p.name)).toEqual(['dev']);
  });

  it('fails on a generator the registry does not offer', async () => {
    const withoutPlugin = new Map([...generatorRegistry()].filter(([key]) => key !== 'plugin'));
    await expect(transformEntry({ plugin: { configMapRef: { name: 'x' } } }, withoutPlugin, base, ctx())).rejects.toThrow(
      'the plugin generator is not supported by Flotilla yet',
    );
  });

  it('yields nothing for an entry that names no generator', async () => {
    expect(await run({})).toEqual([]);
  });
});

describe('matrix generator', () => {
  it('combines every cluster with every element, and the second child sees the first’s parameters', async () => {
    const entry = {
      matrix: { generators: [{ clusters: {} }, { list: { elements: [{ svc: 'api', path: '{{name}}/api' }] } }] },
    } as GeneratorEntry;
    const [result] = await run(entry);
    expect(result.params.map((p) => [p.name, p.svc, p.path])).toEqual([
      ['dev', 'api', 'dev/api'],
      ['prod', 'api', 'prod/api'],
      ['in-cluster', 'api', 'in-cluster/api'],
    ]);
  });

  it('rejects conflicting values for the same key (fasttemplate)', async () => {
    const entry = {
      matrix: { generators: [{ list: { elements: [{ a: '1' }] } }, { list: { elements: [{ a: '2' }] } }] },
    } as GeneratorEntry;
    await expect(run(entry)).rejects.toThrow(/found duplicate key a with different value, a: 1 ,b: 2/);
  });

  it.each([
    ['one child', [{ list: { elements: [] } }], /less than two generators/],
    ['three children', [{ list: {} }, { list: {} }, { list: {} }], /more than two generators/],
    [
      'a failing child',
      [{ list: { elements: [{ a: 'x' }] } }, { plugin: {} }],
      /second generator.*plugin generator needs the ApplicationSet’s namespace/,
    ],
  ])('rejects %s', async (_case, generators, message) => {
    await expect(run({ matrix: { generators } })).rejects.toThrow(message);
  });

  it('nests one matrix inside another', async () => {
    const inner = { matrix: { generators: [{ list: { elements: [{ b: '1' }, { b: '2' }] } }, { list: { elements: [{ c: 'x' }] } }] } };
    const entry = { matrix: { generators: [{ list: { elements: [{ a: 'A' }] } }, inner] } } as GeneratorEntry;
    expect((await run(entry))[0].params).toEqual([
      { a: 'A', b: '1', c: 'x' },
      { a: 'A', b: '2', c: 'x' },
    ]);
  });
});

describe('flattenParams', () => {
  it('flattens maps and lists to dotted keys with Go %v strings', () => {
    expect(flattenParams({ a: { b: 'x', n: 2, t: true }, l: ['p', 'q'], z: null })).toEqual({
      'a.b': 'x',
      'a.n': '2',
      'a.t': 'true',
      'l.0': 'p',
      'l.1': 'q',
      z: '<nil>',
    });
  });
});
