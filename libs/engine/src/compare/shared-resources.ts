// Resources two Applications both render: Argo CD warns (SharedResourceWarning) when a desired
// object is live under another app's tracking id, and a sync with FailOnSharedResource=true stops.
import type { KubeObject } from '@flotilla/api-types';
import { resourceKeyOf, type KeyOptions } from '../resource/resource-key';
import { isHook } from '../sync/hook';
import { trackedAppName } from '../tracking/tracking-id';

export interface SharedResource {
  key: string;
  kind: string;
  name: string;
  /** The app whose tracking id the live object carries. */
  otherApp: string;
}

/** Desired objects whose live counterpart another Application tracks. */
export function sharedResources(desired: readonly KubeObject[], liveByKey: (key: string) => KubeObject | undefined, appName: string, keyOpts: KeyOptions = {}): SharedResource[] {
  const out: SharedResource[] = [];
  for (const obj of desired) {
    if (isHook(obj)) continue;
    const key = resourceKeyOf(obj, keyOpts);
    const live = liveByKey(key);
    const other = live ? trackedAppName(live) : undefined;
    if (other && other !== appName) out.push({ key, kind: obj.kind ?? '', name: obj.metadata?.name ?? '', otherApp: other });
  }
  return out;
}

/** Argo's words for a shared resource, as in the condition and the failed sync. */
export const describeShared = (s: SharedResource, appName: string): string => `${s.kind}/${s.name} is part of applications ${appName} and ${s.otherApp}`;
