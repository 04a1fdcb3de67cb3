// external-secrets (external-secrets.io): each kind reports a Ready condition, True once the secret is
// synced (or the store validated, or the secret pushed) and False with the provider's error.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asRecords, getIn } from '../../object/json-value';
import { health, type HealthCheck } from '../health-check';
import { field, isTrue, readyConditionHealth } from './conditions';

const GROUP = 'external-secrets.io';

const waitingFor =
  (kind: string): HealthCheck =>
  (obj) =>
    readyConditionHealth(obj, `Waiting for ${kind}`);

/**
 * A ClusterExternalSecret appends its conditions as it goes, so the newest (last) one tells: Ready is
 * Healthy, PartiallyReady or NotReady (some namespaces failed) Degraded.
 */
export function clusterExternalSecretHealth(obj: KubeObject): HealthStatus {
  const conditions = asRecords(getIn(obj, 'status', 'conditions'));
  const last = conditions[conditions.length - 1];
  if (isTrue(last)) {
    if (field(last, 'type') === 'Ready') return health('Healthy', field(last, 'message'));
    if (['PartiallyReady', 'NotReady'].includes(field(last, 'type'))) return health('Degraded', field(last, 'message'));
  }
  return health('Progressing', 'Waiting for ClusterExternalSecret');
}

export const externalSecretsHealthChecks: Record<string, HealthCheck> = {
  [`${GROUP}/ExternalSecret`]: waitingFor('ExternalSecret'),
  [`${GROUP}/SecretStore`]: waitingFor('SecretStore'),
  [`${GROUP}/ClusterSecretStore`]: waitingFor('ClusterSecretStore'),
  [`${GROUP}/PushSecret`]: waitingFor('PushSecret'),
  [`${GROUP}/ClusterExternalSecret`]: clusterExternalSecretHealth,
};
