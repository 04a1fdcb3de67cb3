// Crossplane (any *.crossplane.io or *.upbound.io kind: managed resources, composites and claims,
// packages, configs). Crossplane's conditions: Synced False means the last reconcile (or, with
// LastAsyncOperation False, an async create/update) failed, which is Degraded; Ready True (or the
// readiness a kind reports instead: Healthy, Offered, Established, ValidPipeline, RevisionHealthy) is
// Healthy; anything else is still being provisioned.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { getIn } from '../../object/json-value';
import { health, type HealthCheck } from '../health-check';
import { field, findCondition, hasStatus, isFalse, isTrue, statusConditions } from './conditions';

const PROVISIONING = 'Provisioning ...';
const UP_TO_DATE = 'Resource is up-to-date.';

/** Kinds Crossplane never writes a status for: they are Healthy as they are. */
const NO_STATUS_CROSSPLANE = [
  'Composition',
  'CompositionRevision',
  'DeploymentRuntimeConfig',
  'ClusterProviderConfig',
  'ProviderConfig',
  'ProviderConfigUsage',
  'ControllerConfig',
];
const NO_STATUS_UPBOUND = ['ClusterProviderConfig', 'ProviderConfig', 'ProviderConfigUsage'];

const READY_TYPES_CROSSPLANE = ['Ready', 'Healthy', 'Offered', 'Established', 'ValidPipeline', 'RevisionHealthy'];
const READY_TYPES_UPBOUND = ['Ready'];

/**
 * Argo CD's check reads `obj.status == nil or next(obj.status) == nil and <kind has no status>`, which
 * Lua groups as `status == nil or (...)`, so any kind without a status at all is Healthy there; that is
 * a precedence slip, not Crossplane's meaning (a new managed resource is being provisioned), so only the
 * kinds that never have a status are Healthy without one here.
 */
const crossplaneHealth =
  (noStatusKinds: string[], readyTypes: string[]): HealthCheck =>
  (obj: KubeObject): HealthStatus => {
    const kind = obj.kind ?? '';
    if (!hasStatus(obj) && noStatusKinds.includes(kind)) return health('Healthy', UP_TO_DATE);
    const conditions = statusConditions(obj);
    if (conditions.length === 0) {
      const inUse = (kind === 'ProviderConfig' || kind === 'ClusterProviderConfig') && getIn(obj, 'status', 'users') !== undefined;
      return inUse ? health('Healthy', 'Resource is in use.') : health('Progressing', PROVISIONING);
    }
    const failed = conditions.find((c) => (c.type === 'Synced' || c.type === 'LastAsyncOperation') && isFalse(c));
    if (failed) return health('Degraded', field(failed, 'message'));
    if (conditions.some((c) => readyTypes.includes(field(c, 'type')) && isTrue(c))) return health('Healthy', UP_TO_DATE);
    return health('Progressing', PROVISIONING);
  };

/**
 * Packages (Provider, Function, Configuration): Installed and Healthy both True is Healthy, either False
 * Degraded with their reasons, as Argo CD's Provider check reads them. Argo CD has that check for
 * Provider alone (Functions and Configurations fall to the wildcard there, which ignores a False
 * Healthy); the three report the same conditions, so they share it here. While neither is False and
 * not both are True (Healthy is Unknown while a new revision starts) the package is still being
 * installed; Argo CD calls that Degraded, or fails when a condition is missing.
 */
export function crossplanePackageHealth(obj: KubeObject): HealthStatus {
  const conditions = statusConditions(obj);
  const installed = findCondition(conditions, 'Installed');
  const healthy = findCondition(conditions, 'Healthy');
  const reasons = [field(installed, 'reason'), field(healthy, 'reason')].filter(Boolean).join(' ');
  if (isFalse(installed) || isFalse(healthy)) return health('Degraded', reasons);
  if (isTrue(installed) && isTrue(healthy)) return health('Healthy', reasons);
  return health('Progressing', 'Waiting for provider to be installed');
}

export const crossplaneHealthChecks: Record<string, HealthCheck> = {
  'pkg.crossplane.io/Provider': crossplanePackageHealth,
  'pkg.crossplane.io/Function': crossplanePackageHealth,
  'pkg.crossplane.io/Configuration': crossplanePackageHealth,
};

/** Group/kind globs (override-key syntax), tried after every exact kind. */
export const crossplaneWildcardHealthChecks: [string, HealthCheck][] = [
  ['*.crossplane.io/*', crossplaneHealth(NO_STATUS_CROSSPLANE, READY_TYPES_CROSSPLANE)],
  ['*.upbound.io/*', crossplaneHealth(NO_STATUS_UPBOUND, READY_TYPES_UPBOUND)],
];
