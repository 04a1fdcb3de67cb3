import type { Application, KubeObject } from '@flotilla/api-types';
import { maskSecretData } from '@flotilla/engine';
import { KubeApiError, type KubeClient, type PatchType } from '@flotilla/platform';
import { failedPrecondition, invalidArgument } from '../rpc/rpc-error';
import type { ArgoSettingsStore } from '../settings/argo-settings.store';
import type { CallContext } from '../session/session.service';
import type { AppCacheStore } from './app-cache.store';
import type { ApplicationEventsClient } from './application-events.client';
import type { ApplicationService } from './application.service';
import { explained, type DestinationClients } from './destination-clients';

/** Names one resource of an Application, as Argo's ApplicationResourceRequest does. */
export interface ResourceQuery {
  name?: string | null;
  namespace?: string | null;
  resourceName?: string | null;
  version?: string | null;
  group?: string | null;
  kind?: string | null;
  project?: string | null;
}

export interface EventsQuery {
  name?: string | null;
  resourceNamespace?: string | null;
  resourceName?: string | null;
  resourceUID?: string | null;
  project?: string | null;
}

/** A resource-tree node as the app-controller records it. */
interface TreeNode {
  group?: string;
  version?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
}

/** The patch types Kubernetes takes, by their short name or content type (the CLI and UI send the latter). */
const PATCH_TYPES: Record<string, Exclude<PatchType, 'apply'>> = {
  merge: 'merge',
  'application/merge-patch+json': 'merge',
  json: 'json',
  'application/json-patch+json': 'json',
  strategic: 'strategic',
  'application/strategic-merge-patch+json': 'strategic',
};

const s = (v: string | null | undefined): string => v ?? '';

const FINE_GRAINED_INHERITANCE_DISABLED = 'server.rbac.disableApplicationFineGrainedRBACInheritance';

/** Go's strconv.ParseBool. */
function parseGoBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}
const isSecret = (r: { group?: string; kind?: string }): boolean => r.kind === 'Secret' && !r.group;

/**
 * The live resources of an Application on its destination cluster (server/application's GetResource,
 * PatchResource, DeleteResource and ListResourceEvents): only what is in the app's resource tree.
 */
export class ApplicationResourcesService {
  constructor(
    private readonly applications: ApplicationService,
    private readonly cache: AppCacheStore,
    private readonly destinations: DestinationClients,
    private readonly hub: KubeClient,
    private readonly settings: Pick<ArgoSettingsStore, 'argocdCm'>,
    /** Who changed which resource through the app, as Argo's audit Events say it. */
    private readonly audit?: Pick<ApplicationEventsClient, 'record'>,
  ) {}

  async get(ctx: CallContext, q: ResourceQuery): Promise<string> {
    const { app, ref } = await this.resolve(ctx, 'get', q);
    const live = await this.destinations.withClient(app, (kube) =>
      kube.get<KubeObject>(ref).catch((err: unknown) => {
        throw explained(err, 'error getting resource');
      }),
    );
    return JSON.stringify(maskSecretData(live));
  }

  async patch(ctx: CallContext, q: ResourceQuery & { patch?: unknown; patchType?: string | null }): Promise<string> {
    const type = PATCH_TYPES[s(q.patchType)];
    if (!type)
      throw invalidArgument(
        q.patchType
          ? `patchType '${q.patchType}' is not supported: use merge, json or strategic (or their content types, such as application/merge-patch+json)`
          : 'patchType is required: merge, json or strategic (or their content types, such as application/merge-patch+json)',
      );
    const patch = parsePatch(q.patch, type);
    const { app, ref, node } = await this.resolve(ctx, 'update', q);
    const patched = await this.destinations.withClient(app, (kube) =>
      kube.patch<KubeObject>(ref, patch, type).catch((err: unknown) => {
        // Kubernetes may quote the patch, or the object, back: nothing of a Secret's is shown.
        if (isSecret(node) && err instanceof KubeApiError)
          throw new KubeApiError(err.code, err.reason, `failed to patch Secret ${s(node.namespace)}/${s(node.name)}`);
        throw explained(err, 'error patching resource');
      }),
    );
    this.audit?.record(ctx, app, 'ResourceUpdated', `patched resource ${s(q.group)}/${s(q.kind)} '${s(q.resourceName)}'`);
    return JSON.stringify(maskSecretData(patched));
  }

  async delete(ctx: CallContext, q: ResourceQuery & { force?: boolean | null; orphan?: boolean | null }): Promise<void> {
    const { app, ref } = await this.resolve(ctx, 'delete', q);
    const options = q.orphan
      ? { propagationPolicy: 'Orphan' as const }
      : q.force
        ? { propagationPolicy: 'Background' as const, gracePeriodSeconds: 0 }
        : { propagationPolicy: 'Foreground' as const };
    await this.destinations.withClient(app, (kube) =>
      kube.delete(ref, options).catch((err: unknown) => {
        throw explained(err, 'error deleting resource');
      }),
    );
    this.audit?.record(ctx, app, 'ResourceDeleted', `deleted resource ${s(q.group)}/${s(q.kind)} '${s(q.resourceName)}'`);
  }

  /**
   * The Application's own Events (in the hub), or, given a resource's uid, name and namespace, that
   * resource's Events on the destination cluster: a Kubernetes EventList.
   */
  async events(ctx: CallContext, q: EventsQuery): Promise<Record<string, unknown>> {
    const app = await this.applications.authorized(ctx, s(q.name), 'get', s(q.project) || undefined);
    if (!q.resourceName && !q.resourceUID) {
      const selector = involved(app.metadata.name, s(app.metadata.uid), s(app.metadata.namespace));
      return eventList(await this.hub.list('v1', 'Event', { namespace: app.metadata.namespace, fieldSelector: selector }));
    }
    const tree = await this.cache.tree(this.applications.namespace, app.metadata.name);
    const nodes = [...nodesOf(tree, 'nodes'), ...nodesOf(tree, 'orphanedNodes')];
    const found = nodes.some(
      (n) => s(n.uid) === s(q.resourceUID) && s(n.name) === s(q.resourceName) && s(n.namespace) === s(q.resourceNamespace),
    );
    if (!found) throw invalidArgument(`${s(q.resourceName)} not found as part of application ${app.metadata.name}`);
    const namespace = s(q.resourceNamespace);
    const selector = involved(s(q.resourceName), s(q.resourceUID), namespace);
    return this.destinations.withClient(app, async (kube) =>
      eventList(
        await kube.list('v1', 'Event', { namespace: namespace || undefined, fieldSelector: selector }).catch((err: unknown) => {
          throw explained(err, 'error listing resource events');
        }),
      ),
    );
  }

  /**
   * What a resource update or delete needs, as Argo CD 3 decides: `<action>/<group>/<kind>/<ns>/<name>`
   * only, unless argocd-cm's server.rbac.disableApplicationFineGrainedRBACInheritance is false, when
   * `<action>` on the app is enough too. The first is the one a refusal names.
   */
  private async resourceActions(action: string, q: ResourceQuery): Promise<string[]> {
    const fine = `${action}/${s(q.group)}/${s(q.kind)}/${s(q.namespace)}/${s(q.resourceName)}`;
    const setting = (await this.settings.argocdCm())[FINE_GRAINED_INHERITANCE_DISABLED];
    if (!setting) return [fine];
    const disabled = parseGoBool(setting);
    if (disabled === undefined)
      throw failedPrecondition(`argocd-cm ${FINE_GRAINED_INHERITANCE_DISABLED} is not a boolean: ${JSON.stringify(setting)}`);
    return disabled ? [fine] : [fine, action];
  }

  /**
   * The app (the caller may `action` it) and the resource, which must be a node of its resource
   * tree with a uid: anything else is refused, so the API is no way into the rest of the cluster.
   */
  private async resolve(
    ctx: CallContext,
    action: string,
    q: ResourceQuery,
  ): Promise<{ app: Application; node: TreeNode; ref: KubeObject }> {
    if (!q.name) throw invalidArgument('application name is required');
    const actions = action === 'get' ? [action] : await this.resourceActions(action, q);
    const app = await this.applications.authorized(ctx, q.name, actions, s(q.project) || undefined);
    if (!q.kind) throw invalidArgument('kind is required');
    if (!q.resourceName) throw invalidArgument('resourceName is required');
    const tree = await this.cache.tree(this.applications.namespace, app.metadata.name);
    const node = nodesOf(tree, 'nodes').find(
      (n) => s(n.group) === s(q.group) && n.kind === q.kind && s(n.namespace) === s(q.namespace) && n.name === q.resourceName,
    );
    if (!node?.uid)
      throw invalidArgument(`${q.kind} ${s(q.group)} ${q.resourceName} not found as part of application ${app.metadata.name}`);
    const version = q.version || s(node.version);
    if (!version) throw invalidArgument(`version is required: the resource tree does not say which version ${q.kind} ${q.resourceName} is`);
    const apiVersion = node.group ? `${node.group}/${version}` : version;
    const ref: KubeObject = {
      apiVersion,
      kind: q.kind,
      metadata: { name: q.resourceName, ...(node.namespace ? { namespace: node.namespace } : {}) },
    };
    return { app, node, ref };
  }
}

function nodesOf(tree: Record<string, unknown>, field: 'nodes' | 'orphanedNodes'): TreeNode[] {
  const nodes = tree[field];
  return Array.isArray(nodes) ? nodes.filter((n): n is TreeNode => typeof n === 'object' && n !== null) : [];
}

/** A field selector for Events about one object (every field given, an empty one matching only empty, as Argo's). */
const involved = (name: string, uid: string, namespace: string): string =>
  `involvedObject.name=${name},involvedObject.uid=${uid},involvedObject.namespace=${namespace}`;

function eventList(list: { items: unknown[]; metadata: { resourceVersion?: string } }): Record<string, unknown> {
  return { metadata: list.metadata.resourceVersion ? { resourceVersion: list.metadata.resourceVersion } : {}, items: list.items };
}

/** The patch text as the document Kubernetes takes: an array of operations (json) or an object. */
function parsePatch(raw: unknown, type: Exclude<PatchType, 'apply'>): unknown {
  if (typeof raw !== 'string' || raw.trim() === '') throw invalidArgument('patch is required: the patch document as JSON text');
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (err) {
    // Not the parser's message: it quotes the text, which may hold a Secret's values.
    const at = /position (\d+)/.exec((err as Error).message)?.[1];
    throw invalidArgument(`patch is not valid JSON${at ? ` (at position ${at})` : ''}`);
  }
  if (type === 'json' && !Array.isArray(doc)) throw invalidArgument('a json patch must be an array of operations (RFC 6902)');
  if (type !== 'json' && (doc === null || typeof doc !== 'object' || Array.isArray(doc)))
    throw invalidArgument(`a ${type} patch must be a JSON object`);
  return doc;
}
