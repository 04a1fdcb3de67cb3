// Resource hooks: Argo's `argocd.argoproj.io/hook` and Helm's `helm.sh/hook` (gitops-engine pkg/sync/hook).
import { HOOK_ANNOTATION, HOOK_DELETE_POLICY_ANNOTATION, type KubeObject, type SyncPhase } from '@flotilla/api-types';
import { annotationCsv, annotationOf } from '../object/annotations';

export const HELM_HOOK_ANNOTATION = 'helm.sh/hook';
export const HELM_HOOK_WEIGHT_ANNOTATION = 'helm.sh/hook-weight';
export const HELM_HOOK_DELETE_POLICY_ANNOTATION = 'helm.sh/hook-delete-policy';
export const HOOK_FINALIZER = 'argocd.argoproj.io/hook-finalizer';

export type HookType = SyncPhase | 'Skip';
export type HookDeletePolicy = 'HookSucceeded' | 'HookFailed' | 'BeforeHookCreation';

const ARGO_TYPES = new Set<string>(['PreSync', 'Sync', 'PostSync', 'SyncFail', 'PostDelete', 'Skip']);
const HELM_TYPES: Record<string, SyncPhase> = {
  'pre-install': 'PreSync',
  'pre-upgrade': 'PreSync',
  'post-install': 'PostSync',
  'post-upgrade': 'PostSync',
};
const HELM_POLICIES: Record<string, HookDeletePolicy> = {
  'before-hook-creation': 'BeforeHookCreation',
  'hook-succeeded': 'HookSucceeded',
  'hook-failed': 'HookFailed',
};
const ARGO_POLICIES = new Set<string>(['HookSucceeded', 'HookFailed', 'BeforeHookCreation']);

/** Hook types of obj; Helm's annotation is read only when Argo's names none. */
export function hookTypes(obj: KubeObject): HookType[] {
  const argo = annotationCsv(obj, HOOK_ANNOTATION).filter((t): t is HookType => ARGO_TYPES.has(t));
  if (argo.length > 0) return argo;
  return annotationCsv(obj, HELM_HOOK_ANNOTATION)
    .map((t) => HELM_TYPES[t])
    .filter((t): t is SyncPhase => t !== undefined);
}

/** `hook: Skip` alone means: never apply this manifest. */
export function isSkipped(obj: KubeObject): boolean {
  const types = hookTypes(obj);
  return types.length === 1 && types[0] === 'Skip';
}

/**
 * A hook runs in a phase instead of being synced as a resource. Any `helm.sh/hook` but
 * `crd-install` makes one, as in gitops-engine: a Helm hook of a kind Argo has no phase for
 * (`test`, `pre-delete`, `post-rollback`…) is then neither synced nor run.
 */
export function isHook(obj: KubeObject): boolean {
  if (annotationOf(obj, HOOK_ANNOTATION) !== undefined) return !isSkipped(obj);
  const helm = annotationOf(obj, HELM_HOOK_ANNOTATION);
  return helm !== undefined && helm !== 'crd-install';
}

/** Delete policies; Argo defaults to BeforeHookCreation when none is given. */
export function hookDeletePolicies(obj: KubeObject): HookDeletePolicy[] {
  const argo = annotationCsv(obj, HOOK_DELETE_POLICY_ANNOTATION).filter((p): p is HookDeletePolicy => ARGO_POLICIES.has(p));
  const helm = annotationCsv(obj, HELM_HOOK_DELETE_POLICY_ANNOTATION)
    .map((p) => HELM_POLICIES[p])
    .filter((p): p is HookDeletePolicy => p !== undefined);
  const all = [...new Set([...argo, ...helm])];
  return all.length > 0 ? all : ['BeforeHookCreation'];
}
