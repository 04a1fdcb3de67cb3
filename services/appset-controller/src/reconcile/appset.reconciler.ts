// One reconcile of one ApplicationSet, in Argo's order: generate, validate, create/update, delete,
// then report status.conditions and status.resources. Applications already written stay written.
import {
  Application,
  ApplicationSet,
  ApplicationSetApplicationStatus,
  IN_CLUSTER_NAME,
  IN_CLUSTER_SERVER,
  KubeObject,
} from '@flotilla/api-types';
import { generateApplications, GeneratorRegistry, refreshRequired, repositoryResolver, secretField } from '@flotilla/appset';
import type { ExecLimits } from '@flotilla/gotemplate';
import { lazyJq } from '@flotilla/platform';
import type { Logger } from 'pino';
import type { AppSetHub } from '../hub/appset-hub.port';
import { allowsDelete, allowsUpdate, isOwnedBy, planDeletes, planWrites, policyOf } from './application.plan';
import { KnownCluster, validateApplications, validationMessage } from './application.validation';
import { AppSetCondition, ConditionType, conditionsChanged, nextConditions, Outcome, Reason, rolloutCondition } from './appset.conditions';
import { reconcileDeletion } from './appset.deletion';
import { resourcesStatus } from './appset.resources';
import type { JqPaths } from './ignore-differences';
import {
  hasReverseDeletionFinalizer,
  REVERSE_DELETION_FINALIZER,
  reverseDeletionEnabled,
  reverseDeletionIgnored,
} from './reverse-deletion.plan';
import { planRollout, rollingSyncEnabled, rolloutApplication, strategyProblem } from './rolling-sync.plan';

export type ReconcileResult = 'success' | 'error' | 'not-found';

/** What a reconcile reports on the rollout: status.applicationStatus and the RolloutProgressing condition. */
interface RolloutReport {
  applicationStatus: ApplicationSetApplicationStatus[];
  condition?: AppSetCondition;
}

export interface AppSetReconcilerOptions {
  /** Limits for goTemplate rendering, per generated Application. */
  templateLimits?: ExecLimits;
  clock?: () => Date;
  /** jq for ignoreApplicationDifferences.jqPathExpressions; by default jq-wasm, started on first use. */
  jq?: JqPaths;
}

export class AppSetReconciler {
  private readonly clock: () => Date;
  private jqClient: JqPaths | undefined;
  /** Its worker thread is unref'd, so an unused or idle jq never holds the process open. */
  private readonly jq = (): JqPaths => (this.jqClient ??= this.options.jq ?? lazyJq());

  constructor(
    private readonly hub: AppSetHub,
    private readonly generators: GeneratorRegistry,
    private readonly logger: Logger,
    private readonly options: AppSetReconcilerOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async reconcile(name: string): Promise<ReconcileResult> {
    const appSet = await this.hub.getAppSet(name);
    if (!appSet) return 'not-found';
    const log = this.logger.child({ applicationset: name });
    if (appSet.metadata.deletionTimestamp) {
      const deletion = await reconcileDeletion(this.hub, appSet, log, this.clock());
      if (deletion.problem) await this.report(appSet, deletion.problem);
      return deletion.result;
    }
    // Before anything is generated, as in Argo: the ApplicationSet must not go before its Applications.
    if (reverseDeletionEnabled(appSet) && !hasReverseDeletionFinalizer(appSet)) {
      await this.hub.setAppSetFinalizer(appSet, REVERSE_DELETION_FINALIZER, true);
      log.info(`added the ${REVERSE_DELETION_FINALIZER} finalizer: deletionOrder is Reverse`);
    }
    const ignoredOrder = reverseDeletionIgnored(appSet);
    if (ignoredOrder) log.warn(ignoredOrder);
    const secrets = await this.hub.listClusterSecrets();
    const generated = await generateApplications(
      appSet,
      this.generators,
      secrets,
      repositoryResolver(() => this.hub.listRepositorySecrets()),
      this.options.templateLimits,
      undefined,
      this.hub.generatorHub(),
    );
    if (!generated.ok) {
      // The refresh request stays, so the retry reads the repository afresh too, as in Argo. Existing Applications stay as they are.
      log.error({ reason: generated.reason }, `unable to generate applications: ${generated.message}`);
      await this.report(appSet, { kind: 'error', reason: generated.reason, message: generated.message, parametersGenerated: false });
      return 'error';
    }
    const apps = generated.applications;
    log.info(`generated ${apps.length} applications`);
    const badStrategy = strategyProblem(appSet);
    if (badStrategy) {
      // Writing without the rollout the user asked for could sync every cluster at once: write nothing.
      log.error(`invalid rollout strategy: ${badStrategy}`);
      await this.report(appSet, { kind: 'error', reason: Reason.InvalidRolloutConfig, message: badStrategy, parametersGenerated: true });
      return 'error';
    }
    const errors = validateApplications(appSet, apps, { projects: await this.hub.listProjectNames(), clusters: knownClusters(secrets) });
    for (const [app, message] of errors)
      log.error({ application: app }, `validation error found during application validation: ${message}`);
    const { outcome, rollout } = await this.apply(appSet, apps, errors, secrets, log);
    await this.report(appSet, outcome, rollout);
    const failed = outcome.kind === 'error' && outcome.reason !== Reason.ApplicationValidationError;
    if (!failed && refreshRequired(appSet)) {
      await this.hub.removeAppSetRefresh(name);
      log.info('refresh done; removed the application-set-refresh annotation');
    }
    return failed ? 'error' : 'success';
  }

  private async apply(
    appSet: ApplicationSet,
    apps: Application[],
    errors: Map<string, string>,
    secrets: KubeObject[],
    log: Logger,
  ): Promise<{ outcome: Outcome; rollout: RolloutReport }> {
    const all = await this.hub.listApplications();
    const live = new Map(all.map((a) => [a.metadata.name, a]));
    const owned = all.filter((a) => isOwnedBy(a, appSet));
    let valid = apps.filter((a) => !errors.has(a.metadata.name));
    let rollout: RolloutReport = { applicationStatus: [] };
    if (rollingSyncEnabled(appSet)) {
      const plan = planRollout(appSet, apps, owned, this.clock().toISOString());
      for (const name of plan.toSync) log.info({ application: name }, 'RollingSync: triggering sync of the application');
      if (plan.stopped) log.warn(`RollingSync ${plan.stopped}`);
      valid = valid.map((a) => rolloutApplication(a, plan.toSync.has(a.metadata.name)));
      const condition = rolloutCondition(appSet.status?.conditions ?? [], plan.applicationStatus, plan.stopped);
      rollout = { applicationStatus: plan.applicationStatus, condition };
    }
    const outcome = await this.writeAndPrune(appSet, apps, valid, errors, live, owned, secrets, log);
    return { outcome, rollout };
  }

  private async writeAndPrune(
    appSet: ApplicationSet,
    apps: Application[],
    valid: Application[],
    errors: Map<string, string>,
    live: Map<string, Application>,
    owned: Application[],
    secrets: KubeObject[],
    log: Logger,
  ): Promise<Outcome> {
    const writeError = await this.write(appSet, valid, live, log);
    if (writeError) {
      const reason = allowsUpdate(policyOf(appSet)) ? Reason.UpdateApplicationError : Reason.CreateApplicationError;
      return { kind: 'error', reason, message: writeError, parametersGenerated: true };
    }
    if (allowsDelete(policyOf(appSet))) {
      const deleteError = await this.prune(appSet, new Set(apps.map((a) => a.metadata.name)), owned, secrets, log);
      if (deleteError) return { kind: 'error', reason: Reason.DeleteApplicationError, message: deleteError, parametersGenerated: true };
    }
    if (errors.size > 0)
      return { kind: 'error', reason: Reason.ApplicationValidationError, message: validationMessage(errors), parametersGenerated: true };
    return { kind: 'upToDate' };
  }

  /** Creates and patches; one Application failing does not stop the others. Returns the first error by name. */
  private async write(
    appSet: ApplicationSet,
    valid: Application[],
    live: Map<string, Application>,
    log: Logger,
  ): Promise<string | undefined> {
    const failures = new Map<string, string>();
    for (const write of planWrites(appSet, valid, live, this.jq)) {
      try {
        if (write.action === 'error') throw new Error(write.message);
        if (write.action === 'create') await this.hub.createApplication(write.object);
        else await this.hub.patchApplication(write.name, write.patch);
        log.info({ application: write.name }, `${write.action === 'create' ? 'created' : 'updated'} Application`);
      } catch (err) {
        const message = (err as Error).message;
        log.error({ application: write.name }, `failed to ${write.action} Application: ${message}`);
        failures.set(write.name, message);
      }
    }
    return firstByName(failures);
  }

  private async prune(
    appSet: ApplicationSet,
    generated: Set<string>,
    owned: Application[],
    secrets: KubeObject[],
    log: Logger,
  ): Promise<string | undefined> {
    const failures = new Map<string, string>();
    for (const del of planDeletes(appSet, generated, owned, knownClusters(secrets))) {
      try {
        // The destination is gone, so the cascade could never finish: let the Application go without it.
        if (del.finalizers) await this.hub.patchApplication(del.name, { metadata: { finalizers: del.finalizers } });
        await this.hub.deleteApplication(del.name);
        log.info({ application: del.name }, 'Deleted application');
      } catch (err) {
        const message = (err as Error).message;
        log.error({ application: del.name }, `failed to delete Application: ${message}`);
        failures.set(del.name, message);
      }
    }
    return firstByName(failures);
  }

  /** Without a rollout report (an early error) the rollout status stays as it was. */
  private async report(appSet: ApplicationSet, outcome: Outcome, rollout?: RolloutReport): Promise<void> {
    const previous = appSet.status?.conditions ?? [];
    const kept = rollout ?? {
      applicationStatus: appSet.status?.applicationStatus ?? [],
      condition: previous.find((c) => c.type === ConditionType.RolloutProgressing),
    };
    const conditions = nextConditions(previous, outcome, this.clock().toISOString(), kept.condition);
    const owned = (await this.hub.listApplications()).filter((a) => isOwnedBy(a, appSet));
    const resources = resourcesStatus(owned);
    const applicationStatus = kept.applicationStatus;
    const unchanged =
      !conditionsChanged(previous, conditions) &&
      JSON.stringify(appSet.status?.resources ?? []) === JSON.stringify(resources) &&
      JSON.stringify(appSet.status?.applicationStatus ?? []) === JSON.stringify(applicationStatus);
    if (unchanged) return;
    // Without a rollout the field goes, as Argo leaves an empty list out.
    await this.hub.patchAppSetStatus(appSet.metadata.name, {
      conditions,
      resources,
      resourcesCount: resources.length,
      applicationStatus: applicationStatus.length ? applicationStatus : null,
    });
  }
}

/** Clusters Applications may target: every cluster Secret, and the hub unless a Secret covers it. */
export function knownClusters(secrets: readonly KubeObject[]): KnownCluster[] {
  const clusters = secrets.map((s) => ({ name: secretField(s, 'name'), server: secretField(s, 'server') }));
  if (!clusters.some((c) => c.server === IN_CLUSTER_SERVER)) clusters.push({ name: IN_CLUSTER_NAME, server: IN_CLUSTER_SERVER });
  return clusters;
}

function firstByName(failures: Map<string, string>): string | undefined {
  const [first] = [...failures.keys()].sort();
  return first === undefined ? undefined : failures.get(first);
}
