// sealed-secrets (bitnami.com): the controller sets Synced True once it has unsealed the Secret, False
// with the reason when it cannot (wrong key, a Secret it does not own).
import { type HealthCheck } from '../health-check';
import { readyConditionHealth } from './conditions';

export const sealedSecretsHealthChecks: Record<string, HealthCheck> = {
  'bitnami.com/SealedSecret': (obj) => readyConditionHealth(obj, 'Waiting for Sealed Secret to be decrypted', 'Synced'),
};
