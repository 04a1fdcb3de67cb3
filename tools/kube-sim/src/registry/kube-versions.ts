/**
 * Everything kube-sim knows about how Kubernetes minor versions differ, in one table: which API
 * versions a default kube-apiserver serves (the deprecated-API migration guide,
 * https://kubernetes.io/docs/reference/using-api/deprecation-guide/), how `/version` reads, and
 * the server-side apply and JSON-decoding behaviour that changed between minors.
 */

export const OLDEST_MINOR = 20;
export const NEWEST_MINOR = 32;
export const DEFAULT_KUBE_VERSION = '1.32';

export interface KubeVersion {
  minor: number;
  /** `v1.20.0`, or the patch release asked for (`1.20.2` → `v1.20.2`). */
  gitVersion: string;
  /** The Go release that built that minor's kube-apiserver, as `/version` reports it. */
  goVersion: string;
  /**
   * Definitions whose list-map key fields had no default for server-side apply yet. ServicePort's
   * `protocol` got `default: TCP` in 1.21 (kubernetes/kubernetes#98576): a real v1.20.2 refuses an
   * applied Service port without it (kubernetes-sigs/structured-merge-diff#183) yet keys a Pod's
   * containerPort without it as TCP.
   */
  listKeysWithoutDefault: string[];
  /**
   * Request bodies are decoded by json-iterator until 1.22 and by sigs.k8s.io/json from 1.23
   * (kubernetes/kubernetes#105030), which words type errors differently.
   */
  jsonIterator: boolean;
  /**
   * SSA's "failed to create typed patch object" names the object (`(ns/name; apps/v1, Kind=…)`).
   * A real v1.20.2 does not, 1.32 does; the minor in between that added it is not pinned, so
   * only 1.20 goes without.
   */
  applyErrorsNameObject: boolean;
  /**
   * A pod log request without a container lists every container name in one list, init containers
   * first (a real v1.20.2); later servers list the containers, then `or one of the init containers`.
   * The minor that changed it is not pinned, so only 1.20 has the single list.
   */
  logContainerNamesInOneList: boolean;
}

const GO_VERSIONS: Record<number, string> = {
  20: 'go1.15.5', 21: 'go1.16.1', 22: 'go1.16.7', 23: 'go1.17.5', 24: 'go1.18.2', 25: 'go1.19.1', 26: 'go1.19.4',
  27: 'go1.20.3', 28: 'go1.20.7', 29: 'go1.21.5', 30: 'go1.22.2', 31: 'go1.22.5', 32: 'go1.23.3',
};

/** Parses `1.20`, `v1.20` or `1.20.2`; anything outside 1.20 … 1.32 is refused with the range. */
export function parseKubeVersion(text: string = DEFAULT_KUBE_VERSION): KubeVersion {
  const m = /^v?1\.(\d+)(?:\.(\d+))?$/.exec(text.trim());
  const minor = m ? Number(m[1]) : NaN;
  if (!m || minor < OLDEST_MINOR || minor > NEWEST_MINOR) {
    throw new Error(`kube-sim: unsupported Kubernetes version "${text}" (expected 1.${OLDEST_MINOR} … 1.${NEWEST_MINOR}, e.g. 1.20 or 1.20.2)`);
  }
  return {
    minor,
    gitVersion: `v1.${minor}.${m[2] ?? '0'}`,
    goVersion: GO_VERSIONS[minor],
    listKeysWithoutDefault: minor >= 21 ? [] : ['io.k8s.api.core.v1.ServicePort'],
    jsonIterator: minor <= 22,
    applyErrorsNameObject: minor >= 21,
    logContainerNamesInOneList: minor <= 20,
  };
}

/** First and last minor a `group/version` + kind is served in; open ends mean "still served". */
interface Served {
  since?: number;
  until?: number;
}

/**
 * Served ranges of the built-in kinds whose availability changed within 1.20 … 1.32, keyed by
 * `apiVersion/Kind`. Kinds not listed are served by every supported minor.
 */
const SERVED: Record<string, Served> = {
  'policy/v1/PodDisruptionBudget': { since: 21 },
  'policy/v1beta1/PodDisruptionBudget': { until: 24 },
  'policy/v1beta1/PodSecurityPolicy': { until: 24 },
  'autoscaling/v2/HorizontalPodAutoscaler': { since: 23 },
  'autoscaling/v2beta1/HorizontalPodAutoscaler': { until: 24 },
  'autoscaling/v2beta2/HorizontalPodAutoscaler': { until: 25 },
  'batch/v1/CronJob': { since: 21 },
  'batch/v1beta1/CronJob': { until: 24 },
  'extensions/v1beta1/Ingress': { until: 21 },
  'networking.k8s.io/v1beta1/Ingress': { until: 21 },
  'networking.k8s.io/v1beta1/IngressClass': { until: 21 },
  'discovery.k8s.io/v1/EndpointSlice': { since: 21 },
  'discovery.k8s.io/v1beta1/EndpointSlice': { until: 24 },
  'events.k8s.io/v1beta1/Event': { until: 24 },
  'flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema': { until: 25 },
  'flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration': { until: 25 },
  'flowcontrol.apiserver.k8s.io/v1beta2/FlowSchema': { since: 23, until: 28 },
  'flowcontrol.apiserver.k8s.io/v1beta2/PriorityLevelConfiguration': { since: 23, until: 28 },
  'flowcontrol.apiserver.k8s.io/v1beta3/FlowSchema': { since: 26, until: 31 },
  'flowcontrol.apiserver.k8s.io/v1beta3/PriorityLevelConfiguration': { since: 26, until: 31 },
  'flowcontrol.apiserver.k8s.io/v1/FlowSchema': { since: 29 },
  'flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfiguration': { since: 29 },
  'storage.k8s.io/v1/CSIStorageCapacity': { since: 24 },
  'storage.k8s.io/v1beta1/CSIStorageCapacity': { since: 21, until: 26 },
  'storage.k8s.io/v1beta1/CSIDriver': { until: 21 },
  'storage.k8s.io/v1beta1/CSINode': { until: 21 },
  'storage.k8s.io/v1beta1/StorageClass': { until: 21 },
  'storage.k8s.io/v1beta1/VolumeAttachment': { until: 21 },
  'rbac.authorization.k8s.io/v1beta1/Role': { until: 21 },
  'rbac.authorization.k8s.io/v1beta1/RoleBinding': { until: 21 },
  'rbac.authorization.k8s.io/v1beta1/ClusterRole': { until: 21 },
  'rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding': { until: 21 },
  'admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration': { until: 21 },
  'admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration': { until: 21 },
  'coordination.k8s.io/v1beta1/Lease': { until: 21 },
  'scheduling.k8s.io/v1beta1/PriorityClass': { until: 21 },
  'node.k8s.io/v1beta1/RuntimeClass': { until: 24 },
  'apiextensions.k8s.io/v1beta1/CustomResourceDefinition': { until: 21 },
  'apiregistration.k8s.io/v1beta1/APIService': { until: 21 },
  'certificates.k8s.io/v1beta1/CertificateSigningRequest': { until: 21 },
  'authentication.k8s.io/v1beta1/TokenReview': { until: 21 },
  'authorization.k8s.io/v1beta1/SelfSubjectAccessReview': { until: 21 },
  'authorization.k8s.io/v1beta1/SelfSubjectRulesReview': { until: 21 },
  'authorization.k8s.io/v1beta1/SubjectAccessReview': { until: 21 },
  'authorization.k8s.io/v1beta1/LocalSubjectAccessReview': { until: 21 },
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy': { since: 30 },
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding': { since: 30 },
  'authentication.k8s.io/v1/SelfSubjectReview': { since: 28 },
};

/**
 * Groups whose versions discovery lists in an order of their own (Go's SetVersionPriority), not
 * GA before beta: a real 1.20 lists autoscaling v1, v2beta1, v2beta2.
 */
export const VERSION_PRIORITY: Record<string, string[]> = { autoscaling: ['v2', 'v1', 'v2beta1', 'v2beta2'] };

/** True when a default kube-apiserver of this minor serves the kind at this API version. */
export function isServed(version: KubeVersion, apiVersion: string, kind: string): boolean {
  const range = SERVED[`${apiVersion}/${kind}`];
  if (!range) return true;
  return version.minor >= (range.since ?? OLDEST_MINOR) && version.minor <= (range.until ?? NEWEST_MINOR);
}

/** Subresources and verbs a minor does not have yet, by `apiVersion/Kind`. */
const LATER: Record<string, { subresource?: string; verb?: string; since: number }[]> = {
  // EphemeralContainers is on by default from its beta in 1.23.
  'v1/Pod': [{ subresource: 'ephemeralcontainers', since: 23 }],
  // A real v1.20.2 lists services without deletecollection; 1.32 has it (the minor between is not pinned).
  'v1/Service': [{ verb: 'deletecollection', since: 21 }],
};

/** A built-in resource as this minor serves it: without the subresources and verbs it gained later. */
export function asServedIn<T extends { group: string; version: string; kind: string; subresources: string[]; verbs: string[] }>(version: KubeVersion, t: T): T {
  const later = (LATER[`${t.group ? `${t.group}/` : ''}${t.version}/${t.kind}`] ?? []).filter((l) => version.minor < l.since);
  if (!later.length) return t;
  return {
    ...t,
    subresources: t.subresources.filter((s) => !later.some((l) => l.subresource === s)),
    verbs: t.verbs.filter((v) => !later.some((l) => l.verb === v)),
  };
}
