// Which kinds a cluster cache watches: those an Application manages, plus the kinds their
// controllers create, so the resource tree can show Deployment → ReplicaSet → Pod.
import { groupOf } from '@flotilla/api-types';

export interface KindRef {
  apiVersion: string;
  kind: string;
}

/** `group/Kind`, the identity of a watched kind whatever its version. */
export const groupKindOf = (ref: KindRef): string => `${groupOf(ref.apiVersion)}/${ref.kind}`;

const POD: KindRef = { apiVersion: 'v1', kind: 'Pod' };
const REPLICA_SET: KindRef = { apiVersion: 'apps/v1', kind: 'ReplicaSet' };
const JOB: KindRef = { apiVersion: 'batch/v1', kind: 'Job' };

const CHILD_KINDS: Record<string, KindRef[]> = {
  'apps/Deployment': [REPLICA_SET, POD],
  'apps/ReplicaSet': [POD],
  'apps/StatefulSet': [POD],
  'apps/DaemonSet': [POD],
  'batch/Job': [POD],
  'batch/CronJob': [JOB, POD],
};

/** The kinds to watch for these managed kinds: each once, children included. */
export function kindsToWatch(managed: Iterable<KindRef>): KindRef[] {
  const out = new Map<string, KindRef>();
  for (const ref of managed) {
    if (!ref.apiVersion || !ref.kind) continue;
    for (const k of [ref, ...(CHILD_KINDS[groupKindOf(ref)] ?? [])]) if (!out.has(groupKindOf(k))) out.set(groupKindOf(k), k);
  }
  return [...out.values()];
}
