// `appset list` / `appset get` / `appset create` / `appset generate` output, as argocd prints ApplicationSets.
import type { Application, ApplicationSet } from '@flotilla/api-types';
import { ARGO_API_VERSION } from '@flotilla/api-types';
import { formatAppTable, qualifiedName } from '../apps/app-list.printer';
import { formatObject, isObjectFormat } from '../output/object.printer';
import { formatTable, summaryLine } from '../output/tab-writer';
import { generatorSummary } from './appset-generators.printer';

const templateSource = (s: ApplicationSet) => s.spec.template?.spec?.source ?? s.spec.template?.spec?.sources?.[0];

/** The ApplicationSet's own sync policy (what it may do to its Applications), `nil` when unset as argocd shows it. */
function appSetSyncPolicy(s: ApplicationSet): string {
  const p = s.spec.syncPolicy;
  if (!p) return 'nil';
  const parts = [p.applicationsSync ? `applicationsSync=${p.applicationsSync}` : '', p.preserveResourcesOnDeletion ? 'preserveResourcesOnDeletion' : ''].filter(Boolean);
  return parts.length ? parts.join(',') : 'nil';
}

/** Conditions whose status is True, by type: `[ResourcesUpToDate ParametersGenerated]`. */
function trueConditions(s: ApplicationSet): string {
  return `[${(s.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type).join(' ')}]`;
}

export function formatAppSetTable(sets: readonly ApplicationSet[]): string {
  const rows = sets.map((s) => {
    const src = templateSource(s);
    return [qualifiedName(s), s.spec.template?.spec?.project ?? '', appSetSyncPolicy(s), trueConditions(s), src?.repoURL ?? '', src?.path ?? '', src?.targetRevision ?? ''];
  });
  return formatTable([['NAME', 'PROJECT', 'SYNCPOLICY', 'CONDITIONS', 'REPO', 'PATH', 'TARGET'], ...rows]);
}

export const formatAppSetNames = (sets: readonly ApplicationSet[]): string => sets.map((s) => `${qualifiedName(s)}\n`).join('');

export function formatAppSetSummary(s: ApplicationSet): string {
  const spec = s.spec.template?.spec;
  const sources = spec?.sources?.length ? spec.sources : [spec?.source ?? { repoURL: '' }];
  const automated = spec?.syncPolicy?.automated && spec.syncPolicy.automated.enabled !== false;
  let out =
    summaryLine('Name:', qualifiedName(s)) +
    summaryLine('Project:', spec?.project || 'default') +
    summaryLine('Server:', spec?.destination?.server || spec?.destination?.name || '') +
    summaryLine('Namespace:', spec?.destination?.namespace ?? '') +
    (spec?.sources?.length ? 'Sources:\n' : 'Source:\n');
  for (const src of sources) {
    out += summaryLine('- Repo:', src.repoURL) + summaryLine('  Target:', src.targetRevision ?? '');
    if (src.path) out += summaryLine('  Path:', src.path);
  }
  out += summaryLine('SyncPolicy:', automated ? `Automated${spec?.syncPolicy?.automated?.prune ? ' (Prune)' : ''}` : '<none>');
  const generators = s.spec.generators ?? [];
  out += generators.length === 1 ? summaryLine('Generator:', generatorSummary(generators[0])) : 'Generators:\n';
  if (generators.length > 1) for (const g of generators) out += summaryLine('-', generatorSummary(g));
  out += summaryLine('Strategy:', strategyText(s));
  const conditions = s.status?.conditions ?? [];
  if (conditions.length > 0) {
    const rows = conditions.map((c) => [c.type, c.status, c.message, c.lastTransitionTime ?? '']);
    out += `\n${formatTable([['CONDITION', 'STATUS', 'MESSAGE', 'LAST TRANSITION'], ...rows])}`;
  }
  const rollout = s.status?.applicationStatus ?? [];
  if (rollout.length > 0) {
    const rows = rollout.map((a) => [a.application, a.status, a.step, (a.targetRevisions ?? []).map((r) => r.slice(0, 7)).join(','), a.lastTransitionTime ?? '', a.message]);
    out += `\n${formatTable([['APPLICATION', 'STATUS', 'STEP', 'REVISIONS', 'LAST TRANSITION', 'MESSAGE'], ...rows])}`;
  }
  return out + (conditions.length > 0 && rollout.length === 0 ? '\n' : '');
}

/** `RollingSync (3 steps: env In [dev]; env In [staging]; env In [prod] maxUpdate 50%)`, or AllAtOnce. */
function strategyText(s: ApplicationSet): string {
  const strategy = s.spec.strategy;
  if (strategy?.type !== 'RollingSync') return strategy?.type ?? 'AllAtOnce';
  const steps = strategy.rollingSync?.steps ?? [];
  const text = steps.map((step) => {
    const exprs = (step.matchExpressions ?? []).map((e) => `${e.key} ${e.operator} [${(e.values ?? []).join(' ')}]`).join(',') || 'all';
    return step.maxUpdate !== undefined ? `${exprs} maxUpdate ${step.maxUpdate}` : exprs;
  });
  return `RollingSync (${steps.length} step${steps.length === 1 ? '' : 's'}: ${text.join('; ')})`;
}

/**
 * `appset generate`: the Applications as `app list -o wide` prints them, or as manifests (json|yaml)
 * without status, namespace and creationTimestamp, one object alone and several as a list, as argocd prints them.
 */
export function formatGeneratedApps(apps: readonly Application[], output: string): string {
  if (!isObjectFormat(output)) return formatAppTable(apps, true);
  const manifests = apps.map(({ status: _status, ...app }) => {
    const { namespace: _ns, creationTimestamp: _created, ...metadata } = app.metadata;
    return { ...app, apiVersion: ARGO_API_VERSION, kind: 'Application', metadata };
  });
  // argocd marshals its empty list as null.
  return formatObject(manifests.length === 0 ? null : manifests.length === 1 ? manifests[0] : manifests, output);
}
