import { SchemaNode } from '../schema/schema-node';
import { KubeObject } from '../store/kube-object';

/**
 * A hand-made slice of the apps/v1 Deployment schema for specs, with the extensions and the
 * `default: {}` markers on non-pointer structs that kube-apiserver's OpenAPI v3 carries.
 */
const str: SchemaNode = { type: 'string' };
const int: SchemaNode = { type: 'integer' };
const intOrString: SchemaNode = { 'x-kubernetes-int-or-string': true };
const stringMap: SchemaNode = { type: 'object', additionalProperties: str };

const objectMeta: SchemaNode = {
  type: 'object',
  properties: {
    name: str,
    namespace: str,
    uid: str,
    resourceVersion: str,
    generation: int,
    creationTimestamp: str,
    labels: stringMap,
    annotations: stringMap,
    finalizers: { type: 'array', items: str, 'x-kubernetes-list-type': 'set' },
    managedFields: { type: 'array', items: { type: 'object' }, 'x-kubernetes-list-type': 'atomic' },
  },
};

const container: SchemaNode = {
  type: 'object',
  required: ['name'],
  properties: {
    name: str,
    image: str,
    imagePullPolicy: str,
    args: { type: 'array', items: str, 'x-kubernetes-list-type': 'atomic' },
    ports: {
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
      items: { type: 'object', properties: { containerPort: int, protocol: { type: 'string', default: 'TCP' }, name: str } },
    },
    env: {
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
      items: { type: 'object', properties: { name: str, value: str } },
    },
    resources: { type: 'object', default: {}, properties: { limits: stringMap, requests: stringMap } },
  },
};

const podSpec: SchemaNode = {
  type: 'object',
  required: ['containers'],
  properties: {
    containers: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], items: container },
    restartPolicy: str,
  },
};

export const deploymentSchema: SchemaNode = {
  type: 'object',
  properties: {
    apiVersion: str,
    kind: str,
    metadata: { ...objectMeta, default: {} },
    spec: {
      type: 'object',
      default: {},
      required: ['selector', 'template'],
      properties: {
        replicas: int,
        selector: { type: 'object', 'x-kubernetes-map-type': 'atomic', properties: { matchLabels: stringMap } },
        strategy: {
          type: 'object',
          default: {},
          properties: {
            type: str,
            rollingUpdate: { type: 'object', properties: { maxSurge: intOrString, maxUnavailable: intOrString } },
          },
        },
        template: {
          type: 'object',
          default: {},
          properties: { metadata: { ...objectMeta, default: {} }, spec: { ...podSpec, default: {} } },
        },
      },
    },
    status: {
      type: 'object',
      default: {},
      properties: {
        replicas: int,
        conditions: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['type'],
          items: { type: 'object', properties: { type: str, status: str } },
        },
      },
    },
  },
};

export const NOW = '2025-01-02T03:04:05Z';
export const LATER = '2025-01-02T04:00:00Z';

/** A Deployment manifest as a user writes it, with `spec` and `metadata` fields overridden. */
export function deployment(spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, ...metadata },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
      },
      ...spec,
    },
  };
}

/** What the store holds after a create: server-set identity on top of the manifest. */
export function stored(obj: KubeObject, managedFields?: KubeObject['metadata']['managedFields']): KubeObject {
  return {
    ...structuredClone(obj),
    metadata: {
      ...structuredClone(obj.metadata),
      uid: '7d3c1f2e-0000-4000-8000-000000000001',
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: NOW,
      ...(managedFields ? { managedFields } : {}),
    },
  };
}
