// Cluster API (cluster.x-k8s.io): Cluster, MachineDeployment and Machine by status.phase, spec.paused
// as Suspended, and the Ready condition's message, as Argo CD reads them.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asString, getIn } from '../../object/json-value';
import { health, type HealthCheck } from '../health-check';
import { field, findCondition, isFalse, statusConditions } from './conditions';

const phaseOf = (obj: KubeObject): string => asString(getIn(obj, 'status', 'phase')) ?? '';
const paused = (obj: KubeObject): boolean => getIn(obj, 'spec', 'paused') === true;

/** Provisioned is Healthy, Failed Degraded; a Ready False condition of Warning or Error severity also is. */
export function capiClusterHealth(obj: KubeObject): HealthStatus {
  if (paused(obj)) return health('Suspended', 'Cluster is paused');
  const ready = findCondition(statusConditions(obj), 'Ready');
  if (isFalse(ready) && asString(ready?.severity) !== 'Info') return health('Degraded', field(ready, 'message'));
  if (phaseOf(obj) === 'Provisioned') return health('Healthy', 'Cluster is running');
  if (phaseOf(obj) === 'Failed') return health('Degraded');
  return health('Progressing', 'Waiting for clusters');
}

export function capiMachineDeploymentHealth(obj: KubeObject): HealthStatus {
  if (paused(obj)) return health('Suspended', 'MachineDeployment is paused');
  switch (phaseOf(obj)) {
    case 'Running':
      return health('Healthy', 'Machines are running under this deployment');
    case 'ScalingUp':
      return health('Progressing', 'Cluster is spawning machines');
    case 'ScalingDown':
      return health('Progressing', 'Cluster is stopping machines');
    case 'Failed':
      return health('Degraded', 'MachineDeployment is failed');
    default:
      return health('Progressing', 'Waiting for machines');
  }
}

/** Running is Healthy, Failed Degraded, else Progressing; unless Healthy, the message is Ready False's. */
export function capiMachineHealth(obj: KubeObject): HealthStatus {
  if (phaseOf(obj) === 'Running') return health('Healthy', 'Machine is running');
  const ready = findCondition(statusConditions(obj), 'Ready');
  const message = isFalse(ready) ? field(ready, 'message') : 'Condition is unknown';
  return health(phaseOf(obj) === 'Failed' ? 'Degraded' : 'Progressing', message);
}

export const clusterApiHealthChecks: Record<string, HealthCheck> = {
  'cluster.x-k8s.io/Cluster': capiClusterHealth,
  'cluster.x-k8s.io/MachineDeployment': capiMachineDeploymentHealth,
  'cluster.x-k8s.io/Machine': capiMachineHealth,
};
