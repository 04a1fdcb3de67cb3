// `restart` for Deployments, StatefulSets and DaemonSets: what `kubectl rollout restart` does, a new
// kubectl.kubernetes.io/restartedAt annotation on the pod template, so the controller rolls every pod.
import type { KubeObject } from '@flotilla/api-types';
import { isRecord } from '../object/json-value';
import { rfc3339Seconds, type BuiltinAction } from './builtin-action';

export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

/** The record at `obj[key]`, made (or replaced, when it is not a record) if need be. */
function recordAt(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = obj[key];
  if (isRecord(existing)) return existing;
  const made: Record<string, unknown> = {};
  obj[key] = made;
  return made;
}

export const restartAction: BuiltinAction = {
  iconClass: 'fa fa-fw fa-redo',
  run: (obj: KubeObject, { now }) => {
    const spec = recordAt(obj, 'spec');
    const metadata = recordAt(recordAt(spec, 'template'), 'metadata');
    recordAt(metadata, 'annotations')[RESTARTED_AT_ANNOTATION] = rfc3339Seconds(now);
    return [{ operation: 'patch', resource: obj }];
  },
};
