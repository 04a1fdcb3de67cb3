// Runs an Application's sync operation (Argo's controller/sync.go + gitops-engine sync_context):
// plan phases and waves, apply each step, wait until the step is healthy before the next, prune,
// record operationState and history. A pass that must wait records what it did and returns; the
// next pass (on this replica or, after a restart or handover, another) plans again and continues
// from those results: completed steps are not run again, hooks are created once per operation.
import { TRACKING_ID_ANNOTATION, type Application, type KubeObject, type OperationState, type ResourceResult, type SyncOperation } from '@flotilla/api-types';
import { describeShared, isHook, parseSyncOptions, planSync, recordedResults, resumeStepIndex, sharedResources, stepStatus, taskProgress, type JqEvaluator, type RecordedResults, type StepStatus, type SyncPlan, type SyncStep, type SyncTask, type ResourceCustomizations } from '@flotilla/engine';
import type { Logger } from 'pino';
import { ClusterUnreachableError, type ClusterCache } from '../clusters/cluster.cache';
import { deleteObject } from '../clusters/object.deleter';
import type { ApplicationHubClient } from '../hub/application-hub.client';
import { prepareDesired } from '../reconcile/desired-objects';
import { ManifestSource, RenderError } from '../reconcile/manifest.source';
import { jsonEqual } from '../status/merge-patch';
import { appendHistory, mayRetry, mergeResults, retryDelayMs, taskResult, waitingMessage, withHookPhase } from './operation-state.builder';
import { SyncTaskExecutor, type TaskOutcome } from './sync-task.executor';

export type SyncPass = { done: true; phase: OperationState['phase'] } | { done: false; retryAfterMs: number };

export interface SyncRunnerOptions {
  manifests: ManifestSource;
  hub: ApplicationHubClient;
  logger: Logger;
  /** How long one pass waits for a step to become healthy before yielding its worker. */
  stepWaitMs: number;
  /** Real jq, for ignoreDifferences' jqPathExpressions. */
  jq?: JqEvaluator;
  onFinished?: (app: Application, phase: OperationState['phase']) => void;
  /** argocd-cm's resource customizations as they are now. */
  customizations?: () => ResourceCustomizations;
  /**
   * Whether this replica still holds the app's cluster. One that let it go mid-pass (shutdown,
   * rebalance) has had its connection closed under it: it records nothing, the new holder resumes.
   */
  responsible?: (app: Application) => boolean;
  /** Whether a user asked to terminate the app's operation (read from the watch, no request). */
  terminationRequested?: (app: Application) => boolean;
}

interface PassContext {
  app: Application;
  cache: ClusterCache;
  trackingName: string;
  state: OperationState;
  sync: SyncOperation;
}

const POLL_MS = 200;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class SyncOperationRunner {
  constructor(private readonly opts: SyncRunnerOptions) {}

  async run(app: Application, cache: ClusterCache, trackingName: string): Promise<SyncPass> {
    const operation = app.operation!;
    const previous = app.status?.operationState;
    // As Argo: an unfinished state of this operation is resumed; after a finished one, `operation` is
    // a new request (finishing writes the state and removes `operation` in one update), even when it
    // asks for exactly the same as the last one did.
    const unfinished = previous?.phase === 'Running' || previous?.phase === 'Terminating';
    const resumed = previous && unfinished && jsonEqual(previous.operation, operation) ? previous : undefined;
    if (resumed?.phase === 'Terminating') return this.terminate(app, cache, resumed);
    const retryIn = resumed ? this.retryPendingMs(resumed) : 0;
    if (retryIn > 0) return { done: false, retryAfterMs: retryIn };
    let state: OperationState = resumed ?? { operation, phase: 'Running', message: 'Syncing', startedAt: new Date().toISOString() };
    if (!resumed) await this.opts.hub.setOperationState(app, state);
    else if (resumed.retryCount && resumed.finishedAt) state = await this.startAttempt(app, resumed);
    if (!operation.sync) return this.finish(app, { ...state, phase: 'Error', message: 'Unsupported operation: only sync operations are run' });
    try {
      return await this.pass({ app, cache, trackingName, state, sync: operation.sync });
    } catch (err) {
      if (err instanceof SharedResourceError) return this.failed({ app, cache, trackingName, state, sync: operation.sync }, 'Failed', err.message);
      const prefix = err instanceof RenderError ? 'ComparisonError: ' : err instanceof ClusterUnreachableError ? 'Failed to load live state: ' : '';
      return this.failed({ app, cache, trackingName, state, sync: operation.sync }, 'Error', `${prefix}${(err as Error).message}`);
    }
  }

  private async plan(ctx: PassContext): Promise<SyncPlan> {
    const { app, cache, sync } = ctx;
    const sources = ManifestSource.operationSources(app, sync);
    // The first pass resolves the target afresh, as Argo's sync does (no revision cache); later passes
    // of the same operation stay on the commit it started with, so a push mid-sync cannot change
    // the manifests between waves.
    const started = ctx.state.syncResult;
    const pinned = started?.revisions?.length ? started.revisions : started?.revision ? [started.revision] : undefined;
    const revisions = pinned ?? ManifestSource.operationRevisions(sync);
    const rendered = await this.opts.manifests.render(app, { ...sources, revisions, noRevisionCache: !pinned });
    const result = sources.multi ? { revision: '', revisions: rendered.revisions, sources: sources.sources } : { revision: rendered.revision, source: sources.sources[0] };
    ctx.state = { ...ctx.state, syncResult: { ...ctx.state.syncResult, ...result } };
    const namespace = app.spec.destination.namespace;
    // syncStrategy apply (`argocd app sync --strategy apply`): a plain apply, no hooks run; its
    // `force`, or the hook strategy's, is Force=true.
    const applyOnly = !!sync.syncStrategy?.apply && !sync.syncStrategy.hook;
    const manifests = applyOnly ? rendered.manifests.filter((m) => !isHook(m)) : rendered.manifests;
    const desired = prepareDesired(manifests, ctx.trackingName, namespace, cache.isNamespaced);
    const forced = sync.syncStrategy?.apply?.force || sync.syncStrategy?.hook?.force ? ['Force=true'] : [];
    const syncOptions = [...(app.spec.syncPolicy?.syncOptions ?? []), ...(sync.syncOptions ?? []), ...forced];
    if (parseSyncOptions(syncOptions).failOnSharedResource) {
      const shared = sharedResources(desired, (key) => cache.get(key), ctx.trackingName, { defaultNamespace: namespace, isNamespaced: cache.isNamespaced });
      if (shared.length) throw new SharedResourceError(`Shared resource found: ${shared.map((s) => describeShared(s, ctx.trackingName)).join('; ')}`);
    }
    const createNamespace = syncOptions.includes('CreateNamespace=true');
    const kinds = [...desired, ...(app.status?.resources ?? []).map((r) => ({ apiVersion: r.group ? `${r.group}/${r.version}` : r.version, kind: r.kind }))];
    const unknown = await cache.ensure([...kinds.map((k) => ({ apiVersion: k.apiVersion ?? '', kind: k.kind ?? '' })), ...(createNamespace ? [{ apiVersion: 'v1', kind: 'Namespace' }] : [])]);
    const plan = planSync({
      desired,
      live: cache.tracked(ctx.trackingName),
      appName: ctx.trackingName,
      namespace,
      isNamespaced: cache.isNamespaced,
      options: {
        prune: !!sync.prune,
        syncOptions,
        resources: sync.resources,
        ignoreDifferences: app.spec.ignoreDifferences,
        jq: this.opts.jq,
        customizations: this.opts.customizations?.(),
        namespaceExists: !!namespace && !!cache.get(`/Namespace//${namespace}`),
        isServed: (apiVersion, kind) => !unknown.some((k) => k.apiVersion === apiVersion && k.kind === kind),
      },
    });
    return withNamespaceMetadata(plan, app);
  }

  private async pass(ctx: PassContext): Promise<SyncPass> {
    const plan = await this.plan(ctx);
    if (plan.invalid.length) {
      const invalid = plan.invalid.map((i) => taskResult(i.task, 'SyncFailed', i.message));
      ctx.state = { ...ctx.state, syncResult: { ...ctx.state.syncResult!, resources: mergeResults(ctx.state.syncResult?.resources ?? [], invalid) } };
      return this.failed(ctx, 'Failed', 'one or more synchronization tasks are not valid');
    }
    const executor = new SyncTaskExecutor(ctx.cache.kube, !!ctx.sync.dryRun);
    const skipped = plan.skipped.filter((s) => s.result === 'PruneSkipped').map((s) => taskResult(s, 'PruneSkipped', s.message));
    // What earlier passes of this operation did: steps before the one they reached are complete.
    const recorded = recordedResults(ctx.state.syncResult?.resources ?? []);
    const run: StepRun = { executor, plan, recorded, results: mergeResults(ctx.state.syncResult?.resources ?? [], skipped) };
    for (let i = resumeStepIndex(plan.steps, recorded); i < plan.steps.length; i++) {
      const ended = await this.runStep(ctx, run, i);
      if (ended) return ended;
    }
    const message = ctx.sync.dryRun ? 'successfully synced (dry run)' : 'successfully synced (all tasks run)';
    return this.finish(ctx.app, { ...ctx.state, phase: 'Succeeded', message, syncResult: { ...ctx.state.syncResult!, resources: run.results } });
  }

  /**
   * Runs the step's tasks that have no result in this operation yet (gitops-engine's pending tasks)
   * and waits for the rest of it: a hook is created once, then waited on across passes; one that
   * finished is not run again. Returns how the pass ends, or nothing to go on with the next step.
   */
  private async runStep(ctx: PassContext, run: StepRun, i: number): Promise<SyncPass | undefined> {
    const { executor, plan } = run;
    const step = plan.steps[i];
    const progress = new Map(step.tasks.map((t) => [t, taskProgress(t, run.recorded)] as const));
    if ([...progress.values()].includes('failed')) return this.syncFailed(ctx, plan, executor, run.results, 'one or more synchronization tasks completed unsuccessfully');
    const outcomes = await executor.executeInKindOrder(step.tasks.filter((t) => progress.get(t) === 'pending'));
    run.results = mergeResults(run.results, outcomes.map((o) => taskResult(o.task, o.status, o.message)));
    const failure = outcomes.find((o) => o.status === 'SyncFailed');
    if (failure) return this.syncFailed(ctx, plan, executor, run.results, `one or more objects failed to apply, reason: ${failure.message}`);
    const isHookStep = step.tasks.some((t) => t.action === 'hook');
    if (ctx.sync.dryRun || (i === plan.steps.length - 1 && !isHookStep)) return undefined;
    // Hooks that succeeded in an earlier pass are done, and may be gone (HookSucceeded).
    const unfinished: SyncStep = { ...step, tasks: step.tasks.filter((t) => progress.get(t) !== 'succeeded') };
    const status = await this.waitForStep(ctx, unfinished, outcomes);
    run.results = withHookPhase(run.results, status.tasks);
    if (status.failed) return this.syncFailed(ctx, plan, executor, run.results, 'one or more synchronization tasks completed unsuccessfully');
    if (!status.complete) return this.yieldPass(ctx, run.results, waitingMessage(status.tasks));
    await this.cleanUpHooks(executor, unfinished, 'HookSucceeded');
    return undefined;
  }

  /**
   * Polls the cluster cache until the step is complete or failed, the pass's wait budget is spent,
   * or a user asks to terminate (then the pass yields at once and its record ends the operation).
   */
  private async waitForStep(ctx: PassContext, step: SyncStep, outcomes: TaskOutcome[]): Promise<StepStatus> {
    const applied = new Map(outcomes.filter((o) => o.applied).map((o) => [o.task.key, o.applied!] as const));
    const lookup = (key: string): KubeObject | undefined => freshest(ctx.cache.get(key), applied.get(key));
    const deadline = Date.now() + this.opts.stepWaitMs;
    const health = { customizations: this.opts.customizations?.(), now: Date.now };
    const terminating = (): boolean => this.opts.terminationRequested?.(ctx.app) ?? false;
    let status = stepStatus(step, lookup, health);
    while (!status.complete && !status.failed && Date.now() < deadline && !terminating()) {
      await sleep(POLL_MS);
      status = stepStatus(step, lookup, health);
    }
    return status;
  }

  private async cleanUpHooks(executor: SyncTaskExecutor, step: SyncStep, policy: 'HookSucceeded' | 'HookFailed'): Promise<void> {
    const hooks = step.tasks.filter((t: SyncTask) => t.action === 'hook' && t.deletePolicies?.includes(policy));
    await Promise.all(hooks.map((t) => executor.deleteHook(t)));
  }

  private yieldPass(ctx: PassContext, resources: ResourceResult[], message: string): Promise<SyncPass> {
    return this.keepRunning(ctx, { ...ctx.state, message, syncResult: { ...ctx.state.syncResult!, resources } }, POLL_MS);
  }

  /**
   * Records a state that is still Running, unless a user asked to terminate during this pass: then
   * it ends Failed. Like Argo's controller, re-read first so Running never overwrites Terminating.
   */
  private async keepRunning(ctx: PassContext, state: OperationState, retryAfterMs: number): Promise<SyncPass> {
    if (this.handedOver(ctx.app)) return { done: false, retryAfterMs };
    const fresh = await this.opts.hub.get(ctx.app.metadata.namespace ?? '', ctx.app.metadata.name);
    if (this.endedElsewhere(ctx.app, fresh)) return { done: false, retryAfterMs: POLL_MS };
    if (fresh?.status?.operationState?.phase === 'Terminating') return this.terminate(ctx.app, ctx.cache, state);
    await this.opts.hub.setOperationState(ctx.app, state);
    return { done: false, retryAfterMs };
  }

  /** Runs SyncFail hooks (without waiting, as they report in the next state), then fails or retries. */
  private async syncFailed(ctx: PassContext, plan: SyncPlan, executor: SyncTaskExecutor, resources: ResourceResult[], message: string): Promise<SyncPass> {
    if (this.handedOver(ctx.app)) return { done: false, retryAfterMs: POLL_MS };
    let results = resources;
    for (const step of plan.syncFailSteps) {
      const outcomes = await executor.executeInKindOrder(step.tasks);
      results = mergeResults(results, outcomes.map((o) => taskResult(o.task, o.status, o.message)));
    }
    for (const step of plan.steps) await this.cleanUpHooks(executor, step, 'HookFailed');
    ctx.state = { ...ctx.state, syncResult: { ...ctx.state.syncResult!, resources: results } };
    return this.failed(ctx, 'Failed', message);
  }

  private async failed(ctx: PassContext, phase: 'Failed' | 'Error', message: string): Promise<SyncPass> {
    if (this.handedOver(ctx.app)) return { done: false, retryAfterMs: POLL_MS };
    const retryCount = ctx.state.retryCount ?? 0;
    const retry = ctx.app.operation?.retry;
    if (!mayRetry(retry, retryCount)) return this.finish(ctx.app, { ...ctx.state, phase, message });
    const delay = retryDelayMs(retry!, retryCount + 1);
    const at = new Date(Date.now() + delay).toISOString();
    const state: OperationState = { ...ctx.state, phase: 'Running', retryCount: retryCount + 1, finishedAt: new Date().toISOString(), message: `Retrying attempt #${retryCount + 1} at ${at}. Reason: ${message}` };
    return this.keepRunning(ctx, state, delay);
  }

  /**
   * The app's cluster went to another replica during this pass: what failed here (a request cut
   * off as the cluster's connection closed) says nothing about the sync, and the operation stays
   * Running for the new holder, which resumes it from the results recorded so far.
   */
  private handedOver(app: Application): boolean {
    if (!this.opts.responsible || this.opts.responsible(app)) return false;
    this.opts.logger.info({ app: app.metadata.name }, `sync of ${app.metadata.name}: its cluster moved to another controller replica mid-pass; that replica resumes the operation`);
    return true;
  }

  /**
   * Another pass of this operation (on the replica that held the cluster before, or holds it now)
   * ended it while this one ran: `operation` is gone or is a new request. This pass then records
   * nothing, as a Running state written over the recorded end would never be ended.
   */
  private endedElsewhere(app: Application, fresh: Application | undefined): boolean {
    if (fresh?.operation && jsonEqual(fresh.operation, app.operation)) return false;
    this.opts.logger.info({ app: app.metadata.name }, `sync of ${app.metadata.name}: the operation was ended or replaced while this pass ran; this pass records nothing`);
    return true;
  }

  /**
   * Ends a terminated operation as Argo does: hooks still running are deleted and marked Failed
   * "Terminated", and the operation fails (Error when a hook could not be deleted).
   */
  private async terminate(app: Application, cache: ClusterCache, state: OperationState): Promise<SyncPass> {
    const resources = state.syncResult?.resources ?? [];
    const running = resources.filter((r) => r.hookType && (r.hookPhase === 'Running' || r.hookPhase === 'Pending'));
    let undeleted = 0;
    if (!state.operation.sync?.dryRun) {
      for (const r of running) {
        const obj: KubeObject = { apiVersion: r.group ? `${r.group}/${r.version}` : r.version, kind: r.kind, metadata: { name: r.name, ...(r.namespace ? { namespace: r.namespace } : {}) } };
        await deleteObject(cache.kube, obj, 'Background').catch((err: Error) => {
          undeleted++;
          this.opts.logger.warn({ app: app.metadata.name, err }, `terminating the sync of ${app.metadata.name}: deleting hook ${r.kind}/${r.name} failed: ${err.message}`);
        });
      }
    }
    const marked = resources.map((r) => (running.includes(r) ? { ...r, hookPhase: 'Failed' as const, message: 'Terminated' } : r));
    const syncResult = state.syncResult ? { ...state.syncResult, resources: marked } : undefined;
    const ended: OperationState = undeleted
      ? { ...state, syncResult, phase: 'Error', message: 'Operation termination had errors' }
      : { ...state, syncResult, phase: 'Failed', message: 'Operation terminated' };
    return this.finish(app, ended);
  }

  /**
   * A retry is a new attempt, as Argo's controller starts one: the failed attempt's results are
   * dropped (its hooks run again) and finishedAt cleared, which marks the attempt as started.
   */
  private async startAttempt(app: Application, failed: OperationState): Promise<OperationState> {
    const { finishedAt: _failedAt, ...rest } = failed;
    const state: OperationState = { ...rest, message: 'Syncing', ...(failed.syncResult ? { syncResult: { ...failed.syncResult, resources: [] } } : {}) };
    // A merge patch keeps a field it does not name: null removes it.
    await this.opts.hub.setOperationState(app, { ...state, finishedAt: null } as unknown as OperationState);
    return state;
  }

  /** A retry waits its backoff, counted from the failed attempt's finishedAt. */
  private retryPendingMs(state: OperationState): number {
    if (!state.retryCount || !state.finishedAt) return 0;
    const retry = state.operation.retry;
    if (!retry) return 0;
    return Date.parse(state.finishedAt) + retryDelayMs(retry, state.retryCount) - Date.now();
  }

  private async finish(app: Application, state: OperationState): Promise<SyncPass> {
    const fresh = await this.opts.hub.get(app.metadata.namespace ?? '', app.metadata.name);
    if (this.endedElsewhere(app, fresh)) return { done: false, retryAfterMs: POLL_MS };
    const done: OperationState = { ...state, finishedAt: new Date().toISOString() };
    const history = done.phase === 'Succeeded' && !done.operation.sync?.dryRun ? appendHistory(app, done) : undefined;
    await this.opts.hub.completeOperation(app, done, history);
    this.opts.logger.info({ app: app.metadata.name, phase: done.phase }, `sync of ${app.metadata.name} ${done.phase.toLowerCase()}: ${done.message ?? ''}`);
    this.opts.onFinished?.(app, done.phase);
    return { done: true, phase: done.phase };
  }
}

/** The cached object unless the write just made is newer than what the watch has delivered. */
function freshest(cached: KubeObject | undefined, applied: KubeObject | undefined): KubeObject | undefined {
  if (!cached || !applied) return cached ?? applied;
  return (cached.metadata?.generation ?? 0) >= (applied.metadata?.generation ?? 0) ? cached : applied;
}

/** CreateNamespace=true applies syncPolicy.managedNamespaceMetadata to the namespace it creates. */
function withNamespaceMetadata(plan: SyncPlan, app: Application): SyncPlan {
  const meta = app.spec.syncPolicy?.managedNamespaceMetadata;
  if (!meta) return plan;
  const steps = plan.steps.map((step) => ({
    ...step,
    tasks: step.tasks.map((t) =>
      t.ref.kind === 'Namespace' && t.ref.group === '' && t.desired && !t.desired.metadata?.annotations?.[TRACKING_ID_ANNOTATION]
        ? { ...t, action: t.action === 'none' ? ('apply' as const) : t.action, desired: { ...t.desired, metadata: { ...t.desired.metadata, labels: meta.labels, annotations: meta.annotations } } }
        : t,
    ),
  }));
  return { ...plan, steps };
}

/** One pass's walk through the plan: what it has recorded so far, over what earlier passes recorded. */
interface StepRun {
  executor: SyncTaskExecutor;
  plan: SyncPlan;
  recorded: RecordedResults;
  results: ResourceResult[];
}

/** FailOnSharedResource=true found a resource another Application tracks. */
class SharedResourceError extends Error {}
