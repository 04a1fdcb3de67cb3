import { KubeObject } from '../store/kube-object';
import { admit, messages } from './admission.fixture';

const KEY = 'apiextensions.k8s.io/CustomResourceDefinition';
const version = (name: string, storage: boolean) => ({ name, served: true, storage, schema: { openAPIV3Schema: { type: 'object' } } });
const crd = (name: string, spec: object): KubeObject => ({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name }, spec });

describe('CustomResourceDefinition admission', () => {
  it('defaults names, conversion and the stored version', () => {
    const c = crd('things.example.com', { group: 'example.com', scope: 'Namespaced', names: { plural: 'things', kind: 'Thing' }, versions: [version('v1', true)] });
    expect(admit(KEY, c)).toEqual([]);
    expect(c.spec).toMatchObject({ names: { plural: 'things', kind: 'Thing', singular: 'thing', listKind: 'ThingList' }, conversion: { strategy: 'None' } });
    expect(c.status).toEqual({ acceptedNames: { kind: '', plural: '' }, storedVersions: ['v1'] });
  });

  it('requires exactly one storage version', () => {
    const none = crd('things.example.com', { group: 'example.com', scope: 'Namespaced', names: { plural: 'things', kind: 'Thing' }, versions: [version('v1', false), version('v2', false)] });
    expect(messages(admit(KEY, none))).toEqual(['spec.versions: Invalid value: ["v1","v2"]: must have exactly one version marked as storage version']);
  });

  it('requires the name to be plural.group, a known scope and a structural root', () => {
    const bad = crd('thing.example.com', { group: 'example.com', scope: 'Global', names: { plural: 'things', kind: 'Thing' }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'string' } } }] });
    expect(messages(admit(KEY, bad))).toEqual([
      'metadata.name: Invalid value: "thing.example.com": must be spec.names.plural+"."+spec.group',
      'spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"',
      'spec.versions[0].schema.openAPIV3Schema.type: Invalid value: "string": must be object at the root',
    ]);
  });

  it('stores an apiextensions.k8s.io/v1beta1 CRD (1.20, 1.21) in v1\'s shape', () => {
    const beta: KubeObject = {
      apiVersion: 'apiextensions.k8s.io/v1beta1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'things.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural: 'things', kind: 'Thing' },
        version: 'v1alpha1',
        validation: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object' } } } },
        subresources: { status: {} },
        additionalPrinterColumns: [{ name: 'Size', type: 'integer', JSONPath: '.spec.size' }],
      },
    };
    expect(admit(KEY, beta)).toEqual([]);
    expect((beta.spec as any).versions).toEqual([
      {
        name: 'v1alpha1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object' } }, 'x-kubernetes-preserve-unknown-fields': true } },
        subresources: { status: {} },
        additionalPrinterColumns: [{ name: 'Size', type: 'integer', jsonPath: '.spec.size' }],
      },
    ]);
    expect(beta.spec).not.toHaveProperty('validation');
  });
});
