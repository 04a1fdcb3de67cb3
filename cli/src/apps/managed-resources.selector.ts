// Which live resources `app patch-resource` and `app delete-resource` act on: the app's managed
// resources that exist, matched by group (when given), kind, namespace and name, as argocd picks them.
import { CliError } from '../output/cli.error';
import type { AppResourceRef } from './applications.client';

export interface LiveObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
}

export interface ResourceSelection {
  /** Undefined: any group; '' is the core group. */
  group?: string;
  kind: string;
  namespace?: string;
  resourceName?: string;
  all?: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The live objects of a ManagedResources answer (resources not created yet have none). */
export function liveObjects(managed: Record<string, unknown>): LiveObject[] {
  const items = Array.isArray(managed.items) ? (managed.items as Record<string, unknown>[]) : [];
  return items.flatMap((item) => {
    const text = str(item.liveState);
    if (text === '' || text === 'null') return [];
    return [JSON.parse(text) as LiveObject];
  });
}

export const groupVersion = (apiVersion = ''): { group: string; version: string } => {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
};

/** The objects selected; one unless --all, and at least one. */
export function selectResources(objects: readonly LiveObject[], sel: ResourceSelection, verb: string): LiveObject[] {
  const picked = objects.filter((obj) => {
    if (sel.group !== undefined && sel.group !== groupVersion(obj.apiVersion).group) return false;
    if (sel.namespace && sel.namespace !== str(obj.metadata?.namespace)) return false;
    if (sel.resourceName && sel.resourceName !== str(obj.metadata?.name)) return false;
    return !sel.kind || sel.kind === obj.kind;
  });
  if (picked.length === 0) throw new CliError('no matching resource found');
  if (picked.length > 1 && !sel.all) throw new CliError(`multiple resources match inputs, use the --all flag to ${verb} multiple resources`);
  return picked;
}

/** The request fields naming `obj` as a resource of app `name`. */
export function resourceRef(name: string, obj: LiveObject, project?: string): AppResourceRef {
  const { group, version } = groupVersion(obj.apiVersion);
  return { name, namespace: str(obj.metadata?.namespace), resourceName: str(obj.metadata?.name), version, group, kind: str(obj.kind), ...(project ? { project } : {}) };
}
