// ServerSideDiff (Argo's server/application ServerSideDiff): what each target manifest would change
// on the app's destination, judged by the API server itself — a dry-run server-side apply under the
// controller's field manager — against the live resource the caller sends, which must be one of the
// app's managed resources. The comparison is the engine's, as the app-controller's server-side diff.
import type { Application, KubeObject } from '@flotilla/api-types';
import { diffResource, hideSecretData, maskSecretValuesIn } from '@flotilla/engine';
import { KubeApiError, type KubeClient } from '@flotilla/platform';
import { parse as parseYaml } from 'yaml';
import { invalidArgument, permissionDenied } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import type { AppCacheStore } from './app-cache.store';
import type { ApplicationService } from './application.service';
import type { DestinationClients } from './destination-clients';

/** The field manager the controller applies with (Argo's ArgoCDSSAManager), so the prediction is what a sync would give. */
export const CONTROLLER_FIELD_MANAGER = 'argocd-controller';

export interface ServerSideDiffQuery {
  appName?: string;
  project?: string;
  /** Argo ResourceDiffs: group, kind, namespace, name, liveState (JSON text), hook, resourceVersion. */
  liveResources: Record<string, unknown>[];
  /** Manifests as JSON or YAML text, index-aligned with liveResources. */
  targetManifests: string[];
}

export interface ServerSideDiffResult {
  items: Record<string, unknown>[];
  modified: boolean;
}

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const groupOf = (obj: KubeObject): string => (obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0] : '');
const isCoreSecret = (obj: KubeObject | undefined): boolean => obj?.kind === 'Secret' && !!obj && groupOf(obj) === '';

interface Pair {
  live?: KubeObject;
  target?: KubeObject;
  /** What the caller said about the live resource (or, without one, the target's identity). */
  ref: { group: string; kind: string; namespace: string; name: string; hook: boolean; resourceVersion: string };
}

export class ApplicationServerSideDiffService {
  constructor(
    private readonly applications: ApplicationService,
    private readonly cache: AppCacheStore,
    private readonly destinations: DestinationClients,
  ) {}

  async diff(ctx: CallContext, q: ServerSideDiffQuery): Promise<ServerSideDiffResult> {
    const app = await this.applications.authorized(ctx, q.appName, 'get', q.project || undefined);
    const managed = await this.managedRefs(app);
    const lives = q.liveResources.map((r) => liveOf(r, app, managed));
    const targets = q.targetManifests.map((m, i) => targetOf(m, i));
    const count = Math.max(lives.length, targets.length);
    const pairs: Pair[] = [];
    for (let i = 0; i < count; i++) {
      const live = lives[i];
      const target = targets[i];
      if (!live?.object && !target) throw invalidArgument(`resource ${i} has neither a live state nor a target manifest`);
      const ref = live?.ref ?? {
        group: groupOf(target),
        kind: str(target.kind),
        namespace: str(target.metadata?.namespace),
        name: str(target.metadata?.name),
        hook: false,
        resourceVersion: '',
      };
      pairs.push({ live: live?.object, target, ref });
    }
    const items = await this.destinations.withClient(app, (kube) => Promise.all(pairs.map((p) => this.item(app, kube, p))));
    return { items, modified: items.some((i) => i.modified === true) };
  }

  /** The app's managed resources as the controller recorded them: only those may be sent as live. */
  private async managedRefs(app: Application): Promise<Set<string>> {
    const managed = await this.cache.managedResources(this.applications.namespace, app.metadata.name);
    const items = Array.isArray(managed.items) ? managed.items.filter(isRecord) : [];
    return new Set(items.map((i) => refKey(str(i.group), str(i.kind), str(i.namespace), str(i.name))));
  }

  private async item(app: Application, kube: KubeClient, pair: Pair): Promise<JsonRecord> {
    const { live, ref } = pair;
    const target = pair.target && (await this.withNamespace(app, kube, pair.target, live));
    let predicted: JsonRecord | null;
    let normalized: JsonRecord | null;
    let modified: boolean;
    if (target && live) {
      const dryRun = await kube.apply(target, { fieldManager: CONTROLLER_FIELD_MANAGER, force: true, dryRun: true }).catch((err: unknown) => {
        const message = maskSecretValuesIn((err as Error).message, target, live);
        if (err instanceof KubeApiError) throw new KubeApiError(err.code, err.reason, `error running server-side dry-run of ${describe(target)}: ${message}`);
        throw new Error(`error running server-side dry-run of ${describe(target)}: ${message}`);
      });
      const result = diffResource({ desired: target, live, serverPredicted: dryRun, ignoreDifferences: app.spec.ignoreDifferences, defaultNamespace: app.spec.destination?.namespace });
      [predicted, normalized, modified] = [result.predictedLive, result.normalizedLive, result.modified];
    } else if (target) {
      // Nothing live: it would be created as the manifest says.
      [predicted, normalized, modified] = [target, null, true];
    } else {
      // Nothing targeted: it would be pruned, which is not a modification (as Argo's diff says).
      [predicted, normalized, modified] = [null, live as JsonRecord, false];
    }
    // Decided from the objects themselves, never from what the caller says the kind is.
    if (isCoreSecret(target) || isCoreSecret(live)) {
      const masked = hideSecretData(predicted ?? undefined, normalized ?? undefined);
      [predicted, normalized] = [masked.target ?? null, masked.live ?? null];
    }
    const targetState = JSON.stringify(predicted);
    const liveState = JSON.stringify(normalized);
    return {
      group: ref.group,
      kind: ref.kind,
      namespace: ref.namespace,
      name: ref.name,
      targetState,
      liveState,
      predictedLiveState: targetState,
      normalizedLiveState: liveState,
      diff: '',
      hook: ref.hook,
      modified,
      resourceVersion: ref.resourceVersion,
    };
  }

  /** A namespaced target that names no namespace goes where the live one is, else to the app's destination namespace. */
  private async withNamespace(app: Application, kube: KubeClient, target: KubeObject, live: KubeObject | undefined): Promise<KubeObject> {
    if (target.metadata?.namespace || !(await kube.isNamespaced(str(target.apiVersion), str(target.kind)))) return target;
    const namespace = live?.metadata?.namespace || app.spec.destination?.namespace;
    return namespace ? { ...target, metadata: { ...target.metadata, namespace } } : target;
  }
}

const refKey = (group: string, kind: string, namespace: string, name: string): string => `${group}/${kind}/${namespace}/${name}`;
const describe = (obj: KubeObject): string => `${obj.kind}/${obj.metadata?.name ?? ''}`;

/** One live resource of the query: its ResourceDiff fields and the object its liveState holds (none for "null" or empty). */
function liveOf(r: JsonRecord, app: Application, managed: Set<string>): { object?: KubeObject; ref: Pair['ref'] } {
  const ref = {
    group: str(r.group),
    kind: str(r.kind),
    namespace: str(r.namespace),
    name: str(r.name),
    hook: r.hook === true,
    resourceVersion: str(r.resourceVersion),
  };
  const text = str(r.liveState);
  if (!text || text === 'null') return { ref };
  let object: unknown;
  try {
    object = JSON.parse(text);
  } catch {
    throw invalidArgument(`error unmarshaling live state for ${ref.kind}/${ref.name}: liveState is not valid JSON`);
  }
  if (!isRecord(object)) throw invalidArgument(`error unmarshaling live state for ${ref.kind}/${ref.name}: liveState must be a JSON object`);
  const obj = object as KubeObject;
  const what = `for live resource ${ref.group}/${ref.kind}/${ref.name}`;
  const mismatch = (field: string, expected: string, got: string) => invalidArgument(`${field} mismatch: expected ${expected}, got ${got} ${what}`);
  if (str(obj.metadata?.name) !== ref.name) throw mismatch('name', ref.name, str(obj.metadata?.name));
  if (str(obj.metadata?.namespace) !== ref.namespace) throw mismatch('namespace', ref.namespace, str(obj.metadata?.namespace));
  if (groupOf(obj) !== ref.group) throw mismatch('group', ref.group, groupOf(obj));
  if (str(obj.kind) !== ref.kind) throw mismatch('kind', ref.kind, str(obj.kind));
  if (!managed.has(refKey(ref.group, ref.kind, ref.namespace, ref.name)))
    throw permissionDenied(`${ref.group}/${ref.kind} ${ref.name} not found as part of application ${app.metadata.name}`);
  return { object: obj, ref };
}

/** A target manifest, JSON or YAML, as one Kubernetes object. */
function targetOf(text: string, i: number): KubeObject {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    // The parser's own words may quote the text, which may hold a Secret's values.
    const line = /line (\d+)/.exec((err as Error).message)?.[1];
    throw invalidArgument(`error unmarshaling target manifest ${i}: not valid JSON or YAML${line ? ` (line ${line})` : ''}`);
  }
  if (!isRecord(doc) || typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string' || !isRecord(doc.metadata) || typeof doc.metadata.name !== 'string')
    throw invalidArgument(`error unmarshaling target manifest ${i}: it must be a Kubernetes object with apiVersion, kind and metadata.name`);
  return doc;
}
