import { errors } from '../api/status-error';
import { ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';

interface WithSelector {
  spec?: { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
  status?: { replicas?: number; selector?: string };
}

/** The autoscaling/v1 Scale view of a workload, as `kubectl scale` and HPAs read it. */
export function toScale(t: ResourceType, obj: KubeObject): KubeObject {
  const o = obj as KubeObject & WithSelector;
  const selector = Object.entries(o.spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, selector: t.custom ? (o.status?.selector ?? '') : selector },
  };
}

/** Applies a Scale's spec.replicas to the workload it views. */
export function fromScale(t: ResourceType, obj: KubeObject, scale: KubeObject): KubeObject {
  const replicas = (scale as { spec?: { replicas?: unknown } }).spec?.replicas;
  if (typeof replicas !== 'number' || replicas < 0 || !Number.isInteger(replicas)) {
    throw errors.invalid({ ...t, kind: 'Scale', group: 'autoscaling' }, obj.metadata.name ?? '', [
      { reason: 'FieldValueInvalid', field: 'spec.replicas', message: `Invalid value: ${String(replicas)}: must be greater than or equal to 0` },
    ]);
  }
  const rv = scale.metadata?.resourceVersion;
  if (rv && rv !== obj.metadata.resourceVersion) throw errors.conflict(t, obj.metadata.name ?? '');
  return { ...obj, spec: { ...(obj.spec as object), replicas } };
}
