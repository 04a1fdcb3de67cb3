/** One served resource, as discovery describes it (`kubectl api-resources`). */
export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  /** Plural lower-case name used in URLs, e.g. `deployments`. */
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Subresources served, e.g. `status`, `scale`, `token`. */
  subresources: string[];
  /** Served from a CustomResourceDefinition (JSON merge patch and SSA only, schema from the CRD). */
  custom: boolean;
  /** Create-only virtual resources such as SelfSubjectAccessReview: nothing is stored. */
  virtual?: boolean;
  /** Served from memory rather than etcd (ComponentStatus): discovery gives no storageVersionHash. */
  unversioned?: boolean;
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export function apiVersionOf(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** `deployments.apps`, the name Kubernetes uses in error messages. */
export function qualifiedResource(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

export function resourceKey(t: { group: string; plural: string }): string {
  return `${t.group}/${t.plural}`;
}
