/**
 * Patch strategies and list types of built-in kinds, from the `patchStrategy`, `patchMergeKey`
 * and `listType` tags of the Kubernetes Go types. kubernetes-types carries no tags, so the
 * generator takes them from here. Keys are `<definition>.<field>`.
 */
export interface FieldStrategy {
  strategy?: string;
  mergeKey?: string;
  listType?: 'atomic' | 'set' | 'map';
  listMapKeys?: string[];
  mapType?: 'atomic' | 'granular';
}

const CORE = 'io.k8s.api.core.v1';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const byName: FieldStrategy = { strategy: 'merge', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] };
const byType: FieldStrategy = { strategy: 'merge', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] };
const atomic: FieldStrategy = { listType: 'atomic' };

const containerFields = (def: string): Record<string, FieldStrategy> => ({
  [`${def}.ports`]: { strategy: 'merge', mergeKey: 'containerPort', listType: 'map', listMapKeys: ['containerPort', 'protocol'] },
  [`${def}.env`]: byName,
  [`${def}.envFrom`]: atomic,
  [`${def}.volumeMounts`]: { strategy: 'merge', mergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] },
  [`${def}.volumeDevices`]: { strategy: 'merge', mergeKey: 'devicePath', listType: 'map', listMapKeys: ['devicePath'] },
  [`${def}.resizePolicy`]: atomic,
  [`${def}.args`]: atomic,
  [`${def}.command`]: atomic,
});

const conditions = (defs: string[]): Record<string, FieldStrategy> => Object.fromEntries(defs.map((d) => [`${d}.conditions`, byType]));

export const FIELD_STRATEGIES: Record<string, FieldStrategy> = {
  [`${META}.ObjectMeta.finalizers`]: { strategy: 'merge', listType: 'set' },
  [`${META}.ObjectMeta.ownerReferences`]: { strategy: 'merge', mergeKey: 'uid', listType: 'map', listMapKeys: ['uid'] },
  [`${META}.LabelSelector.matchExpressions`]: atomic,
  [`${CORE}.PodSpec.containers`]: byName,
  [`${CORE}.PodSpec.initContainers`]: byName,
  [`${CORE}.PodSpec.ephemeralContainers`]: byName,
  [`${CORE}.PodSpec.volumes`]: { strategy: 'merge,retainKeys', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  [`${CORE}.PodSpec.imagePullSecrets`]: byName,
  [`${CORE}.PodSpec.hostAliases`]: { strategy: 'merge', mergeKey: 'ip', listType: 'map', listMapKeys: ['ip'] },
  [`${CORE}.PodSpec.tolerations`]: atomic,
  [`${CORE}.PodSpec.topologySpreadConstraints`]: { strategy: 'merge', mergeKey: 'topologyKey', listType: 'map', listMapKeys: ['topologyKey', 'whenUnsatisfiable'] },
  [`${CORE}.PodSpec.schedulingGates`]: byName,
  [`${CORE}.PodSpec.resourceClaims`]: { strategy: 'merge,retainKeys', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  ...containerFields(`${CORE}.Container`),
  ...containerFields(`${CORE}.EphemeralContainer`),
  [`${CORE}.ServiceSpec.ports`]: { strategy: 'merge', mergeKey: 'port', listType: 'map', listMapKeys: ['port', 'protocol'] },
  [`${CORE}.ServiceSpec.clusterIPs`]: atomic,
  [`${CORE}.ServiceAccount.secrets`]: { strategy: 'merge', mergeKey: 'name' },
  [`${CORE}.PodStatus.podIPs`]: { strategy: 'merge', mergeKey: 'ip', listType: 'map', listMapKeys: ['ip'] },
  [`${CORE}.PodStatus.hostIPs`]: { strategy: 'merge', mergeKey: 'ip', listType: 'atomic' },
  [`${CORE}.NodeStatus.addresses`]: { strategy: 'merge', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
  [`${CORE}.NamespaceSpec.finalizers`]: atomic,
  ...conditions([`${CORE}.PodStatus`, `${CORE}.NodeStatus`, `${CORE}.NamespaceStatus`, `${CORE}.PersistentVolumeClaimStatus`, `${CORE}.ServiceStatus`]),
  ...conditions(['io.k8s.api.apps.v1.DeploymentStatus', 'io.k8s.api.apps.v1.ReplicaSetStatus', 'io.k8s.api.apps.v1.StatefulSetStatus', 'io.k8s.api.apps.v1.DaemonSetStatus']),
  ...conditions(['io.k8s.api.batch.v1.JobStatus', 'io.k8s.api.policy.v1.PodDisruptionBudgetStatus', 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus']),
  'io.k8s.api.apps.v1.DeploymentSpec.strategy': { strategy: 'retainKeys' },
  'io.k8s.api.apps.v1.StatefulSetSpec.volumeClaimTemplates': atomic,
};
