import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClusterSchemas } from '../cluster/cluster-schemas';
import { generateBuiltinDefinitions } from './builtin-definitions.generator';

describe('built-in schemas', () => {
  it('are what the generator makes from kubernetes-types (regenerate with scripts/generate-builtin-openapi.ts)', () => {
    const committed = readFileSync(join(__dirname, '../../openapi/builtin-definitions.json'), 'utf8');
    expect(JSON.stringify(generateBuiltinDefinitions()) + '\n').toBe(committed);
  });

  it('carry merge keys, list types and integer fields for patches and apply', () => {
    const deployment = new ClusterSchemas().forKind({ group: 'apps', version: 'v1', kind: 'Deployment' })!;
    const podSpec = deployment.properties!.spec.properties!.template.properties!.spec;
    const containers = podSpec.properties!.containers;
    expect(containers).toMatchObject({ type: 'array', 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-list-type': 'map' });
    expect(containers.items!.properties!.ports['x-kubernetes-list-map-keys']).toEqual(['containerPort', 'protocol']);
    expect(containers.items!.properties!.ports.items!.properties!.containerPort.type).toBe('integer');
    expect(deployment.properties!.spec.properties!.strategy['x-kubernetes-patch-strategy']).toBe('retainKeys');
    expect(deployment.properties!.spec.properties!.strategy.properties!.rollingUpdate.properties!.maxSurge['x-kubernetes-int-or-string']).toBe(true);
  });

  it("serve a CRD's schema with standard metadata until the CRD goes", () => {
    const schemas = new ClusterSchemas();
    const crd = { metadata: { name: 'widgets.example.com' }, spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets' }, versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } } } }] } };
    schemas.register(crd);
    const widget = schemas.forKind({ group: 'example.com', version: 'v1', kind: 'Widget' })!;
    expect(widget.properties!.spec.properties!.size.type).toBe('integer');
    expect(widget.properties!.metadata.properties!.finalizers['x-kubernetes-patch-strategy']).toBe('merge');
    expect(schemas.customIn('example.com', 'v1')).toHaveLength(1);
    schemas.unregister(crd);
    expect(schemas.forKind({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBeUndefined();
  });
});

describe('CustomResourceDefinition schema', () => {
  it('knows the x-kubernetes-* extensions that kubernetes-types leaves out, so strict validation accepts them', () => {
    const crd = new ClusterSchemas().forKind({ group: 'apiextensions.k8s.io', version: 'v1', kind: 'CustomResourceDefinition' })!;
    const props = crd.properties!.spec.properties!.versions.items!.properties!.schema.properties!.openAPIV3Schema.properties!;
    expect(Object.keys(props).filter((k) => k.startsWith('x-kubernetes-')).sort()).toEqual([
      'x-kubernetes-embedded-resource',
      'x-kubernetes-int-or-string',
      'x-kubernetes-list-map-keys',
      'x-kubernetes-list-type',
      'x-kubernetes-map-type',
      'x-kubernetes-preserve-unknown-fields',
      'x-kubernetes-validations',
    ]);
    expect(props.properties.additionalProperties).toBe(crd.properties!.spec.properties!.versions.items!.properties!.schema.properties!.openAPIV3Schema);
  });
});
