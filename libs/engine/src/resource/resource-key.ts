// The identity of a resource inside an Application: `group/Kind/namespace/name`, as Argo's kube.ResourceKey.
import { groupOf, type KubeObject, type ResourceRef } from '@flotilla/api-types';

/** Answers whether a group/kind lives in a namespace; the controller backs it with API discovery. */
export type IsNamespaced = (group: string, kind: string) => boolean;

/** Without discovery: the well-known cluster-scoped core kinds, everything else namespaced. */
const CLUSTER_SCOPED = new Set([
  '/Namespace',
  '/Node',
  '/PersistentVolume',
  '/ComponentStatus',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'storage.k8s.io/StorageClass',
  'storage.k8s.io/CSIDriver',
  'storage.k8s.io/CSINode',
  'storage.k8s.io/VolumeAttachment',
  'scheduling.k8s.io/PriorityClass',
  'networking.k8s.io/IngressClass',
  'apiregistration.k8s.io/APIService',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'policy/PodSecurityPolicy',
  'node.k8s.io/RuntimeClass',
  'certificates.k8s.io/CertificateSigningRequest',
]);

export const defaultIsNamespaced: IsNamespaced = (group, kind) => !CLUSTER_SCOPED.has(`${group}/${kind}`);

export interface KeyOptions {
  /** Namespace given to namespaced resources that name none (the Application's destination namespace). */
  defaultNamespace?: string;
  isNamespaced?: IsNamespaced;
}

export const formatResourceKey = (ref: ResourceRef): string => `${ref.group}/${ref.kind}/${ref.namespace}/${ref.name}`;

export function parseResourceKey(key: string): ResourceRef {
  const [group = '', kind = '', namespace = '', ...rest] = key.split('/');
  return { group, kind, namespace, name: rest.join('/') };
}

/** The ref of an object: cluster-scoped kinds drop any namespace, namespaced ones get the default. */
export function resourceRefOf(obj: KubeObject, opts: KeyOptions = {}): ResourceRef {
  const group = groupOf(obj.apiVersion);
  const kind = obj.kind ?? '';
  const isNamespaced = opts.isNamespaced ?? defaultIsNamespaced;
  const namespace = isNamespaced(group, kind) ? obj.metadata?.namespace || opts.defaultNamespace || '' : '';
  return { group, kind, namespace, name: obj.metadata?.name ?? '' };
}

export const resourceKeyOf = (obj: KubeObject, opts: KeyOptions = {}): string => formatResourceKey(resourceRefOf(obj, opts));
