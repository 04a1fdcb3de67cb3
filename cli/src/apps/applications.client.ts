// ApplicationService calls with typed Applications instead of JSON on the wire.
import type { Application } from '@flotilla/api-types';
import { fromJsonObject, toJsonObject } from '@flotilla/contracts';
import type { ApiClient } from '../api/api.client';
import { AppWatchStream } from './app-watch.stream';

export type RefreshType = 'normal' | 'hard';

export interface SyncRequest {
  name: string;
  revision?: string;
  prune?: boolean;
  dryRun?: boolean;
  resources?: { group: string; kind: string; name: string; namespace: string }[];
  syncOptions?: string[];
  strategy?: 'apply' | 'hook';
  force?: boolean;
}

/** One resource of an app on its destination cluster, as ApplicationResourceRequest names it. */
export interface AppResourceRef {
  name: string;
  namespace: string;
  resourceName: string;
  version: string;
  group: string;
  kind: string;
  project?: string;
}

export class ApplicationsClient {
  constructor(private readonly api: ApiClient) {}

  async get(name: string, refresh?: RefreshType): Promise<Application> {
    // A refresh waits server-side for the controller (FLOTILLA_REFRESH_TIMEOUT_SECONDS), so allow for it.
    const res = await this.api.call(this.api.applications, 'Get', { name, ...(refresh ? { refresh } : {}) }, refresh ? 150_000 : undefined);
    return fromJsonObject<Application>(res, 'application');
  }

  async list(query: { selector?: string; projects?: string[]; repo?: string } = {}): Promise<Application[]> {
    const res = await this.api.call(this.api.applications, 'List', { selector: query.selector, projects: query.projects ?? [], repo: query.repo });
    return (res.items ?? []).map((item) => fromJsonObject<Application>(item, 'items'));
  }

  /**
   * Every app the query matches, read `pageSize` at a time (List's limit and continue), so a fleet
   * of thousands never comes as one huge message. A server that ignores limit answers in one page.
   */
  async listInPages(query: { selector?: string; projects?: string[]; repo?: string }, pageSize: number): Promise<Application[]> {
    const apps: Application[] = [];
    let token: string | undefined;
    do {
      const res = await this.api.call(this.api.applications, 'List', {
        selector: query.selector,
        projects: query.projects ?? [],
        repo: query.repo,
        limit: pageSize,
        continue: token,
      });
      apps.push(...(res.items ?? []).map((item) => fromJsonObject<Application>(item, 'items')));
      const next = res.metadata?.json ? fromJsonObject<{ continue?: string }>(res.metadata, 'metadata').continue : undefined;
      if (next && next === token) throw new Error('the server answered the same continue token twice: the application list does not advance');
      token = next;
    } while (token);
    return apps;
  }

  async create(app: Application, upsert: boolean, validate = true): Promise<Application> {
    const res = await this.api.call(this.api.applications, 'Create', { application: toJsonObject(app), upsert, validate });
    return fromJsonObject<Application>(res, 'application');
  }

  async delete(name: string, opts: { cascade?: boolean; propagationPolicy?: string }): Promise<void> {
    await this.api.call(this.api.applications, 'Delete', { name, ...opts });
  }

  async sync(req: SyncRequest): Promise<Application> {
    const strategy = req.strategy === 'apply' ? { apply: { force: Boolean(req.force) } } : { hook: { force: Boolean(req.force) } };
    const res = await this.api.call(this.api.applications, 'Sync', {
      name: req.name,
      revision: req.revision,
      prune: req.prune,
      dryRun: req.dryRun,
      resources: req.resources ?? [],
      strategy,
      ...(req.syncOptions?.length ? { syncOptions: { items: req.syncOptions } } : {}),
    });
    return fromJsonObject<Application>(res, 'application');
  }

  /** Starts a sync back to the `status.history` entry `id`; the server refuses while auto-sync is on. */
  async rollback(req: { name: string; id: number; prune?: boolean; dryRun?: boolean }): Promise<Application> {
    const res = await this.api.call(this.api.applications, 'Rollback', { name: req.name, id: req.id, prune: req.prune, dryRun: req.dryRun });
    return fromJsonObject<Application>(res, 'application');
  }

  /** Asks the controller to stop the running operation. */
  async terminateOperation(name: string): Promise<void> {
    await this.api.call(this.api.applications, 'TerminateOperation', { name });
  }

  /** Argo's ManagedResources: per resource its target, live, normalised and predicted states, and the diff to print. */
  async managedResources(name: string): Promise<Record<string, unknown>> {
    return fromJsonObject(await this.api.call(this.api.applications, 'ManagedResources', { applicationName: name }), 'managed resources');
  }

  /** Replaces the spec (argocd's UpdateSpec); answers with the spec stored. */
  async updateSpec(name: string, spec: Application['spec'], validate = true): Promise<Application['spec']> {
    const res = await this.api.call(this.api.applications, 'UpdateSpec', { name, spec: toJsonObject(spec), validate });
    return fromJsonObject<Application['spec']>(res, 'spec');
  }

  /** Patches the Application with a JSON (RFC 6902) or merge (RFC 7386) patch; answers with the patched app. */
  async patch(name: string, patch: string, patchType: string): Promise<Application> {
    return fromJsonObject<Application>(await this.api.call(this.api.applications, 'Patch', { name, patch, patchType }), 'application');
  }

  /** The manifests repo-server renders for the app, at `revision` (or, per 1-based source position, `revisions`) when given: each a JSON document. */
  async manifests(name: string, at: { revision?: string; revisions?: string[]; sourcePositions?: number[] } = {}): Promise<string[]> {
    const query = { name, ...(at.revision ? { revision: at.revision } : {}), sourcePositions: at.sourcePositions ?? [], revisions: at.revisions ?? [] };
    const res = fromJsonObject<{ manifests?: string[] }>(await this.api.call(this.api.applications, 'GetManifests', query, 120_000), 'manifests');
    return res.manifests ?? [];
  }

  /** The live resource tree the controller last recorded (Argo's ApplicationTree). */
  async resourceTree(name: string, project?: string): Promise<Record<string, unknown>> {
    return fromJsonObject(await this.api.call(this.api.applications, 'ResourceTree', { applicationName: name, ...(project ? { project } : {}) }), 'resource tree');
  }

  /** Patches one live resource of the app on its destination cluster; answers with the patched object as JSON text. */
  async patchResource(req: AppResourceRef & { patch: string; patchType: string }): Promise<string> {
    return (await this.api.call(this.api.applications, 'PatchResource', req)).manifest;
  }

  /** Deletes one live resource of the app on its destination cluster. */
  async deleteResource(req: AppResourceRef & { force?: boolean; orphan?: boolean }): Promise<void> {
    await this.api.call(this.api.applications, 'DeleteResource', req);
  }

  /** Follows the app through the Watch stream: its current state first, then each change. */
  watch(name: string): AppWatchStream {
    return new AppWatchStream(() => this.api.applications.Watch({ name, projects: [], project: [] }), this.api.target.server);
  }

  /** Where the UI shows the app: argocd-cm's `url` when set, else derived from the server address. */
  async appURL(name: string): Promise<string> {
    const fallback = `${this.api.target.plaintext ? 'http' : 'https'}://${this.api.target.server.replace(/:443$/, '')}/applications/${name}`;
    try {
      const settings = await this.api.call(this.api.settings, 'Get', {}, 10_000);
      return settings.url ? `${settings.url.replace(/\/+$/, '')}/applications/${name}` : fallback;
    } catch {
      // Settings are decoration here; a server without them still answers the command.
      return fallback;
    }
  }
}

/** `ns/name` → `name` (Flotilla keeps Applications in one namespace, so the prefix only names it). */
export const appNameOf = (arg: string): string => (arg.includes('/') ? arg.slice(arg.lastIndexOf('/') + 1) : arg);
