import type { ApplicationSet } from '@flotilla/api-types';
import { renderFastTemplate } from '../template/fast-template.renderer';
import { GeneratorContext } from './generator.types';
import { ListGenerator } from './list.generator';

const appSet = (goTemplate = false) =>
  ({ metadata: { name: 'a', namespace: 'argocd' }, spec: { goTemplate, generators: [], template: {} } }) as unknown as ApplicationSet;
const ctx = (goTemplate = false): GeneratorContext => ({
  appSet: appSet(goTemplate),
  clusterSecrets: [],
  renderString: renderFastTemplate,
  repository: (url) => Promise.resolve({ repo: url }),
});
const list = new ListGenerator();

describe('ListGenerator', () => {
  it.each([
    [
      'string elements become parameters',
      { elements: [{ cluster: 'dev', url: 'https://dev' }] },
      false,
      [{ cluster: 'dev', url: 'https://dev' }],
    ],
    [
      'values.* entries are flattened',
      { elements: [{ cluster: 'dev', values: { replicas: '2' } }] },
      false,
      [{ cluster: 'dev', 'values.replicas': '2' }],
    ],
    [
      'goTemplate keeps elements as they are',
      { elements: [{ cluster: 'dev', n: 2, values: { a: { b: 1 } } }] },
      true,
      [{ cluster: 'dev', n: 2, values: { a: { b: 1 } } }],
    ],
    [
      'elementsYaml is appended after elements',
      { elements: [{ a: 'x' }], elementsYaml: '- a: y\n- a: z\n  n: 3\n' },
      false,
      [{ a: 'x' }, { a: 'y' }, { a: 'z', n: 3 }],
    ],
    ['an empty list yields nothing', { elements: [] }, false, []],
  ])('%s', (_case, spec, goTemplate, expected) => {
    expect(list.generateParams({ list: spec }, ctx(goTemplate))).toEqual(expected);
  });

  it.each([
    ['a number without goTemplate', { elements: [{ wave: 1 }] }, /error parsing value as string: elements\[0\]\.wave is 1/],
    ['values that are not a map', { elements: [{ values: 'x' }] }, /error parsing values map/],
    ['elementsYaml that is not a list', { elementsYaml: 'a: b' }, /ElementsYaml/],
    ['elementsYaml that is not YAML', { elementsYaml: '- [' }, /ElementsYaml/],
  ])('rejects %s', (_case, spec, message) => {
    expect(() => list.generateParams({ list: spec }, ctx())).toThrow(message);
  });

  it('exposes its template override', () => {
    const template = { metadata: { name: 'x' } };
    expect(list.template({ list: { elements: [], template: template as never } })).toBe(template);
  });
});
