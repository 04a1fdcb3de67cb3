// cert-manager (cert-manager.io): Certificate, CertificateRequest, Issuer and ClusterIssuer, by the
// Ready condition cert-manager documents for each, and Issuing for a Certificate being (re)issued.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { health, type HealthCheck } from '../health-check';
import { field, findCondition, isFalse, isTrue, readyConditionHealth, statusConditions } from './conditions';

const GROUP = 'cert-manager.io';

/** A Certificate being issued is Progressing whatever Ready says (Ready is False until the first issuance). */
export function certificateHealth(obj: KubeObject): HealthStatus {
  const issuing = findCondition(statusConditions(obj), 'Issuing');
  if (isTrue(issuing)) return health('Progressing', field(issuing, 'message'));
  return readyConditionHealth(obj, 'Waiting for certificate');
}

/**
 * A CertificateRequest (Argo CD has no check for it): Ready's reason is Pending while the issuer works,
 * Issued once signed, Failed or Denied for good; InvalidRequest or an approver's Denied end it as well.
 */
export function certificateRequestHealth(obj: KubeObject): HealthStatus {
  const conditions = statusConditions(obj);
  for (const type of ['InvalidRequest', 'Denied']) {
    const c = findCondition(conditions, type);
    if (isTrue(c)) return health('Degraded', field(c, 'message') || field(c, 'reason'));
  }
  const ready = findCondition(conditions, 'Ready');
  if (isTrue(ready)) return health('Healthy', field(ready, 'message'));
  if (isFalse(ready) && ['Failed', 'Denied'].includes(field(ready, 'reason'))) return health('Degraded', field(ready, 'message'));
  if (isFalse(ready)) return health('Progressing', field(ready, 'message'));
  return health('Progressing', 'Waiting for certificate request to be issued');
}

export const certManagerHealthChecks: Record<string, HealthCheck> = {
  [`${GROUP}/Certificate`]: certificateHealth,
  [`${GROUP}/CertificateRequest`]: certificateRequestHealth,
  [`${GROUP}/Issuer`]: (obj) => readyConditionHealth(obj, 'Initializing issuer'),
  [`${GROUP}/ClusterIssuer`]: (obj) => readyConditionHealth(obj, 'Initializing ClusterIssuer'),
};
