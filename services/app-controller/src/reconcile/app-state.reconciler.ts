// Compares one Application with its destination (Argo's appcontroller.go processAppRefreshQueueItem):
// render, watch, compare, write status, the resource tree and managed resources, and decide auto-sync.
import { ConditionType, REFRESH_ANNOTATION, type Application, type ApplicationCondition, type KubeObject } from '@flotilla/api-types';
import { compareAppState, describeShared, sharedResources, type CompareResult, type JqEvaluator, type ResourceCustomizations } from '@flotilla/engine';
import type { Logger } from 'pino';
import { ClusterUnreachableError, type ClusterCache } from '../clusters/cluster.cache';
import type { ClusterRegistry } from '../clusters/cluster.registry';
import type { ApplicationHubClient } from '../hub/application-hub.client';
import type { AppProjectStore } from '../projects/app-project.store';
import { statusPatch } from '../status/app-status.builder';
import { decideAutoSync, type AutoSyncDecision } from '../sync/auto-sync.policy';
import type { AppCacheStore } from '../tree/app-cache.store';
import { orphanedWarning, selectOrphaned, type OrphanedResourcesSettings } from '../tree/orphaned-resources';
import { buildManagedResources, buildResourceTree } from '../tree/resource-tree.builder';
import { incompleteCacheReason } from './cache-completeness';
import { compareLevel, type CompareLevel } from './compare-level';
import { prepareDesired } from './desired-objects';
import { ManifestSource, RenderError, type AppSources } from './manifest.source';
import { ServerSideDiffer } from './server-side.differ';

export interface AppStateReconcilerOptions {
  clusters: ClusterRegistry;
  manifests: ManifestSource;
  hub: ApplicationHubClient;
  cache: AppCacheStore;
  logger: Logger;
  resyncMs: number;
  selfHealMs: number;
  /** Real jq, for ignoreDifferences' jqPathExpressions. */
  jq?: JqEvaluator;
  observeReconcile?: (app: Application, seconds: number) => void;
  /** argocd-cm's resource customizations as they are now. */
  customizations?: () => ResourceCustomizations;
  /** Whether this replica still holds the app's cluster (see SyncRunnerOptions.responsible). */
  responsible?: (app: Application) => boolean;
  /** The AppProjects, for spec.orphanedResources; absent, no app monitors orphaned resources. */
  projects?: Pick<AppProjectStore, 'project'>;
  /** The tracking names of the Applications that exist (an object tracked by a deleted app is orphaned); absent, any name is taken as existing. */
  appTrackingNames?: () => ReadonlySet<string>;
}

interface Comparison {
  sources?: AppSources;
  revisions?: string[];
  sourceTypes?: string[];
  compare?: CompareResult;
  conditions: ApplicationCondition[];
  /** The cluster cache was not whole: compare again this soon, once its watches have listed again. */
  retryAfterMs?: number;
}

/** How soon an app whose cluster cache is still listing again is compared again. */
const INCOMPLETE_CACHE_RETRY_MS = 1000;

/** The cluster cache does not hold the whole live state yet (see cache-completeness.ts). */
class IncompleteCacheError extends ClusterUnreachableError {}

export class AppStateReconciler {
  private readonly serverSide = new ServerSideDiffer();

  constructor(private readonly opts: AppStateReconcilerOptions) {}

  /** Refreshes the app's status; returns what auto-sync decided (undefined when nothing was compared). */
  async reconcile(app: Application, trackingName: string, requested: CompareLevel): Promise<AutoSyncDecision | undefined> {
    const started = performance.now();
    const level = compareLevel(app, requested, Date.now(), this.opts.resyncMs);
    const result = await this.compare(app, trackingName, level);
    // The cluster moved to another replica while we compared (its watches stopped under us): the new
    // holder compares again; a status or an auto-sync from this half-seen state would be wrong.
    if (this.opts.responsible && !this.opts.responsible(app)) return undefined;
    let decision: AutoSyncDecision | undefined;
    if (result.compare && result.revisions && result.sources) {
      decision = decideAutoSync({
        app,
        syncStatus: result.compare.syncStatus,
        resources: result.compare.resources,
        revision: result.revisions.join(', '),
        ...(result.sources.multi ? { multiSource: { sources: result.sources.sources, revisions: result.revisions } } : {}),
        now: Date.now(),
        selfHealMs: this.opts.selfHealMs,
      });
      if (decision.action === 'condition') result.conditions.push(decision.condition);
    } else if (result.retryAfterMs !== undefined) {
      decision = { action: 'skip', reason: 'the cluster cache is not whole', retryAfterMs: result.retryAfterMs };
    }
    const now = new Date().toISOString();
    const patch = statusPatch({ app, ...result }, now, level !== 'recent');
    await this.opts.hub.patchStatus(app, patch, app.metadata.annotations?.[REFRESH_ANNOTATION] !== undefined);
    this.opts.observeReconcile?.(app, (performance.now() - started) / 1000);
    return decision;
  }

  private async compare(app: Application, trackingName: string, level: CompareLevel): Promise<Comparison> {
    const resolved = this.opts.clusters.resolve(app.spec.destination);
    if (resolved.error !== undefined) {
      return { conditions: [{ type: ConditionType.InvalidSpecError, message: `Application destination spec is invalid: ${resolved.error}` }] };
    }
    const out: Comparison = { conditions: [] };
    try {
      out.sources = ManifestSource.sourcesOf(app);
      const recent = level !== 'recent' ? undefined : out.sources.multi ? app.status?.sync?.revisions : [app.status?.sync?.revision];
      const rendered = await this.opts.manifests.render(app, { ...out.sources, revisions: recent, noCache: level === 'hard', noRevisionCache: level !== 'recent' });
      out.revisions = rendered.revisions;
      out.sourceTypes = rendered.sourceTypes;
      for (const reason of rendered.staleReasons) out.conditions.push({ type: ConditionType.StaleManifestsWarning, message: `Failed to reach the repository; compared with the last good manifests: ${reason}` });
      out.compare = await this.compareLive(app, trackingName, resolved.cache, rendered.manifests);
    } catch (err) {
      if (err instanceof IncompleteCacheError) out.retryAfterMs = INCOMPLETE_CACHE_RETRY_MS;
      if (err instanceof RenderError) out.conditions.push(err.condition);
      else if (err instanceof ClusterUnreachableError) out.conditions.push({ type: ConditionType.ComparisonError, message: `Failed to load live state: ${err.message}` });
      else throw err;
    }
    return out;
  }

  private async compareLive(app: Application, trackingName: string, cache: ClusterCache, manifests: KubeObject[]): Promise<CompareResult> {
    const namespace = app.spec.destination.namespace;
    // Scope first: discovery decides which objects get the destination namespace.
    const unknown = await cache.ensure(manifests.map((m) => ({ apiVersion: m.apiVersion ?? '', kind: m.kind ?? '' })));
    const desired = prepareDesired(manifests, trackingName, namespace, cache.isNamespaced);
    const previous = (app.status?.resources ?? []).map((r) => ({ apiVersion: r.group ? `${r.group}/${r.version}` : r.version, kind: r.kind }));
    await cache.ensure(previous);
    // Argo compares only against a synced cluster cache: what a stale one holds is no difference to show or to sync.
    const incomplete = incompleteCacheReason(cache.info(0));
    if (incomplete) throw new IncompleteCacheError(`cluster ${cache.describe()}: ${incomplete}`);
    const live = cache.tracked(trackingName);
    const health = { customizations: this.opts.customizations?.(), now: Date.now };
    const server = await this.serverSide.predict(app, desired, cache, { defaultNamespace: namespace, isNamespaced: cache.isNamespaced });
    const compare = compareAppState({
      appName: trackingName,
      desired,
      live,
      namespace,
      ignoreDifferences: app.spec.ignoreDifferences,
      isNamespaced: cache.isNamespaced,
      jq: this.opts.jq,
      serverPredicted: server.predicted,
      ...health,
    });
    compare.conditions.push(...server.conditions);
    for (const kind of unknown.filter((k) => manifests.some((m) => m.apiVersion === k.apiVersion && m.kind === k.kind))) {
      compare.conditions.push({ type: ConditionType.ComparisonError, message: `The Kubernetes API could not find ${kind.apiVersion}/${kind.kind} on cluster ${cache.describe()}; make sure its CRD is installed` });
    }
    for (const shared of sharedResources(desired, (key) => cache.get(key), trackingName, { defaultNamespace: namespace, isNamespaced: cache.isNamespaced })) {
      compare.conditions.push({ type: ConditionType.SharedResourceWarning, message: describeShared(shared, trackingName) });
    }
    const orphaned = this.orphaned(app, trackingName, cache);
    const warning = orphanedWarning(orphaned.settings, orphaned.objects.length);
    if (warning) compare.conditions.push(warning);
    const tree = buildResourceTree(live, (uid) => cache.childrenOf(uid), health, orphaned.objects);
    await this.opts.cache.write(app.metadata.namespace ?? '', app.metadata.name, tree, buildManagedResources(compare.managed));
    return compare;
  }

  /**
   * The destination namespace's orphaned top-level objects, when the app's project monitors them.
   * Only kinds this cluster cache already watches (those some app manages, and their children) are
   * seen: Argo watches every kind, Flotilla adds no watch per project setting.
   */
  private orphaned(app: Application, trackingName: string, cache: ClusterCache): { settings?: OrphanedResourcesSettings; objects: KubeObject[] } {
    const project = this.opts.projects?.project(app.spec.project);
    const settings = project?.spec?.orphanedResources ?? undefined;
    const namespace = app.spec.destination.namespace;
    if (!settings || !namespace) return { settings, objects: [] };
    const existing = this.opts.appTrackingNames?.();
    const objects = selectOrphaned({ settings, project, topLevel: cache.topLevelIn(namespace), trackingName, appExists: (name) => existing?.has(name) ?? true });
    return { settings, objects };
  }
}
