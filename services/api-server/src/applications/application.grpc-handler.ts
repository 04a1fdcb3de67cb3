import * as grpc from '@grpc/grpc-js';
import type { Application } from '@flotilla/api-types';
import { contracts, fromJsonObject, toJsonObject } from '@flotilla/contracts';
import type { ApplicationServiceHandlers } from '@flotilla/contracts';
import type { DiscoveredAction } from '@flotilla/engine';
import type { GrpcHandler } from '@flotilla/platform';
import { toJsonList } from '../rpc/json-list';
import { permissionDenied } from '../rpc/rpc-error';
import { authenticatedStream } from '../rpc/server-stream';
import { authenticated, Authenticator } from '../rpc/unary-call';
import { AppCacheStore } from './app-cache.store';
import { ApplicationRefreshService } from './application-refresh.service';
import { ApplicationRollbackService } from './application-rollback.service';
import { ApplicationSyncService } from './application-sync.service';
import { ApplicationTerminationService } from './application-termination.service';
import { ApplicationActionsService } from './application-actions.service';
import { ApplicationLinksService } from './application-links.service';
import { ApplicationManifestsService } from './application-manifests.service';
import { ApplicationResourcesService } from './application-resources.service';
import { ApplicationServerSideDiffService } from './application-server-side-diff.service';
import { ApplicationService } from './application.service';
import { ApplicationStreamsService } from './application-streams.service';
import { matchingResources, withUnifiedDiffs } from './resource-diff.builder';
import { ApplicationSyncWindowsService } from './sync-windows';

/** A discovered action as Argo's ResourceAction (its params with every field, as gogo/protobuf sends them). */
const toResourceAction = (a: DiscoveredAction) => ({
  name: a.name,
  disabled: a.disabled,
  iconClass: a.iconClass ?? '',
  displayName: a.displayName ?? '',
  params: (a.params ?? []).map((p) => ({ name: p.name, value: p.value ?? '', type: p.type ?? '', default: p.default ?? '' })),
});

/** application.ApplicationService: translates the wire and delegates to the use cases. */
export class ApplicationGrpcHandler implements GrpcHandler {
  readonly definition = contracts().application.ApplicationService.service;

  constructor(
    private readonly auth: Authenticator,
    private readonly applications: ApplicationService,
    private readonly syncs: ApplicationSyncService,
    private readonly refreshes: ApplicationRefreshService,
    private readonly cache: AppCacheStore,
    private readonly rollbacks: ApplicationRollbackService,
    private readonly terminations: ApplicationTerminationService,
    private readonly resources: ApplicationResourcesService,
    private readonly manifests: ApplicationManifestsService,
    private readonly syncWindows: ApplicationSyncWindowsService,
    private readonly links: ApplicationLinksService,
    private readonly streams: ApplicationStreamsService,
    private readonly actions: ApplicationActionsService,
    private readonly serverSideDiffs: ApplicationServerSideDiffService,
  ) {}

  /** Applications live in the api-server's namespace only (Argo's "apps in any namespace" is not enabled). */
  private checkNamespace(appNamespace: string | undefined): void {
    if (appNamespace && appNamespace !== this.applications.namespace)
      throw permissionDenied(`namespace '${appNamespace}' is not permitted`);
  }

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: ApplicationServiceHandlers = {
      List: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        const list = await this.applications.list(ctx, {
          name: req.name,
          projects: [...req.projects, ...req.project],
          selector: req.selector,
          repo: req.repo,
          limit: req.limit,
          continue: req.continue,
        });
        return toJsonList(list.items, list.resourceVersion, list);
      }),
      Get: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        const projects = [...req.projects, ...req.project];
        const app = await this.applications.authorized(ctx, req.name, 'get', projects.length === 1 ? projects[0] : undefined);
        return toJsonObject(req.refresh ? await this.refreshes.refresh(app.metadata.name, req.refresh) : app);
      }),
      Create: authenticated(this.auth, async (req, ctx) => {
        const app = fromJsonObject<Application>(req.application, 'application');
        this.checkNamespace(app.metadata?.namespace);
        return toJsonObject(await this.applications.create(ctx, app, { upsert: !!req.upsert, validate: req.validate ?? true }));
      }),
      Update: authenticated(this.auth, async (req, ctx) => {
        const app = fromJsonObject<Application>(req.application, 'application');
        this.checkNamespace(app.metadata?.namespace);
        return toJsonObject(await this.applications.update(ctx, app, { validate: req.validate ?? true, project: req.project }));
      }),
      Delete: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        await this.applications.delete(ctx, req);
        return {};
      }),
      Sync: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        return toJsonObject(await this.syncs.sync(ctx, req));
      }),
      Rollback: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        return toJsonObject(await this.rollbacks.rollback(ctx, req));
      }),
      TerminateOperation: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        await this.terminations.terminate(ctx, req);
        return {};
      }),
      ResourceTree: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        const app = await this.applications.authorized(ctx, req.applicationName, 'get', req.project);
        return toJsonObject(await this.cache.tree(this.applications.namespace, app.metadata.name));
      }),
      ManagedResources: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        const app = await this.applications.authorized(ctx, req.applicationName, 'get', req.project);
        const managed = await this.cache.managedResources(this.applications.namespace, app.metadata.name);
        return toJsonObject(withUnifiedDiffs(matchingResources(managed, req)));
      }),
      GetResource: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        return { manifest: await this.resources.get(ctx, req) };
      }),
      PatchResource: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        return { manifest: await this.resources.patch(ctx, req) };
      }),
      DeleteResource: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        await this.resources.delete(ctx, req);
        return {};
      }),
      ListResourceEvents: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        return toJsonObject(await this.resources.events(ctx, req));
      }),
      ListResourceActions: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        return { actions: (await this.actions.list(ctx, req)).map(toResourceAction) };
      }),
      RunResourceAction: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        await this.actions.run(ctx, req);
        return {};
      }),
      RunResourceActionV2: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        await this.actions.run(ctx, req);
        return {};
      }),
      ServerSideDiff: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        const liveResources = req.liveResources.map((r, i) => fromJsonObject(r, `liveResources[${i}]`));
        const result = await this.serverSideDiffs.diff(ctx, { ...req, liveResources });
        return { items: result.items.map((i) => toJsonObject(i)), modified: result.modified };
      }),
      GetManifests: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        return toJsonObject(await this.manifests.manifests(ctx, req));
      }),
      Patch: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        return toJsonObject(await this.applications.patch(ctx, req));
      }),
      GetApplicationSyncWindows: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        return toJsonObject(await this.syncWindows.windows(ctx, req));
      }),
      ListLinks: authenticated(this.auth, async (req, ctx) => this.links.links(ctx, req)),
      RevisionMetadata: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        return toJsonObject(await this.manifests.revisionMetadata(ctx, req));
      }),
      UpdateSpec: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appNamespace);
        const spec = req.spec ? fromJsonObject<Application['spec']>(req.spec, 'spec') : undefined;
        return toJsonObject(await this.applications.updateSpec(ctx, { ...req, spec }));
      }),
      Watch: authenticatedStream(this.auth, this.streams.bufferLimit, async (req, ctx, sink) => {
        this.checkNamespace(req.appNamespace);
        await this.streams.watch(
          ctx,
          { name: req.name, projects: [...req.projects, ...req.project], selector: req.selector, resourceVersion: req.resourceVersion },
          { send: (event) => sink.send({ type: event.type, application: toJsonObject(event.application) }), signal: sink.signal },
        );
      }),
      WatchResourceTree: authenticatedStream(this.auth, this.streams.bufferLimit, async (req, ctx, sink) => {
        this.checkNamespace(req.appNamespace);
        await this.streams.watchResourceTree(ctx, req, { send: (tree) => sink.send(toJsonObject(tree)), signal: sink.signal });
      }),
      PodLogs: authenticatedStream(this.auth, this.streams.bufferLimit, async (req, ctx, sink) => {
        this.checkNamespace(req.appNamespace);
        await this.streams.podLogs(ctx, req, sink);
      }),
    };
    return handlers;
  }
}
