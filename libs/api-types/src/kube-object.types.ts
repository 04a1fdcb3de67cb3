/** The parts of any Kubernetes object that Flotilla reads without knowing its kind. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: OwnerReference[];
  managedFields?: unknown[];
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

/** A resource Flotilla can name: group (empty for the core group), kind, namespace, name. */
export interface ResourceRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

export const groupOf = (apiVersion = ''): string => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');
export const versionOf = (apiVersion = ''): string => (apiVersion.includes('/') ? apiVersion.split('/')[1] : apiVersion);
