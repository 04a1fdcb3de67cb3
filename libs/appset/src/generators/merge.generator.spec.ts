import type { ApplicationSet } from '@flotilla/api-types';
import { asStoredSecret } from '../testdata/testdata.fixture';
import { perStringRenderer } from '../template/string.renderer';
import { transformEntry } from './generator-entry.transform';
import { generatorRegistry } from './generator.registry';
import type { GeneratorContext, GeneratorEntry } from './generator.types';

const secret = (name: string, server: string, labels: Record<string, string> = {}) =>
  asStoredSecret({ apiVersion: 'v1', kind: 'Secret', metadata: { name, labels }, stringData: { name, server } });
const secrets = [secret('staging', 'https://1.2.3.4', { 'use-kafka': 'false' }), secret('production', 'https://2.4.6.8')];
const ctx = (goTemplate: boolean): GeneratorContext => {
  const spec = { goTemplate, generators: [], template: {} };
  return {
    appSet: { metadata: { name: 'm', namespace: 'argocd' }, spec } as unknown as ApplicationSet,
    clusterSecrets: secrets,
    renderString: perStringRenderer(spec),
    repository: (url) => Promise.resolve({ repo: url }),
  };
};
const run = async (entry: GeneratorEntry, goTemplate = false) =>
  (await transformEntry(entry, generatorRegistry(), undefined, ctx(goTemplate)))[0].params;
const list = (...elements: Record<string, unknown>[]) => ({ list: { elements } });

// The example of Argo's Merge generator page: base clusters, a labelled override, one list element.
const docsExample = (goTemplate: boolean): GeneratorEntry => ({
  merge: {
    mergeKeys: ['server'],
    generators: [
      { clusters: { values: { kafka: 'true', redis: 'false' } } },
      { clusters: { selector: { matchLabels: { 'use-kafka': 'false' } }, values: { kafka: 'false' } } },
      list(goTemplate ? { server: 'https://2.4.6.8', values: { redis: 'true' } } : { server: 'https://2.4.6.8', 'values.redis': 'true' }),
    ],
  },
});

describe('merge generator', () => {
  it('overrides the base sets with later ones that agree on the merge keys (fasttemplate)', async () => {
    const params = await run(docsExample(false));
    expect(params.map((p) => [p.name, p['values.kafka'], p['values.redis']])).toEqual([
      ['staging', 'false', 'false'],
      ['production', 'true', 'true'],
      ['in-cluster', 'true', 'false'],
    ]);
  });

  it('merges nested goTemplate parameters key by key', async () => {
    const params = await run(docsExample(true), true);
    expect(params.map((p) => [p.name, p.values])).toEqual([
      ['staging', { kafka: 'false', redis: 'false' }],
      ['production', { kafka: 'true', redis: 'true' }],
      ['in-cluster', { kafka: 'true', redis: 'false' }],
    ]);
    expect(params[0].metadata).toEqual({ labels: { 'use-kafka': 'false' } });
  });

  it('drops later sets that match no base set, and matches on every merge key', async () => {
    const entry = {
      merge: {
        mergeKeys: ['app', 'env'],
        generators: [
          list({ app: 'a', env: 'dev', x: '1' }, { app: 'a', env: 'prod', x: '1' }),
          list({ app: 'a', env: 'prod', x: '2' }, { app: 'b', env: 'prod', x: '9' }),
        ],
      },
    };
    expect(await run(entry)).toEqual([
      { app: 'a', env: 'dev', x: '1' },
      { app: 'a', env: 'prod', x: '2' },
    ]);
  });

  it('treats a merge key a set lacks as null on both sides', async () => {
    const entry = { merge: { mergeKeys: ['missing'], generators: [list({ a: '1' }), list({ b: '2' })] } };
    expect(await run(entry)).toEqual([{ a: '1', b: '2' }]);
  });

  it('nests a matrix inside a merge and a merge inside a matrix', async () => {
    const matrix = { matrix: { generators: [list({ app: 'a' }, { app: 'b' }), list({ env: 'dev' })] } };
    const inMerge = { merge: { mergeKeys: ['app'], generators: [matrix, list({ app: 'b', env: 'prod' })] } };
    expect(await run(inMerge)).toEqual([
      { app: 'a', env: 'dev' },
      { app: 'b', env: 'prod' },
    ]);
    const merge = { merge: { mergeKeys: ['app'], generators: [list({ app: 'a', v: '1' }), list({ app: 'a', v: '2' })] } };
    const inMatrix = { matrix: { generators: [list({ env: 'dev' }, { env: 'prod' }), merge] } };
    expect(await run(inMatrix)).toEqual([
      { env: 'dev', app: 'a', v: '2' },
      { env: 'prod', app: 'a', v: '2' },
    ]);
  });

  it('passes the first matrix child’s parameters into a nested merge', async () => {
    const merge = { merge: { mergeKeys: ['app'], generators: [list({ app: 'a', path: '{{env}}/a' }), list({ app: 'a', extra: 'y' })] } };
    const params = await run({ matrix: { generators: [list({ env: 'dev' }), merge] } });
    expect(params).toEqual([{ env: 'dev', app: 'a', path: 'dev/a', extra: 'y' }]);
  });

  it('resolves the first matrix child’s parameters in a nested child’s values and leaves its own for it (goTemplate)', async () => {
    const clusters = {
      clusters: { selector: { matchLabels: { 'use-kafka': 'false' } }, values: { target: '{{ .name }}', stage: '{{ .env }}' } },
    };
    const merge = { merge: { mergeKeys: ['name'], generators: [clusters, list({ name: 'staging', extra: 'y' })] } };
    const params = await run({ matrix: { generators: [list({ env: 'dev' }), merge] } }, true);
    expect(params.map((p) => [p.name, p.env, p.extra, p.values])).toEqual([['staging', 'dev', 'y', { target: 'staging', stage: 'dev' }]]);
  });

  it.each([
    [
      'fewer than two children',
      { generators: [list({ a: '1' })], mergeKeys: ['a'] },
      'found less than two generators, Merge requires two or more',
    ],
    [
      'no merge keys',
      { generators: [list({ a: '1' }), list({ a: '1' })] },
      'error getting param sets by merge key: no merge keys were specified, Merge requires at least one',
    ],
    [
      'duplicate sets in a later child',
      { mergeKeys: ['a'], generators: [list({ a: '1' }), list({ a: '1', b: '1' }, { a: '1', b: '2' })] },
      'the parameters from a generator were not unique by the given mergeKeys, Merge requires all param sets to be unique. Duplicate key was {"a":"1"}',
    ],
    [
      'duplicate sets in the base',
      { mergeKeys: ['a'], generators: [list({ a: '1' }, { a: '1' }), list({ a: '1' })] },
      'Duplicate key was {"a":"1"}',
    ],
    [
      'a failing child',
      { mergeKeys: ['a'], generators: [list({ a: '1' }), { list: { elementsYaml: ': bad' } }] },
      'error getting param sets from generators: error getting params from generator 2 of 2: child generator returned an error on parameter generation: error unmarshling',
    ],
    [
      'a child naming no generator',
      { mergeKeys: ['a'], generators: [list({ a: '1' }), {}] },
      'error getting params from generator 2 of 2: child generator generated no parameters',
    ],
  ])('rejects %s', async (_case, merge, message) => {
    await expect(run({ merge })).rejects.toThrow(message);
  });

  it('refuses a third level of matrix or merge with Argo’s message', async () => {
    const third = { merge: { mergeKeys: ['a'], generators: [list({ a: '1' }), list({ a: '1' })] } };
    const second = { merge: { mergeKeys: ['a'], generators: [list({ a: '1' }), third] } };
    await expect(run({ merge: { mergeKeys: ['a'], generators: [list({ a: '1' }), second] } })).rejects.toThrow(
      'error getting params from generator 2 of 2: child generator generated no parameters (matrix and merge generators can only be nested once)',
    );
    const deepMatrix = { matrix: { generators: [list({ b: '1' }), { matrix: { generators: [list({ c: '1' }), list({ d: '1' })] } }] } };
    await expect(run({ matrix: { generators: [list({ a: '1' }), deepMatrix] } })).rejects.toThrow(
      'failed to get params for second generator in the matrix generator: child generator generated no parameters (matrix and merge generators can only be nested once)',
    );
  });

  it('uses its own inline template', async () => {
    const template = { metadata: { name: 'merged-{{a}}' } };
    const [result] = await transformEntry(
      { merge: { mergeKeys: ['a'], generators: [list({ a: '1' }), list({ a: '1' })], template } } as GeneratorEntry,
      generatorRegistry(),
      undefined,
      ctx(false),
    );
    expect(result.template.metadata?.name).toBe('merged-{{a}}');
  });
});
