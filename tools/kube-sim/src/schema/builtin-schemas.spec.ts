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

  it('carry what upstream says beyond kubernetes-types: int64, list and map types, v3 defaults', () => {
    const schemas = new ClusterSchemas();
    const deployment = schemas.forKind({ group: 'apps', version: 'v1', kind: 'Deployment' })!;
    expect(deployment.properties!.metadata.properties!.generation).toMatchObject({ type: 'integer', format: 'int64' });
    expect(deployment.properties!.spec.properties!.replicas).toMatchObject({ type: 'integer', format: 'int32' });
    // Non-pointer structs are `default: {}` in OpenAPI v3; pointers (the selector) are not.
    expect(deployment.properties!.spec.default).toEqual({});
    expect(deployment.properties!.spec.properties!.template.default).toEqual({});
    expect(deployment.properties!.spec.properties!.selector.default).toBeUndefined();
    const pod = schemas.forKind({ group: '', version: 'v1', kind: 'Pod' })!;
    const container = pod.properties!.spec.properties!.containers.items!;
    expect(container.properties!.ports.items!.properties!.protocol.default).toBe('TCP');
    expect(pod.properties!.status.properties!.containerStatuses['x-kubernetes-list-type']).toBe('atomic');
    expect(pod.properties!.spec.properties!.nodeSelector['x-kubernetes-map-type']).toBe('atomic');
    expect(pod.properties!.spec.properties!.imagePullSecrets.items!['x-kubernetes-map-type']).toBe('atomic');
    const job = schemas.forKind({ group: 'batch', version: 'v1', kind: 'Job' })!;
    expect(job.properties!.status.properties!.conditions).toMatchObject({ 'x-kubernetes-list-type': 'atomic', 'x-kubernetes-patch-merge-key': 'type' });
    const secret = schemas.forKind({ group: '', version: 'v1', kind: 'Secret' })!;
    expect(secret.properties!.data.additionalProperties).toMatchObject({ type: 'string', format: 'byte' });
    const hpa = schemas.forKind({ group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' })!;
    expect(hpa.properties!.spec.properties!.scaleTargetRef.required).toEqual(['kind', 'name']);
  });

  it('share one resolved tree between clusters', () => {
    const gvk = { group: 'apps', version: 'v1', kind: 'Deployment' };
    expect(new ClusterSchemas().forKind(gvk)).toBe(new ClusterSchemas().forKind(gvk));
  });

  it('drop CRD versions that are not served', () => {
    const schemas = new ClusterSchemas();
    const version = (name: string, served: boolean) => ({ name, served, schema: { openAPIV3Schema: { type: 'object' } } });
    const crd = { metadata: { name: 'gadgets.example.com' }, spec: { group: 'example.com', scope: 'Cluster', names: { kind: 'Gadget', plural: 'gadgets' }, versions: [version('v1', true), version('v2', true)] } };
    schemas.register(crd);
    expect(schemas.forKind({ group: 'example.com', version: 'v2', kind: 'Gadget' })).toBeDefined();
    schemas.register({ ...crd, spec: { ...crd.spec, versions: [version('v1', true), version('v2', false)] } });
    expect(schemas.forKind({ group: 'example.com', version: 'v1', kind: 'Gadget' })).toBeDefined();
    expect(schemas.forKind({ group: 'example.com', version: 'v2', kind: 'Gadget' })).toBeUndefined();
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
