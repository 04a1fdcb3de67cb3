import { KubeObject } from '../../store/kube-object';
import { since } from './human-duration';
import { AGE_COLUMN, at, col, int, KindPrinter, list, NAME_COLUMN, scalar, str } from './printer-kit';

const age = (o: KubeObject, now: number): string => since(o.metadata.creationTimestamp, now);
const quantity = (v: unknown): string => scalar(v, '<unknown>');

/** One metric as kube's formatHPAMetrics prints it: `cpu: 40%/80%`, `<unknown>/10 (avg)`. */
function hpaMetric(spec: unknown, status: unknown): string {
  switch (at(spec, 'type')) {
    case 'External':
    case 'Object': {
      const key = at(spec, 'type') === 'External' ? 'external' : 'object';
      const avg = at(spec, key, 'target', 'averageValue');
      if (avg !== undefined) return `${quantity(at(status, key, 'current', 'averageValue'))}/${quantity(avg)} (avg)`;
      return `${quantity(at(status, key, 'current', 'value'))}/${quantity(at(spec, key, 'target', 'value'))}`;
    }
    case 'Pods':
      return `${quantity(at(status, 'pods', 'current', 'averageValue'))}/${quantity(at(spec, 'pods', 'target', 'averageValue'))}`;
    case 'Resource':
    case 'ContainerResource': {
      const key = at(spec, 'type') === 'Resource' ? 'resource' : 'containerResource';
      const name = str(at(spec, key, 'name'));
      const avg = at(spec, key, 'target', 'averageValue');
      if (avg !== undefined) return `${name}: ${quantity(at(status, key, 'current', 'averageValue'))}/${quantity(avg)}`;
      const current = at(status, key, 'current', 'averageUtilization');
      const target = at(spec, key, 'target', 'averageUtilization');
      return `${name}: ${typeof current === 'number' ? `${current}%` : '<unknown>'}/${typeof target === 'number' ? `${target}%` : '<auto>'}`;
    }
    default:
      return '<unknown type>';
  }
}

/** autoscaling/v2 metrics, or the autoscaling/v1 CPU target that kube converts into one. */
function hpaTargets(hpa: KubeObject): string {
  let specs = list(at(hpa, 'spec', 'metrics'));
  let statuses = list(at(hpa, 'status', 'currentMetrics'));
  const v1Target = at(hpa, 'spec', 'targetCPUUtilizationPercentage');
  if (!specs.length && typeof v1Target === 'number') {
    specs = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: v1Target } } }];
    const current = at(hpa, 'status', 'currentCPUUtilizationPercentage');
    statuses =
      typeof current === 'number' ? [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }] : [];
  }
  if (!specs.length) return '<none>';
  const shown = specs.slice(0, 2).map((s, i) => hpaMetric(s, statuses[i]));
  return specs.length > 2 ? `${shown.join(', ')} + ${specs.length - 2} more...` : shown.join(', ');
}

export const miscPrinters: Record<string, KindPrinter> = {
  Lease: {
    columns: [NAME_COLUMN, col('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease.'), AGE_COLUMN],
    cells: (o, { now }) => [o.metadata.name, str(at(o, 'spec', 'holderIdentity')), age(o, now)],
  },
  HorizontalPodAutoscaler: {
    columns: [
      NAME_COLUMN,
      col('Reference', 'string', 'scaleTargetRef points to the target resource to scale.'),
      col('Targets', 'string', 'metrics contains the specifications for which to use to calculate the desired replica count.'),
      col('MinPods', 'string', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.'),
      col('MaxPods', 'string', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.'),
      col('Replicas', 'string', 'currentReplicas is current number of replicas of pods managed by this autoscaler.'),
      AGE_COLUMN,
    ],
    cells: (o, { now }) => {
      const min = at(o, 'spec', 'minReplicas');
      const reference = `${str(at(o, 'spec', 'scaleTargetRef', 'kind'))}/${str(at(o, 'spec', 'scaleTargetRef', 'name'))}`;
      return [
        o.metadata.name,
        reference,
        hpaTargets(o),
        typeof min === 'number' ? String(min) : '<unset>',
        int(at(o, 'spec', 'maxReplicas')),
        int(at(o, 'status', 'currentReplicas')),
        age(o, now),
      ];
    },
  },
  PodDisruptionBudget: {
    columns: [
      NAME_COLUMN,
      col('Min Available', 'string', 'The minimum number of pods that must be available.'),
      col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
      col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
      AGE_COLUMN,
    ],
    cells: (o, { now }) => [
      o.metadata.name,
      scalar(at(o, 'spec', 'minAvailable'), 'N/A'),
      scalar(at(o, 'spec', 'maxUnavailable'), 'N/A'),
      int(at(o, 'status', 'disruptionsAllowed')),
      age(o, now),
    ],
  },
  PriorityClass: {
    columns: [
      NAME_COLUMN,
      col('Value', 'integer', 'value represents the integer value of this priority class.'),
      col(
        'Global-Default',
        'boolean',
        'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class.',
      ),
      AGE_COLUMN,
      col('PreemptionPolicy', 'string', 'preemptionPolicy is the Policy for preempting pods with lower priority.'),
    ],
    cells: (o, { now }) => [o.metadata.name, int(o.value), o.globalDefault === true, age(o, now), str(o.preemptionPolicy)],
  },
};
