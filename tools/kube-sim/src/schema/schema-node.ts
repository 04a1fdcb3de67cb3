/**
 * A resolved OpenAPI v3 schema node, as kube-apiserver uses it for strategic merge patch,
 * server-side apply and `kubectl explain`. Trees hold no `$ref`: references are resolved
 * into shared (possibly cyclic) object references.
 */
export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  /** Map values (e.g. labels: string values). `true` means any value. */
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  /** Strategic merge patch: the field that identifies list items, e.g. `name` for containers. */
  'x-kubernetes-patch-merge-key'?: string;
  /** Strategic merge patch: `merge`, `retainKeys` or `merge,retainKeys`; absent means replace. */
  'x-kubernetes-patch-strategy'?: string;
  /** Server-side apply list semantics; absent means atomic. */
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  /** Server-side apply struct/map semantics; absent means granular. */
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-group-version-kind'?: Array<{ group: string; version: string; kind: string }>;
}

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** Where the schema of a kind comes from: built-in definitions, or a CRD's openAPIV3Schema. */
export interface SchemaSource {
  forKind(gvk: GroupVersionKind): SchemaNode | undefined;
}
