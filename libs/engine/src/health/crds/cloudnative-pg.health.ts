// CloudNativePG (postgresql.cnpg.io) Cluster: status.phase is one of the operator's fixed sentences,
// each mapped as Argo CD maps it; hibernation (the cnpg.io/hibernation condition) and a disabled
// reconciliation loop are Suspended.
import type { HealthStatus, HealthStatusCode, KubeObject } from '@flotilla/api-types';
import { asString, getIn } from '../../object/json-value';
import { health, type HealthCheck } from '../health-check';
import { field, findCondition, isTrue, statusConditions } from './conditions';

const PHASES: Record<string, HealthStatusCode> = {
  'Cluster in healthy state': 'Healthy',
  'Setting up primary': 'Progressing',
  'Creating a new replica': 'Progressing',
  'Upgrading cluster': 'Progressing',
  'Waiting for the instances to become active': 'Progressing',
  'Promoting to primary cluster': 'Progressing',
  // Argo CD calls these Degraded: the cluster is serving, but not as configured, until they end.
  'Switchover in progress': 'Degraded',
  'Failing over': 'Degraded',
  'Upgrading Postgres major version': 'Degraded',
  'Cluster upgrade delayed': 'Degraded',
  'Waiting for user action': 'Degraded',
  'Primary instance is being restarted in-place': 'Degraded',
  'Primary instance is being restarted without a switchover': 'Degraded',
  'Cluster cannot execute instance online upgrade due to missing architecture binary': 'Degraded',
  'Online upgrade in progress': 'Degraded',
  'Applying configuration': 'Degraded',
  // The operator stops reconciling until someone acts.
  'Unable to create required cluster objects': 'Suspended',
  'Cluster cannot proceed to reconciliation due to an unknown plugin being required': 'Suspended',
  'Cluster has incomplete or invalid image catalog': 'Suspended',
  'Cluster is unrecoverable and needs manual intervention': 'Suspended',
};

export function cnpgClusterHealth(obj: KubeObject): HealthStatus {
  if (obj.metadata?.annotations?.['cnpg.io/reconciliationLoop'] === 'disabled')
    return health('Suspended', 'Cluster reconciliation is suspended');
  const reason = asString(getIn(obj, 'status', 'phaseReason'));
  if (getIn(obj, 'status', 'conditions') === undefined) return health('Progressing', reason);
  const hibernation = findCondition(statusConditions(obj), 'cnpg.io/hibernation');
  if (hibernation) return health(isTrue(hibernation) ? 'Suspended' : 'Degraded', field(hibernation, 'message'));
  const phase = asString(getIn(obj, 'status', 'phase')) ?? '';
  return health(PHASES[phase] ?? 'Unknown', reason);
}

export const cloudnativePgHealthChecks: Record<string, HealthCheck> = { 'postgresql.cnpg.io/Cluster': cnpgClusterHealth };
