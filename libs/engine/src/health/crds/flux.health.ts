// Flux (kustomize/helm/source.toolkit.fluxcd.io): spec.suspend stops reconciliation; Ready is True once
// the last reconciliation succeeded, Unknown with Reconciling True while one runs, and False (with
// Stalled True when it will not retry on its own) when it failed. The message is Ready's reason, as
// Argo CD shows it.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asString, getIn } from '../../object/json-value';
import { health, type HealthCheck } from '../health-check';
import { field, findCondition, isTrue, specSuspended, statusConditions } from './conditions';

/**
 * `done` lists the conditions that must also be True for Healthy besides Ready (a HelmRelease's release,
 * a source's stored artifact); any of them counts.
 */
const fluxHealth =
  (done: string[] = []): HealthCheck =>
  (obj: KubeObject): HealthStatus => {
    if (specSuspended(obj)) return health('Suspended', `${obj.kind ?? ''} is suspended`);
    const conditions = statusConditions(obj);
    const ready = findCondition(conditions, 'Ready');
    // Argo CD calls a status whose conditions lack Ready Degraded; before the first reconciliation is
    // written that is a new object, not a failed one, so it stays Progressing here.
    if (!ready) return health('Progressing', 'Status unknown');
    let message = field(ready, 'reason');
    const outdated = findCondition(conditions, 'ArtifactOutdated');
    if (done.includes('ArtifactInStorage') && isTrue(outdated)) message = `${message} ${field(outdated, 'reason')}`;
    if (field(ready, 'status') === 'Unknown' && isTrue(findCondition(conditions, 'Reconciling'))) return health('Progressing', message);
    const finished = done.length === 0 || done.some((type) => isTrue(findCondition(conditions, type)));
    return health(isTrue(ready) && finished ? 'Healthy' : 'Degraded', message);
  };

/**
 * A HelmRelease is Healthy when Ready and its release (or its tests) succeeded. Argo CD's check counts
 * True conditions and wants exactly two, so a release whose tests also passed (Ready, Released and
 * TestSuccess all True) comes out Degraded there; that is a bug, not Flux's meaning, and is not copied.
 */
const helmReleaseHealth = fluxHealth(['Released', 'TestSuccess']);

/** A HelmRepository of type oci is only a pointer for HelmReleases: Flux leaves its status empty. */
function helmRepositoryHealth(obj: KubeObject): HealthStatus {
  if (!specSuspended(obj) && asString(getIn(obj, 'spec', 'type')) === 'oci') {
    return health('Healthy', "Helm repositories of type 'oci' do not contain any information in the status.");
  }
  return fluxHealth(['ArtifactInStorage'])(obj);
}

export const fluxHealthChecks: Record<string, HealthCheck> = {
  'kustomize.toolkit.fluxcd.io/Kustomization': fluxHealth(),
  'helm.toolkit.fluxcd.io/HelmRelease': helmReleaseHealth,
  'source.toolkit.fluxcd.io/GitRepository': fluxHealth(['ArtifactInStorage']),
  'source.toolkit.fluxcd.io/OCIRepository': fluxHealth(['ArtifactInStorage']),
  'source.toolkit.fluxcd.io/HelmRepository': helmRepositoryHealth,
  'source.toolkit.fluxcd.io/HelmChart': fluxHealth(['ArtifactInStorage']),
  'source.toolkit.fluxcd.io/Bucket': fluxHealth(['ArtifactInStorage']),
};
