// What the Application details page asks about the app's resources, as Argo CD's REST API has it
// (proto/application/application.proto): the resource tree and its stream, the managed resources with
// their live and desired states, one live manifest, events, pod logs, resource actions and deletion.
import type { ApplicationServiceHandlers } from '@flotilla/contracts';
import { api, ApiError, withQuery } from './api.client';

type Handlers = ApplicationServiceHandlers;
/** A line of PodLogs' stream (the generated LogEntry; the gateway writes every field). */
export type LogEntry = Required<Parameters<Parameters<Handlers['PodLogs']>[0]['write']>[0]>;
/** ListResourceActions' answer (the generated ResourceActionsListResponse). */
type ResourceActionsList = NonNullable<Parameters<Parameters<Handlers['ListResourceActions']>[1]>[1]>;
export type ResourceAction = NonNullable<ResourceActionsList['actions']>[number] & { name: string };
/** RunResourceActionV2's request (the generated ResourceActionRunRequestV2). */
type RunActionRequest = Parameters<Handlers['RunResourceActionV2']>[0]['request'];

/** A reference to a Kubernetes object, as the tree's nodes and parentRefs carry it. */
export interface ResourceRef {
  group?: string;
  version?: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

/** One node of Argo's ApplicationTree. */
export interface ResourceNode extends ResourceRef {
  resourceVersion?: string;
  createdAt?: string;
  parentRefs?: ResourceRef[];
  health?: { status?: string; message?: string };
  images?: string[];
  info?: { name: string; value: string }[];
  networkingInfo?: unknown;
}

export interface ResourceTree {
  nodes?: ResourceNode[];
  orphanedNodes?: ResourceNode[];
  hosts?: unknown[];
}

/** One item of Argo's ManagedResourcesResponse: each state is JSON text ('' or 'null' when absent). */
export interface ManagedResource extends ResourceRef {
  targetState?: string;
  liveState?: string;
  normalizedLiveState?: string;
  predictedLiveState?: string;
  hook?: boolean;
  modified?: boolean;
  resourceVersion?: string;
}

export interface KubeEvent {
  metadata: { name: string; uid?: string; creationTimestamp?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string | null;
  source?: { component?: string; host?: string };
  involvedObject?: ResourceRef;
}

/** How a resource is named in the URL (`?resource=`) and keyed in the page: group/kind/namespace/name. */
export const resourceKey = (r: Pick<ResourceRef, 'group' | 'kind' | 'namespace' | 'name'>): string =>
  `${r.group ?? ''}/${r.kind}/${r.namespace ?? ''}/${r.name}`;

export function parseResourceKey(key: string): Pick<ResourceRef, 'group' | 'kind' | 'namespace' | 'name'> | undefined {
  const parts = key.split('/');
  if (parts.length < 4) return undefined;
  const [group, kind, namespace, ...name] = parts;
  return { group, kind, namespace, name: name.join('/') };
}

const path = (app: string, rest: string): string => `/api/v1/applications/${encodeURIComponent(app)}${rest}`;

/** The query that selects one resource of the app (ApplicationResourceRequest's fields). */
const selector = (r: ResourceRef, appNamespace?: string) => ({
  namespace: r.namespace,
  resourceName: r.name,
  version: r.version,
  group: r.group,
  kind: r.kind,
  appNamespace,
});

export type DeleteMode = 'foreground' | 'orphan' | 'force';

export const resourcesApi = {
  tree: (app: string, appNamespace?: string) => api.get<ResourceTree>(path(app, '/resource-tree'), { appNamespace }),

  /** The tree stream's URL: every event is the whole tree again. */
  treeStreamUrl: (app: string, appNamespace?: string) =>
    withQuery(`/api/v1/stream/applications/${encodeURIComponent(app)}/resource-tree`, { appNamespace }),

  managed: (app: string, appNamespace?: string) =>
    api.get<{ items?: ManagedResource[] }>(path(app, '/managed-resources'), { appNamespace }).then((r) => r.items ?? []),

  /** The live object as JSON text (the server masks Secrets). */
  liveManifest: (app: string, r: ResourceRef, appNamespace?: string) =>
    api.get<{ manifest?: string }>(path(app, '/resource'), selector(r, appNamespace)).then((res) => res.manifest ?? ''),

  events: (app: string, r: ResourceNode, appNamespace?: string) =>
    api
      .get<{ items?: KubeEvent[] }>(path(app, '/events'), {
        resourceNamespace: r.namespace,
        resourceName: r.name,
        resourceUID: r.uid,
        appNamespace,
      })
      .then((l) => l.items ?? []),

  actions: (app: string, r: ResourceRef, appNamespace?: string) =>
    api
      .get<ResourceActionsList>(path(app, '/resource/actions'), selector(r, appNamespace))
      .then((l) => (l.actions ?? []) as ResourceAction[]),

  runAction: (app: string, r: ResourceRef, action: string, params: { name: string; value: string }[], appNamespace?: string) =>
    api.post<unknown>(path(app, '/resource/actions/v2'), {
      name: app,
      ...selector(r, appNamespace),
      action,
      resourceActionParameters: params,
    } satisfies Partial<RunActionRequest>),

  delete: (app: string, r: ResourceRef, mode: DeleteMode, appNamespace?: string) =>
    api.delete<unknown>(path(app, '/resource'), {
      ...selector(r, appNamespace),
      orphan: mode === 'orphan' || undefined,
      force: mode === 'force' || undefined,
    }),

  /** The logs URL (PodLogs' second binding): a pod by podName, or every pod under a workload by kind/group/resourceName. */
  logsUrl: (
    app: string,
    q: {
      appNamespace?: string;
      namespace?: string;
      podName?: string;
      kind?: string;
      group?: string;
      resourceName?: string;
      container?: string;
      tailLines?: number;
      follow?: boolean;
    },
  ) => withQuery(path(app, '/logs'), { ...q, follow: q.follow || undefined }),

  /** The log lines up to now: the gateway answers newline-delimited `{"result": LogEntry}` (or `{"error": …}`). */
  async logs(url: string, signal?: AbortSignal): Promise<LogEntry[]> {
    const res = await fetch(url, { credentials: 'same-origin', signal });
    const text = await res.text();
    const out: LogEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let parsed: { result?: LogEntry; error?: { message?: string }; message?: string };
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        throw new ApiError(text.trim() || `${res.status} ${res.statusText}`, res.status);
      }
      if (parsed.error || (!res.ok && !parsed.result))
        throw new ApiError(parsed.error?.message ?? parsed.message ?? `${res.status} ${res.statusText}`, res.status);
      if (parsed.result && !parsed.result.last) out.push(parsed.result);
    }
    return out;
  },
};
