import { KubeObject } from '../../store/kube-object';
import { age } from './human-duration';
import { ageCol, at, col, KindPrinter, list, num, scalar, str } from './printer-kit';

const createdAt = (o: KubeObject): string => (typeof o.metadata.creationTimestamp === 'string' ? o.metadata.creationTimestamp : '');
const createdAtColumn = col('Created At', 'date', 'CreationTimestamp is a timestamp representing the server time when this object was created.');

function subjectsOf(o: KubeObject, kind: string): string {
  const names = list(o.subjects)
    .filter((s) => at(s, 'kind') === kind)
    .map((s) => (kind === 'ServiceAccount' ? `${str(at(s, 'namespace'), '')}/${str(at(s, 'name'), '')}` : str(at(s, 'name'), '')));
  return names.join(', ');
}

const binding: KindPrinter = {
  columns: [col('Role', 'string', 'RoleRef is the reference to the role.'), ageCol(), col('Users', 'string', 'Users in the binding.', 1), col('Groups', 'string', 'Groups in the binding.', 1), col('ServiceAccounts', 'string', 'ServiceAccounts in the binding.', 1)],
  cells: (o, { now }) => [`${str(at(o, 'roleRef', 'kind'), '')}/${str(at(o, 'roleRef', 'name'), '')}`, age(o.metadata.creationTimestamp, now), subjectsOf(o, 'User'), subjectsOf(o, 'Group'), subjectsOf(o, 'ServiceAccount')],
};

function hpaTargets(o: KubeObject): string {
  const metrics = list(at(o, 'spec', 'metrics'));
  if (!metrics.length) return '<none>';
  return metrics
    .map((m) => {
      const target = at(m, 'resource', 'target');
      const goal = at(target, 'averageUtilization') ?? at(target, 'averageValue') ?? at(target, 'value');
      return `<unknown>/${scalar(goal, '<none>')}${at(target, 'averageUtilization') !== undefined ? '%' : ''}`;
    })
    .join(', ');
}

export const clusterPrinters: Record<string, KindPrinter> = {
  Role: { columns: [createdAtColumn], cells: (o) => [createdAt(o)] },
  ClusterRole: { columns: [createdAtColumn], cells: (o) => [createdAt(o)] },
  RoleBinding: binding,
  ClusterRoleBinding: binding,
  CustomResourceDefinition: { columns: [createdAtColumn], cells: (o) => [createdAt(o)] },
  Ingress: {
    columns: [col('Class', 'string', 'The name of the IngressClass resource that should be used for this Ingress.'), col('Hosts', 'string', 'Hosts that incoming requests are matched against.'), col('Address', 'string', 'Address is a list containing ingress points for the load-balancer.'), col('Ports', 'string', 'Ports of TLS configurations that open.'), ageCol()],
    cells: (o, { now }) => {
      const hosts = list(at(o, 'spec', 'rules')).map((r) => str(at(r, 'host'), '')).filter(Boolean);
      const address = list(at(o, 'status', 'loadBalancer', 'ingress')).map((i) => str(at(i, 'ip'), '') || str(at(i, 'hostname'), '')).filter(Boolean);
      return [str(at(o, 'spec', 'ingressClassName')), hosts.length ? hosts.join(',') : '*', address.join(','), list(at(o, 'spec', 'tls')).length ? '80, 443' : '80', age(o.metadata.creationTimestamp, now)];
    },
  },
  Lease: { columns: [col('Holder', 'string', 'The holder of the lease.'), ageCol()], cells: (o, { now }) => [str(at(o, 'spec', 'holderIdentity'), ''), age(o.metadata.creationTimestamp, now)] },
  HorizontalPodAutoscaler: {
    columns: [col('Reference', 'string', 'Reference to the target resource.'), col('Targets', 'string', 'Current and desired target metric values.'), col('MinPods', 'string', 'Lower limit for the number of pods.'), col('MaxPods', 'integer', 'Upper limit for the number of pods.'), col('Replicas', 'integer', 'Current number of replicas.'), ageCol()],
    cells: (o, { now }) => [`${str(at(o, 'spec', 'scaleTargetRef', 'kind'), '')}/${str(at(o, 'spec', 'scaleTargetRef', 'name'), '')}`, hpaTargets(o), num(at(o, 'spec', 'minReplicas')) || 1, num(at(o, 'spec', 'maxReplicas')), num(at(o, 'status', 'currentReplicas')), age(o.metadata.creationTimestamp, now)],
  },
  PodDisruptionBudget: {
    columns: [col('Min Available', 'string', 'The minimum number of pods that must be available.'), col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'), col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'), ageCol()],
    cells: (o, { now }) => [scalar(at(o, 'spec', 'minAvailable'), 'N/A'), scalar(at(o, 'spec', 'maxUnavailable'), 'N/A'), num(at(o, 'status', 'disruptionsAllowed')), age(o.metadata.creationTimestamp, now)],
  },
  StorageClass: {
    columns: [col('Provisioner', 'string', 'The provisioner.'), col('ReclaimPolicy', 'string', 'The reclaim policy.'), col('VolumeBindingMode', 'string', 'The volume binding mode.'), col('AllowVolumeExpansion', 'string', 'Whether volume expansion is allowed.'), ageCol()],
    cells: (o, { now }) => [str(o.provisioner, ''), str(o.reclaimPolicy, 'Delete'), str(o.volumeBindingMode, 'Immediate'), String(o.allowVolumeExpansion === true), age(o.metadata.creationTimestamp, now)],
  },
};
