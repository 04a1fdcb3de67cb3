// Which actions a live resource offers and what running one does, layered as Argo CD layers them:
// argocd-cm's `resource.customizations.actions.<group>_<kind>` first, then the built-in actions (the
// customizations library's scripts for the kind when it has some, else Flotilla's own). argocd-cm's
// discovery hides the built-in actions unless mergeBuiltinActions; the first to name an action wins.
import type { KubeObject } from '@flotilla/api-types';
import type { ActionOverride } from '../customizations/action-overrides';
import { EMPTY_LIBRARY, libraryActionsFor, type CustomizationsLibrary } from '../customizations/customizations-dir';
import { overrideKeyOf } from '../customizations/override-key';
import { luaAction, luaActionDiscovery, type DiscoveredAction, type ImpactedResource } from '../health/lua/lua-actions';
import { clone } from '../object/json-value';
import { applicationActions } from './application.actions';
import { ActionParamError, discoverBuiltin, type BuiltinKindActions } from './builtin-action';
import { cronJobActions } from './cronjob.actions';
import { deploymentActions } from './deployment.actions';
import { restartAction } from './workload-restart.action';
import { scaleAction } from './workload-scale.action';

/** Flotilla's own actions by override key. */
export const BUILTIN_ACTIONS: Readonly<Record<string, BuiltinKindActions>> = {
  'apps/Deployment': deploymentActions,
  'apps/StatefulSet': { restart: restartAction, scale: scaleAction },
  'apps/DaemonSet': { restart: restartAction },
  'batch/CronJob': cronJobActions,
  'argoproj.io/Application': applicationActions,
};

export interface ActionSources {
  /** argocd-cm's action customizations, by override key (parseActionOverrides). */
  overrides: Record<string, ActionOverride>;
  /** The customizations library; its scripts for a kind replace Flotilla's built-ins for it. */
  library?: CustomizationsLibrary;
  /** Milliseconds since the epoch: restartedAt, a Job's name, os.time() and os.date() in scripts. */
  now: number;
}

export type ActionFailure = { error: string; reason: 'not-available' | 'disabled' | 'bad-parameter' | 'failed' };

const groupOf = (obj: KubeObject): string => {
  const apiVersion = obj.apiVersion ?? '';
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
};

/** One layer of actions: what it offers for an object and the runner of each action it knows. */
interface ActionLayer {
  discover(obj: KubeObject): { actions: DiscoveredAction[] } | { error: string };
  run(
    name: string,
    obj: KubeObject,
    params?: Record<string, string>,
  ): { impacted: ImpactedResource[] } | { error: string; badParameter?: boolean } | undefined;
}

function luaLayer(
  discovery: string | undefined,
  scripts: Record<string, string>,
  luaOpts: { now: () => number; useOpenLibs: boolean; name: string },
): ActionLayer {
  return {
    discover: (obj) => (discovery === undefined ? { actions: [] } : luaActionDiscovery(discovery, obj, luaOpts)),
    run: (name, obj, params) => (scripts[name] === undefined ? undefined : luaAction(scripts[name], obj, luaOpts, params)),
  };
}

function builtinLayer(actions: BuiltinKindActions, now: number): ActionLayer {
  return {
    discover: (obj) => ({ actions: discoverBuiltin(actions, obj) }),
    run: (name, obj, params) => {
      if (!Object.hasOwn(actions, name)) return undefined;
      try {
        return { impacted: actions[name].run(obj, { now }, params) };
      } catch (err) {
        if (err instanceof ActionParamError) return { error: err.message, badParameter: true };
        throw err;
      }
    },
  };
}

/** The layers for the object's kind, argocd-cm's first; each with whether its discovery counts. */
function layersFor(obj: KubeObject, sources: ActionSources): { layer: ActionLayer; discovers: boolean }[] {
  const key = overrideKeyOf(groupOf(obj), obj.kind ?? '');
  const now = () => sources.now;
  const layers: { layer: ActionLayer; discovers: boolean }[] = [];
  const override = sources.overrides[key];
  if (override)
    layers.push({
      layer: luaLayer(override.discovery, override.definitions, { now, useOpenLibs: false, name: key }),
      discovers: !!override.discovery,
    });
  const builtinDiscovers = !override?.discovery || override.mergeBuiltinActions;
  const library = libraryActionsFor(sources.library ?? EMPTY_LIBRARY, key);
  if (library)
    layers.push({
      layer: luaLayer(library.discovery, library.scripts, { now, useOpenLibs: true, name: key }),
      discovers: builtinDiscovers,
    });
  else if (BUILTIN_ACTIONS[key]) layers.push({ layer: builtinLayer(BUILTIN_ACTIONS[key], sources.now), discovers: builtinDiscovers });
  return layers;
}

/** The actions `obj` offers, sorted by name; a discovery script's failure is an error naming the kind. */
export function discoverActions(obj: KubeObject, sources: ActionSources): { actions: DiscoveredAction[] } | { error: string } {
  const found = new Map<string, DiscoveredAction>();
  for (const { layer, discovers } of layersFor(obj, sources)) {
    if (!discovers) continue;
    const result = layer.discover(obj);
    if ('error' in result) return { error: `error executing Lua discovery script for ${obj.kind}: ${result.error}` };
    for (const action of result.actions) if (!found.has(action.name)) found.set(action.name, action);
  }
  return { actions: [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}

/**
 * What running `name` on `obj` (the live object, left as it is) would change: the resources to patch
 * and to create. The action must be one discovery offers, and not disabled.
 */
export function runAction(
  obj: KubeObject,
  name: string,
  sources: ActionSources,
  params?: Record<string, string>,
): { impacted: ImpactedResource[] } | ActionFailure {
  const what = `${obj.kind ?? ''} ${obj.metadata?.name ?? ''}`;
  const discovered = discoverActions(obj, sources);
  if ('error' in discovered) return { error: discovered.error, reason: 'failed' };
  const action = discovered.actions.find((a) => a.name === name);
  if (!action) {
    const offered = discovered.actions.map((a) => a.name);
    return {
      error: `action ${name} is not available on ${what}${offered.length ? ` (it offers ${offered.join(', ')})` : ''}`,
      reason: 'not-available',
    };
  }
  if (action.disabled) return { error: `action ${name} is disabled on ${what}`, reason: 'disabled' };
  for (const { layer } of layersFor(obj, sources)) {
    const result = layer.run(name, clone(obj), params);
    if (result === undefined) continue;
    if ('error' in result && 'badParameter' in result)
      return { error: `action ${name} on ${what}: ${result.error}`, reason: 'bad-parameter' };
    if ('error' in result) return { error: `error executing resource action ${name} on ${what}: ${result.error}`, reason: 'failed' };
    return result;
  }
  return { error: `action ${name} is offered for ${what} but has no action.lua`, reason: 'not-available' };
}
