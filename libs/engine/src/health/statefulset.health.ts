// apps/StatefulSet (gitops-engine pkg/health/health_statefulset.go).
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asNumber, asString, countOf, getIn } from '../object/json-value';
import { health } from './health-check';
import { requireVersion } from './served-versions';

export function statefulSetHealth(obj: KubeObject): HealthStatus {
  requireVersion(obj, 'StatefulSet', ['v1']);
  const observed = countOf(obj, 'status', 'observedGeneration');
  if (observed === 0 || (obj.metadata?.generation ?? 0) > observed) {
    return health('Progressing', 'Waiting for statefulset spec update to be observed...');
  }
  const wanted = asNumber(getIn(obj, 'spec', 'replicas'));
  const ready = countOf(obj, 'status', 'readyReplicas');
  const updated = countOf(obj, 'status', 'updatedReplicas');
  if (wanted !== undefined && ready < wanted) return health('Progressing', `Waiting for ${wanted - ready} pods to be ready...`);
  const strategy = asString(getIn(obj, 'spec', 'updateStrategy', 'type')) ?? 'RollingUpdate';
  const rolling = getIn(obj, 'spec', 'updateStrategy', 'rollingUpdate');
  if (strategy === 'RollingUpdate' && rolling !== undefined) {
    const partition = asNumber(getIn(rolling, 'partition'));
    if (wanted !== undefined && partition !== undefined && updated < wanted - partition) {
      return health(
        'Progressing',
        `Waiting for partitioned roll out to finish: ${updated} out of ${wanted - partition} new pods have been updated...`,
      );
    }
    return health('Healthy', `partitioned roll out complete: ${updated} new pods have been updated...`);
  }
  if (strategy === 'OnDelete') return health('Healthy', `statefulset has ${ready} ready pods`);
  const updateRevision = asString(getIn(obj, 'status', 'updateRevision')) ?? '';
  const currentRevision = asString(getIn(obj, 'status', 'currentRevision')) ?? '';
  if (updateRevision !== currentRevision) {
    return health('Progressing', `waiting for statefulset rolling update to complete ${updated} pods at revision ${updateRevision}...`);
  }
  const current = countOf(obj, 'status', 'currentReplicas');
  return health('Healthy', `statefulset rolling update complete ${current} pods at revision ${currentRevision}...`);
}
