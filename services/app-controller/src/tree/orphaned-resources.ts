// Orphaned resources (Argo's AppProject spec.orphanedResources, controller getResourceTree): the
// top-level objects of an app's destination namespace that no Application manages, for the UI's
// "Show orphaned" filter and, when the project asks, a warning condition on the app.
import { ConditionType, groupOf, type AppProject, type ApplicationCondition, type KubeObject } from '@flotilla/api-types';
import { globMatch, trackedAppName } from '@flotilla/engine';

export interface OrphanedIgnoreRule {
  group?: string;
  kind?: string;
  name?: string;
}

export interface OrphanedResourcesSettings {
  warn?: boolean;
  ignore?: OrphanedIgnoreRule[];
}

export interface OrphanedScope {
  /** The project's spec.orphanedResources; undefined (the field absent) turns the feature off. */
  settings: OrphanedResourcesSettings | undefined;
  project: AppProject | undefined;
  /** The live objects of the destination namespace with no ownerReferences. */
  topLevel: readonly KubeObject[];
  /** This app's tracking name: what it manages is not orphaned. */
  trackingName: string;
  /** Whether an Application with this tracking name exists: an object naming a deleted app is orphaned again. */
  appExists: (trackingName: string) => boolean;
}

const identity = (obj: KubeObject): { group: string; kind: string; name: string; namespace: string } => ({
  group: groupOf(obj.apiVersion),
  kind: obj.kind ?? '',
  name: obj.metadata?.name ?? '',
  namespace: obj.metadata?.namespace ?? '',
});

/** What every namespace holds without anyone writing it; never reported. */
function alwaysIgnored(obj: KubeObject): boolean {
  const { group, kind, name, namespace } = identity(obj);
  if (group !== '') return false;
  return (
    (kind === 'ServiceAccount' && name === 'default') ||
    (kind === 'ConfigMap' && name === 'kube-root-ca.crt') ||
    (kind === 'Service' && name === 'kubernetes' && namespace === 'default')
  );
}

/** A rule's empty kind or name matches any; its group is matched as written (empty means the core group). */
const ruleMatches = (rule: OrphanedIgnoreRule, obj: KubeObject): boolean => {
  const { group, kind, name } = identity(obj);
  return (!rule.kind || globMatch(rule.kind, kind)) && globMatch(rule.group ?? '', group) && (!rule.name || globMatch(rule.name, name));
};

/** The well-formed ignore entries: a string, a list or a field of the wrong type there is skipped (it would match everything), not a crash. */
export function ignoreRulesOf(settings: OrphanedResourcesSettings | undefined): OrphanedIgnoreRule[] {
  const wellFormed = (r: unknown): r is OrphanedIgnoreRule =>
    !!r &&
    typeof r === 'object' &&
    !Array.isArray(r) &&
    ['group', 'kind', 'name'].every((k) => ['string', 'undefined'].includes(typeof (r as Record<string, unknown>)[k]));
  return (Array.isArray(settings?.ignore) ? (settings.ignore as unknown[]) : []).filter(wellFormed);
}

const listed = (list: unknown, group: string, kind: string): boolean =>
  Array.isArray(list) &&
  list.some(
    (gk: { group?: unknown; kind?: unknown } | null) =>
      globMatch(typeof gk?.group === 'string' ? gk.group : '', group) && globMatch(typeof gk?.kind === 'string' ? gk.kind : '', kind),
  );

/** The project's namespaced-kind allow and deny lists (Argo's IsGroupKindPermitted): a kind it forbids is not the app's concern. */
function kindPermitted(project: AppProject | undefined, obj: KubeObject): boolean {
  const spec = project?.spec;
  if (!spec) return true;
  const { group, kind } = identity(obj);
  const allow = spec.namespaceResourceWhitelist;
  return (allow === undefined || allow === null || listed(allow, group, kind)) && !listed(spec.namespaceResourceBlacklist, group, kind);
}

/** The orphaned top-level objects, in a stable order; none when the project does not monitor orphans. */
export function selectOrphaned(scope: OrphanedScope): KubeObject[] {
  if (!scope.settings) return [];
  const rules = ignoreRulesOf(scope.settings);
  return scope.topLevel.filter((obj) => {
    if (!obj.metadata?.namespace || (obj.metadata.ownerReferences?.length ?? 0) > 0) return false;
    const owner = trackedAppName(obj);
    if (owner === scope.trackingName || (owner !== undefined && scope.appExists(owner))) return false;
    return kindPermitted(scope.project, obj) && !alwaysIgnored(obj) && !rules.some((rule) => ruleMatches(rule, obj));
  });
}

/** Argo warns unless warn is set false; a project without orphanedResources never warns. */
export const warnsOnOrphans = (settings: OrphanedResourcesSettings | undefined): boolean => !!settings && settings.warn !== false;

/** The OrphanedResourceWarning condition, or none when there is nothing to warn about. */
export function orphanedWarning(settings: OrphanedResourcesSettings | undefined, count: number): ApplicationCondition | undefined {
  if (count === 0 || !warnsOnOrphans(settings)) return undefined;
  return { type: ConditionType.OrphanedResourceWarning, message: `Application has ${count} orphaned resources` };
}
