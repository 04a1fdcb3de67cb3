// Carries out one sync task on the destination cluster as Argo CD does: client-side apply by default
// (kubectl apply: create, or a three-way patch from last-applied-configuration, strategic merge for
// built-in kinds and JSON merge for custom resources), server-side apply with ServerSideApply=true
// (forced, as Argo passes --force-conflicts), replace with Replace=true, delete and create again
// with Force=true, hook re-creation, or prune. Writes go under field manager argocd-controller.
import { groupOf, type KubeObject, type ResultCode } from '@flotilla/api-types';
import { LAST_APPLIED_ANNOTATION, applyPatchTypeOf, maskSecretValuesIn, threeWayPatch, type SyncTask } from '@flotilla/engine';
import { isNotFound, type KubeClient } from '@flotilla/platform';
import { deleteObject } from '../clusters/object.deleter';
import { patchSchemas, type PatchSchemaStore } from '../clusters/patch-schema.store';
import { kubectlName } from './operation-state.builder';

export const FIELD_MANAGER = 'argocd-controller';

export interface TaskOutcome {
  task: SyncTask;
  status: ResultCode;
  message: string;
  /** The object as the API server returned it after the write. */
  applied?: KubeObject;
}

const RECREATE_WAIT_MS = 10_000;
const CRD_READY_WAIT_MS = 10_000;

const isCrd = (obj: KubeObject | undefined): obj is KubeObject => obj?.kind === 'CustomResourceDefinition' && groupOf(obj.apiVersion) === 'apiextensions.k8s.io';
const established = (crd: KubeObject | undefined): boolean =>
  ((crd as { status?: { conditions?: { type: string; status: string }[] } } | undefined)?.status?.conditions ?? []).some((c) => c.type === 'Established' && c.status === 'True');

/** kubectl refuses annotations past 256 KiB; a bigger object goes without (as with ServerSideApply=true). */
const MAX_LAST_APPLIED_BYTES = 200 * 1024;

/**
 * desired carrying kubectl's last-applied-configuration, as Argo's default (client-side) apply leaves
 * it: the three-way diff then sees a field removed from git as a difference. Server-side apply
 * (ServerSideApply=true) tracks ownership in managedFields instead, and writes none.
 */
function withLastApplied(desired: KubeObject): KubeObject {
  const { [LAST_APPLIED_ANNOTATION]: _previous, ...annotations } = desired.metadata?.annotations ?? {};
  const bare = { ...desired, metadata: { ...desired.metadata, ...(Object.keys(annotations).length ? { annotations } : {}) } };
  if (!Object.keys(annotations).length) delete bare.metadata.annotations;
  const text = `${JSON.stringify(bare)}\n`;
  if (Buffer.byteLength(text) > MAX_LAST_APPLIED_BYTES) return desired;
  return { ...desired, metadata: { ...desired.metadata, annotations: { ...annotations, [LAST_APPLIED_ANNOTATION]: text } } };
}

const PROPAGATION = { foreground: 'Foreground', background: 'Background', orphan: 'Orphan' } as const;

function verb(task: SyncTask, dryRun: boolean): string {
  const past = !task.live ? 'created' : task.action === 'none' ? 'unchanged' : 'configured';
  return dryRun ? `${past} (dry run)` : past;
}

export class SyncTaskExecutor {
  constructor(
    private readonly kube: KubeClient,
    private readonly dryRun: boolean,
    private readonly schemas: PatchSchemaStore = patchSchemas,
  ) {}

  async execute(task: SyncTask): Promise<TaskOutcome> {
    const name = kubectlName(task.ref.group, task.ref.kind, task.ref.name);
    try {
      if (task.action === 'prune') return await this.prune(task, name);
      const applied = await this.write(task);
      if (isCrd(applied) && !this.dryRun) await this.crdEstablished(applied);
      return { task, status: 'Synced', message: `${name} ${verb(task, this.dryRun)}`, applied };
    } catch (err) {
      // An API server's refusal may quote what it was sent: a Secret's values stay out of the result.
      return { task, status: 'SyncFailed', message: maskSecretValuesIn((err as Error).message, task.desired, task.live) };
    }
  }

  /**
   * Runs a step's tasks in their planned order as gitops-engine's runTasks does: its prunes together,
   * then one kind at a time (a kind's tasks together, the next kind once they are done), so a CRD is
   * applied and Established before a resource of its kind in the same wave is applied.
   */
  async executeInKindOrder(tasks: readonly SyncTask[]): Promise<TaskOutcome[]> {
    const groups: SyncTask[][] = [];
    const groupOfTask = (t: SyncTask): string => (t.action === 'prune' ? 'prune' : `${t.ref.group}/${t.ref.kind}`);
    // A dry run creates no CRD, so the resources of kinds it would define are left out (gitops-engine).
    for (const t of this.dryRun ? tasks.filter((task) => !task.skipDryRun) : tasks) {
      const last = groups[groups.length - 1];
      if (last && groupOfTask(last[0]) === groupOfTask(t)) last.push(t);
      else groups.push([t]);
    }
    const outcomes: TaskOutcome[] = [];
    for (const group of groups) outcomes.push(...(await Promise.all(group.map((t) => this.execute(t)))));
    return outcomes;
  }

  /**
   * Waits (up to 10 s, as Argo's controller) for a CRD it applied to be Established, then forgets
   * discovery, so its custom resources (in a later kind group or step than their CRD) are applied
   * at once rather than refused as a kind the server does not serve.
   */
  private async crdEstablished(crd: KubeObject): Promise<void> {
    const deadline = Date.now() + CRD_READY_WAIT_MS;
    let current: KubeObject | undefined = crd;
    while (!established(current) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      current = await this.kube.get(crd).catch(() => undefined);
    }
    this.kube.invalidateDiscovery();
  }

  /** Deletes a finished hook whose delete policy asks for it. */
  async deleteHook(task: SyncTask): Promise<void> {
    const obj = task.desired ?? task.live;
    if (!obj || this.dryRun) return;
    await deleteObject(this.kube, obj, 'Background');
  }

  private async write(task: SyncTask): Promise<KubeObject> {
    const serverSide = task.options.serverSideApply;
    const desired = task.desired && !serverSide ? withLastApplied(task.desired) : task.desired;
    if (!desired) throw new Error(`${task.key}: nothing to apply`);
    const validation = task.options.validate ? undefined : ('Ignore' as const);
    if (task.action === 'hook' && task.live && task.deletePolicies?.includes('BeforeHookCreation') && !this.dryRun) {
      await this.deleteHook({ ...task, desired: task.live });
      return this.recreate(task.live, desired, validation, serverSide, 'BeforeHookCreation');
    }
    try {
      if (task.options.replace && task.live && task.action !== 'hook') {
        const body = { ...desired, metadata: { ...desired.metadata, resourceVersion: task.live.metadata?.resourceVersion } };
        return await this.kube.replace(body, { dryRun: this.dryRun, fieldManager: FIELD_MANAGER, fieldValidation: validation });
      }
      if (serverSide) return await this.kube.apply(desired, { fieldManager: FIELD_MANAGER, force: true, dryRun: this.dryRun, fieldValidation: validation });
      return await this.applyClientSide(desired, validation);
    } catch (err) {
      // Force=true (kubectl apply/replace --force): an object the API server will not change in
      // place (an immutable field, a Job's template) is deleted and created again.
      if (!task.options.force || !task.live || this.dryRun) throw err;
      await deleteObject(this.kube, task.live, 'Background');
      return this.recreate(task.live, desired, validation, serverSide, 'Force=true');
    }
  }

  /**
   * kubectl apply: creates what is missing, otherwise patches live (read afresh, as kubectl does)
   * with the three-way patch; a patch with nothing in it is not sent.
   */
  private async applyClientSide(desired: KubeObject, validation: 'Ignore' | undefined): Promise<KubeObject> {
    const live = await this.kube.get(desired).catch((err: unknown) => (isNotFound(err) ? undefined : Promise.reject(err as Error)));
    const opts = { fieldManager: FIELD_MANAGER, dryRun: this.dryRun, fieldValidation: validation };
    if (!live) return this.kube.create(desired, opts);
    const apiVersion = desired.apiVersion ?? '';
    const schema = applyPatchTypeOf(apiVersion) === 'strategic' ? await this.schemas.forKind(this.kube, apiVersion, desired.kind ?? '') : undefined;
    const { type, patch, empty } = threeWayPatch({ desired, live, schema });
    if (empty) return live;
    return this.kube.patch(desired, patch, type, opts);
  }

  /** Creates again once the deleted object is gone (finalizers may keep it a while). */
  private async recreate(live: KubeObject, desired: KubeObject, validation: 'Ignore' | undefined, serverSide: boolean, why: string): Promise<KubeObject> {
    const deadline = Date.now() + RECREATE_WAIT_MS;
    while (await this.kube.get(live).then(
      () => true,
      (err: unknown) => (isNotFound(err) ? false : Promise.reject(err as Error)),
    )) {
      if (Date.now() >= deadline) throw new Error(`${kubectlName(groupOf(live.apiVersion), live.kind ?? '', live.metadata?.name ?? '')} was deleted to be re-created (${why}) but is still there after ${RECREATE_WAIT_MS / 1000}s`);
      await new Promise((r) => setTimeout(r, 250));
    }
    if (serverSide) return this.kube.apply(desired, { fieldManager: FIELD_MANAGER, force: true, fieldValidation: validation });
    return this.kube.create(desired, { fieldManager: FIELD_MANAGER, fieldValidation: validation });
  }

  private async prune(task: SyncTask, name: string): Promise<TaskOutcome> {
    if (!task.live) return { task, status: 'Pruned', message: 'pruned' };
    await deleteObject(this.kube, task.live, PROPAGATION[task.options.prunePropagationPolicy], this.dryRun);
    return { task, status: 'Pruned', message: this.dryRun ? `${name} pruned (dry run)` : 'pruned' };
  }
}
