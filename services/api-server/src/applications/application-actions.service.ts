import type { Application, AppProject, KubeObject } from '@flotilla/api-types';
import {
  discoverActions,
  mergePatchBetween,
  parseActionOverrides,
  runAction,
  type ActionSources,
  type CustomizationsLibrary,
  type DiscoveredAction,
  type ImpactedResource,
} from '@flotilla/engine';
import { KubeApiError, type KubeClient } from '@flotilla/platform';
import type { ClusterStore } from '../clusters/cluster.store';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import { invalidArgument, notFound } from '../rpc/rpc-error';
import type { ArgoSettingsStore } from '../settings/argo-settings.store';
import type { CallContext } from '../session/session.service';
import type { AppCacheStore } from './app-cache.store';
import type { ApplicationEventsClient } from './application-events.client';
import type { ResourceQuery } from './application-resources.service';
import type { ApplicationService } from './application.service';
import { explained, type DestinationClients } from './destination-clients';
import { resourcePermitted } from './resource-permitted';

export interface ActionRunQuery extends ResourceQuery {
  action?: string | null;
  resourceActionParameters?: { name?: string | null; value?: string | null }[];
}

interface TreeNode {
  group?: string;
  version?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
}

const s = (v: string | null | undefined): string => v ?? '';
const groupOf = (apiVersion = ''): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
const refOf = (obj: KubeObject): KubeObject => ({
  apiVersion: obj.apiVersion,
  kind: obj.kind,
  metadata: { name: obj.metadata?.name, ...(obj.metadata?.namespace ? { namespace: obj.metadata.namespace } : {}) },
});
const sameObject = (a: KubeObject, b: KubeObject): boolean =>
  groupOf(a.apiVersion) === groupOf(b.apiVersion) &&
  a.kind === b.kind &&
  s(a.metadata?.name) === s(b.metadata?.name) &&
  s(a.metadata?.namespace) === s(b.metadata?.namespace);

/**
 * Resource actions (server/application's ListResourceActions and RunResourceActionV2): the actions a
 * resource of an app's tree offers, and running one: the resources it changes are patched and those
 * it makes are created on the app's destination cluster, each one the app's project must permit.
 */
export class ApplicationActionsService {
  constructor(
    private readonly applications: ApplicationService,
    private readonly cache: AppCacheStore,
    private readonly destinations: DestinationClients,
    private readonly hub: KubeClient,
    private readonly settings: Pick<ArgoSettingsStore, 'argocdCm'>,
    private readonly projects: KubeResourceStore<AppProject>,
    private readonly clusters: ClusterStore,
    private readonly events: Pick<ApplicationEventsClient, 'record'>,
    private readonly library?: CustomizationsLibrary,
    private readonly now: () => number = Date.now,
  ) {}

  async list(ctx: CallContext, q: ResourceQuery): Promise<DiscoveredAction[]> {
    const { live } = await this.liveResource(ctx, 'get', q);
    const discovered = discoverActions(live, await this.sources());
    if ('error' in discovered) throw new Error(`error getting available actions: ${discovered.error}`);
    return discovered.actions;
  }

  async run(ctx: CallContext, q: ActionRunQuery): Promise<void> {
    const name = s(q.action);
    if (!name) throw invalidArgument('action is required: the name of the action to run');
    const { app, live, node } = await this.liveResource(ctx, `action/${s(q.group)}/${s(q.kind)}/${name}`, q);
    const params: Record<string, string> = {};
    for (const p of q.resourceActionParameters ?? []) if (p.name) params[p.name] = s(p.value);
    const result = runAction(live, name, await this.sources(), params);
    if ('error' in result) {
      if (result.reason === 'failed') throw new Error(result.error);
      throw invalidArgument(result.error);
    }
    await this.checkPermitted(app, result.impacted);
    await this.destinations.withClient(app, async (kube) => {
      // Creations are tried first, so an action does not half happen because one of them is refused.
      for (const r of result.impacted)
        if (r.operation === 'create')
          await kube.create(r.resource, { dryRun: true }).catch((err: unknown) => {
            throw explained(err, 'error creating resource');
          });
      for (const r of result.impacted) {
        if (r.operation === 'patch' && !node && sameObject(r.resource, live)) await this.patch(this.hub, live, r.resource);
        else if (r.operation === 'patch') await this.patch(kube, sameObject(r.resource, live) ? live : undefined, r.resource);
        else
          await kube.create(r.resource).catch((err: unknown) => {
            throw explained(err, 'error creating resource');
          });
      }
    });
    const what = node ? `ran action ${name} on resource ${s(node.group)}/${s(node.kind)}/${s(node.name)}` : `ran action ${name}`;
    this.events.record(ctx, app, 'ResourceActionRan', what);
  }

  private async sources(): Promise<ActionSources> {
    const { actions } = parseActionOverrides(await this.settings.argocdCm());
    return { overrides: actions, library: this.library, now: this.now() };
  }

  /** Every impacted resource must be one the app's project lets it manage, on its destination. */
  private async checkPermitted(app: Application, impacted: ImpactedResource[]): Promise<void> {
    const projectName = app.spec?.project || 'default';
    const project = await this.projects.get(projectName);
    if (!project) throw notFound(`appprojects.argoproj.io "${projectName}" not found`);
    const { server, name } = app.spec?.destination ?? {};
    const stored = server ? await this.clusters.byServer(server) : name ? await this.clusters.byName(name) : undefined;
    const cluster = { server: stored?.cluster.server ?? s(server), name: stored?.cluster.name ?? s(name) };
    for (const { resource } of impacted) {
      const group = groupOf(resource.apiVersion);
      const namespace = s(resource.metadata?.namespace);
      if (!resourcePermitted(project, { group, kind: s(resource.kind), namespace }, cluster))
        throw new Error(
          `application is not permitted to manage ${group}/${s(resource.kind)}/${s(resource.metadata?.name)} in ${namespace}`,
        );
    }
  }

  /** A merge patch from the object as it is to as the action left it; status through its subresource when there is one. */
  private async patch(kube: KubeClient, before: KubeObject | undefined, after: KubeObject): Promise<void> {
    const ref = refOf(after);
    const current =
      before ??
      (await kube.get<KubeObject>(ref).catch((err: unknown) => {
        throw explained(err, 'error getting resource');
      }));
    const patch = mergePatchBetween(current, after);
    if (Object.keys(patch).length === 0) return;
    let rest: Record<string, unknown> | undefined = patch;
    if ('status' in patch) {
      const { status, ...others } = patch;
      const viaSubresource = await kube.patch(ref, { status }, 'merge', { subresource: 'status' }).then(
        () => true,
        (err: unknown) => {
          // Not found: the kind has no status subresource, so status goes with the rest.
          if (err instanceof KubeApiError && err.code === 404) return false;
          throw explained(err, 'error patching resource');
        },
      );
      if (viaSubresource) rest = Object.keys(others).length ? others : undefined;
    }
    if (rest)
      await kube.patch(ref, rest, 'merge').catch((err: unknown) => {
        throw explained(err, 'error patching resource');
      });
  }

  /**
   * The app (the caller may `action` it), the tree node of the resource, and the resource as it is
   * live; no node when the resource is the Application itself (Argo's actions on the app, read from the hub).
   */
  private async liveResource(
    ctx: CallContext,
    action: string,
    q: ResourceQuery,
  ): Promise<{ app: Application; node?: TreeNode; live: KubeObject }> {
    const app = await this.applications.authorized(ctx, s(q.name) || undefined, action, s(q.project) || undefined);
    if (q.kind === 'Application' && s(q.group) === 'argoproj.io' && q.resourceName === app.metadata.name)
      return { app, live: { ...app, apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' } };
    if (!q.kind) throw invalidArgument('kind is required');
    if (!q.resourceName) throw invalidArgument('resourceName is required');
    const tree = await this.cache.tree(this.applications.namespace, app.metadata.name);
    const nodes = Array.isArray(tree.nodes) ? (tree.nodes as TreeNode[]) : [];
    const node = nodes.find(
      (n) =>
        typeof n === 'object' &&
        n !== null &&
        s(n.group) === s(q.group) &&
        n.kind === q.kind &&
        s(n.namespace) === s(q.namespace) &&
        n.name === q.resourceName,
    );
    if (!node?.uid)
      throw invalidArgument(`${q.kind} ${s(q.group)} ${q.resourceName} not found as part of application ${app.metadata.name}`);
    const version = q.version || s(node.version);
    if (!version) throw invalidArgument(`version is required: the resource tree does not say which version ${q.kind} ${q.resourceName} is`);
    const ref: KubeObject = {
      apiVersion: node.group ? `${node.group}/${version}` : version,
      kind: q.kind,
      metadata: { name: q.resourceName, ...(node.namespace ? { namespace: node.namespace } : {}) },
    };
    const live = await this.destinations.withClient(app, (kube) =>
      kube.get<KubeObject>(ref).catch((err: unknown) => {
        throw explained(err, 'error getting resource');
      }),
    );
    return { app, node, live };
  }
}
