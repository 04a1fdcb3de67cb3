import { ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';
import { canonicalJson } from './object-meta';

/**
 * Built-in kinds whose registry strategy keeps metadata.generation (pkg/registry/<group>/<kind>/
 * strategy.go: `Generation = 1` in PrepareForCreate, `+1` on spec changes in PrepareForUpdate).
 * Everything else (ConfigMap, Secret, Service, Pod, Namespace…) never gets one from the server.
 */
const WITH_GENERATION = new Set([
  '/replicationcontrollers',
  'apps/deployments',
  'apps/replicasets',
  'apps/statefulsets',
  'apps/daemonsets',
  'batch/jobs',
  'batch/cronjobs',
  'networking.k8s.io/ingresses',
  'networking.k8s.io/ingressclasses',
  'networking.k8s.io/networkpolicies',
  'policy/poddisruptionbudgets',
  'apiextensions.k8s.io/customresourcedefinitions',
  'admissionregistration.k8s.io/validatingwebhookconfigurations',
  'admissionregistration.k8s.io/mutatingwebhookconfigurations',
  'flowcontrol.apiserver.k8s.io/flowschemas',
  'flowcontrol.apiserver.k8s.io/prioritylevelconfigurations',
]);

/** Every custom resource has a generation (apiextensions-apiserver customresource strategy). */
export function tracksGeneration(t: ResourceType): boolean {
  return t.custom || WITH_GENERATION.has(`${t.group}/${t.plural}`);
}

/** PrepareForCreate: 1 where the kind keeps one; anything else is left as the client sent it. */
export function stampGeneration(t: ResourceType, obj: KubeObject): void {
  if (tracksGeneration(t)) obj.metadata.generation = 1;
}

/**
 * PrepareForUpdate, after BeforeUpdate restored the stored generation: built-in kinds count spec
 * changes (Deployments annotation changes too, as they are copied to ReplicaSets); custom resources
 * any change outside metadata (status too, unless it is a subresource). `/status` never counts.
 */
export function nextGeneration(t: ResourceType, old: KubeObject, next: KubeObject, subresource?: string): number | undefined {
  const current = old.metadata.generation;
  if (!tracksGeneration(t) || subresource === 'status') return current;
  const changed = t.custom ? differs(old, next, ['metadata']) : differs(old, next, ['metadata', 'status']) || (t.kind === 'Deployment' && annotationsDiffer(old, next));
  return changed ? (current ?? 0) + 1 : current;
}

/** Compares two versions of an object beyond `ignored` (and the version each was read at). */
function differs(a: KubeObject, b: KubeObject, ignored: string[]): boolean {
  ignored = [...ignored, 'apiVersion', 'kind'];
  const strip = (o: KubeObject): string => canonicalJson(Object.fromEntries(Object.entries(o).filter(([k]) => !ignored.includes(k))));
  return strip(a) !== strip(b);
}

function annotationsDiffer(a: KubeObject, b: KubeObject): boolean {
  return canonicalJson(a.metadata.annotations ?? {}) !== canonicalJson(b.metadata.annotations ?? {});
}
