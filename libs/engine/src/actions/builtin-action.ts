// Flotilla's built-in resource actions, the ones Argo CD ships as Lua for core workloads, written as
// TypeScript: each kind offers some actions (discover) and runs them (run) on a copy of the live object.
import type { KubeObject } from '@flotilla/api-types';
import type { ActionParam, DiscoveredAction, ImpactedResource } from '../health/lua/lua-actions';

export interface ActionClock {
  /** Milliseconds since the epoch, as the caller's clock reads it. */
  now: number;
}

export interface BuiltinAction {
  /** Whether the action is offered but greyed out for this object (pause on a paused Deployment). */
  disabled?: (obj: KubeObject) => boolean;
  iconClass?: string;
  /** The label the UI shows, when not the name; it may depend on the object (Enable or Disable Auto-Sync). */
  displayName?: string | ((obj: KubeObject) => string);
  /** The parameters it takes, as discovery lists them. */
  params?: ActionParam[];
  /** The resources the action changes or creates; `obj` is a copy the action may change. Throws ActionParamError on a bad parameter. */
  run: (obj: KubeObject, clock: ActionClock, params?: Record<string, string>) => ImpactedResource[];
  /** Offered only when this holds (CronJob offers suspend or resume, never both). */
  offered?: (obj: KubeObject) => boolean;
}

/** One kind's built-in actions, by name. */
export type BuiltinKindActions = Record<string, BuiltinAction>;

/** The actions of a kind offered for `obj`, sorted by name, as discovery answers. */
export function discoverBuiltin(actions: BuiltinKindActions, obj: KubeObject): DiscoveredAction[] {
  return Object.entries(actions)
    .filter(([, a]) => !a.offered || a.offered(obj))
    .map(([name, a]): DiscoveredAction => {
      const found: DiscoveredAction = { name, disabled: a.disabled?.(obj) ?? false };
      if (a.iconClass) found.iconClass = a.iconClass;
      const displayName = typeof a.displayName === 'function' ? a.displayName(obj) : a.displayName;
      if (displayName) found.displayName = displayName;
      if (a.params) found.params = a.params.map((p) => ({ ...p }));
      return found;
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A parameter the caller gave an action is missing or wrong: the caller's mistake, said plainly. */
export class ActionParamError extends Error {}

/** RFC 3339 in UTC to the second, as kubectl rollout restart writes restartedAt. */
export const rfc3339Seconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
