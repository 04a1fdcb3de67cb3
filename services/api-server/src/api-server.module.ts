import { Module, OnApplicationBootstrap, Provider, Type } from '@nestjs/common';
import type { Application, ApplicationSet, AppProject } from '@flotilla/api-types';
import { ARGO_API_VERSION, flotillaCrds } from '@flotilla/api-types';
import { appSetGenerationSettings } from '@flotilla/appset';
import { RepoServerClient } from '@flotilla/clients';
import { contractsDefinition } from '@flotilla/contracts';
import {
  hubKubeSource,
  KubeClient,
  namespaceReader,
  kubeClientForCluster,
  kubeClientFromKubeconfig,
  kubeClientInCluster,
  installCrds,
  LOGGER,
  PlatformModule,
  ReadinessChecks,
  RedisClient,
} from '@flotilla/platform';
import { EMPTY_LIBRARY, readCustomizationsDir } from '@flotilla/engine';
import type { Logger } from 'pino';
import { AccountGrpcHandler } from './accounts/account.grpc-handler';
import { AccountService } from './accounts/account.service';
import { InitialAdminService } from './accounts/initial-admin.service';
import { ApiServerConfig } from './api-server.config';
import { AppCacheStore } from './applications/app-cache.store';
import { ApplicationEventsClient } from './applications/application-events.client';
import { ApplicationRefreshService } from './applications/application-refresh.service';
import { ApplicationRollbackService } from './applications/application-rollback.service';
import { ApplicationSyncService } from './applications/application-sync.service';
import { ApplicationTerminationService } from './applications/application-termination.service';
import { ApplicationValidationService } from './applications/application-validation.service';
import { ApplicationLinksService } from './applications/application-links.service';
import { ApplicationManifestsService } from './applications/application-manifests.service';
import { ApplicationResourcesService } from './applications/application-resources.service';
import { ApplicationServerSideDiffService } from './applications/application-server-side-diff.service';
import { ApplicationGrpcHandler } from './applications/application.grpc-handler';
import { ApplicationActionsService } from './applications/application-actions.service';
import { DestinationClients } from './applications/destination-clients';
import { ApplicationSyncWindowsService } from './applications/sync-windows';
import { ApplicationService } from './applications/application.service';
import { ApplicationStreamsService } from './applications/application-streams.service';
import { ApplicationWatchSource } from './applications/application-watch.source';
import { AppTreeNotifications } from './applications/app-tree.notifications';
import { ApplicationSetGenerateService } from './applicationsets/applicationset-generate.service';
import { ApplicationSetGrpcHandler } from './applicationsets/applicationset.grpc-handler';
import { ApplicationSetService } from './applicationsets/applicationset.service';
import { ClusterGrpcHandler } from './clusters/cluster.grpc-handler';
import { ClusterInfoStore } from './clusters/cluster-info.store';
import { ClusterService } from './clusters/cluster.service';
import { ClusterStore } from './clusters/cluster.store';
import { RestGatewayHttpHandler } from './gateway/rest-gateway.http-handler';
import { defaultUiDirs, findUiDir, UiAssets } from './ui/ui-assets.store';
import { ServerReflectionGrpcHandler, ServerReflectionV1AlphaGrpcHandler } from './rpc/server-reflection.grpc-handler';
import { KubeResourceStore } from './hub/kube-resource.store';
import { GpgKeyGrpcHandler } from './gpgkeys/gpg-key.grpc-handler';
import { GpgKeyService } from './gpgkeys/gpg-key.service';
import { ProjectGrpcHandler } from './projects/project.grpc-handler';
import { ProjectService } from './projects/project.service';
import { RepoCredsGrpcHandler } from './repocreds/repocreds.grpc-handler';
import { RepoCredsService } from './repocreds/repocreds.service';
import { RepositoryGrpcHandler } from './repositories/repository.grpc-handler';
import { RepositoryAppsService } from './repositories/repository-apps.service';
import { RepositoryService } from './repositories/repository.service';
import { RepositoryStore } from './repositories/repository.store';
import type { KubeSecret } from './secrets/kube-secret';
import { SessionStateStore } from './session/session-state.store';
import { SessionGrpcHandler } from './session/session.grpc-handler';
import { SessionService } from './session/session.service';
import { ArgoSettingsStore, ConfigMap } from './settings/argo-settings.store';
import { SettingsGrpcHandler } from './settings/settings.grpc-handler';
import { SettingsService } from './settings/settings.service';
import { VersionGrpcHandler } from './version/version.grpc-handler';
import { VersionService } from './version/version.service';
import { WebhookHttpHandler } from './webhook/webhook.http-handler';
import { WebhookRefreshService } from './webhook/webhook-refresh.service';

const CONFIG = Symbol('api-server:config');
const HUB = Symbol('api-server:hub');
const APPS = Symbol('api-server:applications');
const APPSETS = Symbol('api-server:applicationsets');
const PROJECTS = Symbol('api-server:appprojects');
const SECRETS = Symbol('api-server:secrets');
const CONFIG_MAPS = Symbol('api-server:configmaps');

/** Every API service the api-server serves; the REST gateway routes to the same instances. */
const API_HANDLERS = [
  ApplicationGrpcHandler,
  ApplicationSetGrpcHandler,
  ClusterGrpcHandler,
  RepositoryGrpcHandler,
  RepoCredsGrpcHandler,
  ProjectGrpcHandler,
  GpgKeyGrpcHandler,
  SessionGrpcHandler,
  AccountGrpcHandler,
  SettingsGrpcHandler,
  VersionGrpcHandler,
] as const;

/** Every gRPC service the api-server serves: the API, and reflection over it. */
export const GRPC_HANDLERS = [...API_HANDLERS, ServerReflectionGrpcHandler, ServerReflectionV1AlphaGrpcHandler] as const;

/** A provider built by a factory from other providers (the api-server's classes stay free of Nest). */
const make = <T>(provide: unknown, inject: unknown[], build: (...deps: never[]) => T): Provider => ({
  provide: provide as symbol,
  useFactory: build as (...deps: unknown[]) => T,
  inject: inject as symbol[],
});

function hubClient(config: ApiServerConfig): KubeClient {
  const source = hubKubeSource(config);
  return source.kind === 'in-cluster' ? kubeClientInCluster() : kubeClientFromKubeconfig(source.path, source.context);
}

const store =
  (kind: string, apiVersion = ARGO_API_VERSION) =>
  (hub: KubeClient, config: ApiServerConfig) =>
    new KubeResourceStore(hub, { apiVersion, kind }, config.FLOTILLA_NAMESPACE);

/** First start: token key and admin password, and the `default` project, before any call is served. */
class ApiServerStartup implements OnApplicationBootstrap {
  constructor(
    private readonly hub: KubeClient,
    private readonly config: ApiServerConfig,
    private readonly logger: Logger,
    private readonly admin: InitialAdminService,
    private readonly projects: ProjectService,
    private readonly settings: ArgoSettingsStore,
    private readonly readiness: ReadinessChecks,
    private readonly watchSource: ApplicationWatchSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.FLOTILLA_INSTALL_CRDS) {
      const crds = await installCrds(this.hub, flotillaCrds());
      if (crds.created.length || crds.updated.length) this.logger.info(crds, 'installed the Flotilla CRDs in the hub');
    }
    await this.admin.ensure();
    await this.projects.ensureDefault();
    // After the CRDs: an informer started before its kind is served stops for good.
    this.watchSource.warm();
    // Every call reads the hub (sessions need argocd-secret): not ready while it cannot be reached.
    this.readiness.register('hub', async () => {
      await this.settings.serverKey();
    });
  }
}

const providers: Provider[] = [
  make(HUB, [CONFIG], hubClient),
  make(APPS, [HUB, CONFIG], store('Application')),
  make(APPSETS, [HUB, CONFIG], store('ApplicationSet')),
  make(PROJECTS, [HUB, CONFIG], store('AppProject')),
  make(SECRETS, [HUB, CONFIG], store('Secret', 'v1')),
  make(CONFIG_MAPS, [HUB, CONFIG], store('ConfigMap', 'v1')),
  make(RepoServerClient, [CONFIG], (c: ApiServerConfig) => new RepoServerClient(c.FLOTILLA_REPO_SERVER, { deadlineMs: 60_000 })),
  make(
    ArgoSettingsStore,
    [CONFIG_MAPS, SECRETS],
    (cms: KubeResourceStore<ConfigMap>, secrets: KubeResourceStore<KubeSecret>) => new ArgoSettingsStore(cms, secrets),
  ),
  make(
    SessionStateStore,
    [RedisClient, CONFIG],
    (redis: RedisClient, c: ApiServerConfig) => new SessionStateStore(redis, c.FLOTILLA_NAMESPACE),
  ),
  make(
    SessionService,
    [ArgoSettingsStore, SessionStateStore, CONFIG],
    (s: ArgoSettingsStore, st: SessionStateStore, c: ApiServerConfig) =>
      new SessionService(s, st, {
        tokenTtlSeconds: c.FLOTILLA_SESSION_TTL_SECONDS,
        backoff: {
          maxFailures: c.login.maxFailures,
          windowSeconds: c.login.windowSeconds,
          maxEntries: c.login.maxEntries,
          baseDelayMs: 1000,
          maxDelayMs: c.login.maxBackoffSeconds * 1000,
        },
        maxConcurrentLogins: c.login.maxConcurrent,
      }),
  ),
  make(
    InitialAdminService,
    [ArgoSettingsStore, SECRETS, LOGGER],
    (s: ArgoSettingsStore, secrets: KubeResourceStore<KubeSecret>, l: Logger) => new InitialAdminService(s, secrets, l),
  ),
  make(ClusterStore, [SECRETS], (secrets: KubeResourceStore<KubeSecret>) => new ClusterStore(secrets)),
  make(RepositoryStore, [SECRETS], (secrets: KubeResourceStore<KubeSecret>) => new RepositoryStore(secrets)),
  make(
    ProjectService,
    [PROJECTS, APPS, LOGGER],
    (p: KubeResourceStore<AppProject>, a: KubeResourceStore<Application>, l: Logger) => new ProjectService(p, a, l),
  ),
  make(
    ApplicationValidationService,
    [PROJECTS, ClusterStore, RepositoryStore, RepoServerClient],
    (p: KubeResourceStore<AppProject>, c: ClusterStore, r: RepositoryStore, rs: RepoServerClient) =>
      new ApplicationValidationService(p, c, r, rs),
  ),
  make(ApplicationEventsClient, [HUB, LOGGER], (hub: KubeClient, l: Logger) => new ApplicationEventsClient(hub, l)),
  make(
    ApplicationService,
    [APPS, ApplicationValidationService, ApplicationEventsClient, ApplicationWatchSource],
    (a: KubeResourceStore<Application>, v: ApplicationValidationService, e: ApplicationEventsClient, w: ApplicationWatchSource) =>
      new ApplicationService(a, v, e, w),
  ),
  make(
    ApplicationSyncService,
    [ApplicationService, APPS, RepositoryStore, RepoServerClient, ApplicationEventsClient],
    (s: ApplicationService, a: KubeResourceStore<Application>, r: RepositoryStore, rs: RepoServerClient, e: ApplicationEventsClient) =>
      new ApplicationSyncService(s, a, r, rs, e),
  ),
  make(
    ApplicationRollbackService,
    [ApplicationService, ApplicationSyncService, ApplicationEventsClient],
    (s: ApplicationService, syncs: ApplicationSyncService, e: ApplicationEventsClient) => new ApplicationRollbackService(s, syncs, e),
  ),
  make(
    ApplicationTerminationService,
    [ApplicationService, APPS, ApplicationEventsClient],
    (s: ApplicationService, a: KubeResourceStore<Application>, e: ApplicationEventsClient) => new ApplicationTerminationService(s, a, e),
  ),
  make(
    ApplicationRefreshService,
    [APPS, CONFIG],
    (a: KubeResourceStore<Application>, c: ApiServerConfig) => new ApplicationRefreshService(a, c.FLOTILLA_REFRESH_TIMEOUT_SECONDS * 1000),
  ),
  make(AppCacheStore, [RedisClient], (r: RedisClient) => new AppCacheStore(r)),
  make(DestinationClients, [HUB, ClusterStore], (hub: KubeClient, c: ClusterStore) => new DestinationClients(hub, c)),
  make(
    ApplicationWatchSource,
    [HUB, CONFIG, LOGGER],
    (hub: KubeClient, c: ApiServerConfig, l: Logger) => new ApplicationWatchSource(hub, c.FLOTILLA_NAMESPACE, l),
  ),
  make(AppTreeNotifications, [RedisClient, LOGGER], (r: RedisClient, l: Logger) => new AppTreeNotifications(r, l)),
  make(
    ApplicationStreamsService,
    [ApplicationService, ApplicationWatchSource, AppCacheStore, AppTreeNotifications, DestinationClients, ArgoSettingsStore, CONFIG],
    (
      apps: ApplicationService,
      watch: ApplicationWatchSource,
      cache: AppCacheStore,
      trees: AppTreeNotifications,
      destinations: DestinationClients,
      settings: ArgoSettingsStore,
      c: ApiServerConfig,
    ) => new ApplicationStreamsService(apps, watch, cache, trees, destinations, settings, c.FLOTILLA_STREAM_BUFFER_MESSAGES),
  ),
  make(
    ApplicationResourcesService,
    [ApplicationService, AppCacheStore, DestinationClients, HUB, ArgoSettingsStore, ApplicationEventsClient],
    (...d: ConstructorParameters<typeof ApplicationResourcesService>) => new ApplicationResourcesService(...d),
  ),
  make(
    ApplicationActionsService,
    [
      ApplicationService,
      AppCacheStore,
      DestinationClients,
      HUB,
      ArgoSettingsStore,
      PROJECTS,
      ClusterStore,
      ApplicationEventsClient,
      CONFIG,
      LOGGER,
    ],
    (
      apps: ApplicationService,
      cache: AppCacheStore,
      destinations: DestinationClients,
      hub: KubeClient,
      settings: ArgoSettingsStore,
      projects: KubeResourceStore<AppProject>,
      clusters: ClusterStore,
      events: ApplicationEventsClient,
      c: ApiServerConfig,
      logger: Logger,
    ) => {
      // The script library the app-controller reads too: its actions stand in for the built-in ones.
      const library = c.FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR
        ? readCustomizationsDir(c.FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR)
        : EMPTY_LIBRARY;
      for (const warning of library.warnings) logger.warn(warning);
      return new ApplicationActionsService(apps, cache, destinations, hub, settings, projects, clusters, events, library);
    },
  ),
  make(
    ApplicationServerSideDiffService,
    [ApplicationService, AppCacheStore, DestinationClients],
    (...d: ConstructorParameters<typeof ApplicationServerSideDiffService>) => new ApplicationServerSideDiffService(...d),
  ),
  make(
    ApplicationManifestsService,
    [ApplicationService, RepositoryStore, RepoServerClient, PROJECTS],
    (...d: ConstructorParameters<typeof ApplicationManifestsService>) => new ApplicationManifestsService(...d),
  ),
  make(
    ApplicationSyncWindowsService,
    [ApplicationService, PROJECTS],
    (a: ApplicationService, p: KubeResourceStore<AppProject>) => new ApplicationSyncWindowsService(a, p),
  ),
  make(
    ApplicationLinksService,
    [ApplicationService, ArgoSettingsStore, ClusterStore, PROJECTS, LOGGER],
    (...d: ConstructorParameters<typeof ApplicationLinksService>) => new ApplicationLinksService(...d),
  ),
  make(
    ApplicationSetService,
    [APPSETS, PROJECTS],
    (s: KubeResourceStore<ApplicationSet>, p: KubeResourceStore<AppProject>) => new ApplicationSetService(s, p),
  ),
  make(
    ApplicationSetGenerateService,
    [ApplicationSetService, PROJECTS, SECRETS, RepoServerClient, CONFIG, HUB],
    (
      s: ApplicationSetService,
      p: KubeResourceStore<AppProject>,
      secrets: KubeResourceStore<KubeSecret>,
      rs: RepoServerClient,
      c: ApiServerConfig,
      hub: KubeClient,
    ) =>
      new ApplicationSetGenerateService(s, p, secrets, rs, {
        ...appSetGenerationSettings(c),
        hub: namespaceReader(hub, c.FLOTILLA_NAMESPACE),
      }),
  ),
  make(ClusterInfoStore, [RedisClient, CONFIG], (r: RedisClient, c: ApiServerConfig) => new ClusterInfoStore(r, c.FLOTILLA_QUEUE_PREFIX)),
  make(
    ClusterService,
    [ClusterStore, ClusterInfoStore],
    (s: ClusterStore, infos: ClusterInfoStore) =>
      new ClusterService(
        s,
        async (cluster) => {
          const client = kubeClientForCluster(cluster);
          try {
            const v = await client.serverVersion();
            return `${v.major}.${v.minor}`;
          } finally {
            client.close();
          }
        },
        infos,
      ),
  ),
  make(RepositoryService, [RepositoryStore, RepoServerClient], (s: RepositoryStore, rs: RepoServerClient) => new RepositoryService(s, rs)),
  make(
    RepositoryAppsService,
    [RepositoryStore, PROJECTS, APPS, RepoServerClient],
    (...d: ConstructorParameters<typeof RepositoryAppsService>) => new RepositoryAppsService(...d),
  ),
  make(
    AccountService,
    [ArgoSettingsStore, SessionService],
    (s: ArgoSettingsStore, sessions: SessionService) => new AccountService(s, sessions),
  ),
  make(
    SettingsService,
    [ArgoSettingsStore, CONFIG],
    (s: ArgoSettingsStore, c: ApiServerConfig) => new SettingsService(s, c.FLOTILLA_NAMESPACE),
  ),
  make(VersionService, [], () => new VersionService()),
  make(
    ApplicationGrpcHandler,
    [
      SessionService,
      ApplicationService,
      ApplicationSyncService,
      ApplicationRefreshService,
      AppCacheStore,
      ApplicationRollbackService,
      ApplicationTerminationService,
      ApplicationResourcesService,
      ApplicationManifestsService,
      ApplicationSyncWindowsService,
      ApplicationLinksService,
      ApplicationStreamsService,
      ApplicationActionsService,
      ApplicationServerSideDiffService,
    ],
    (...d: ConstructorParameters<typeof ApplicationGrpcHandler>) => new ApplicationGrpcHandler(...d),
  ),
  make(
    ApplicationSetGrpcHandler,
    [SessionService, ApplicationSetService, ApplicationSetGenerateService],
    (...d: ConstructorParameters<typeof ApplicationSetGrpcHandler>) => new ApplicationSetGrpcHandler(...d),
  ),
  make(
    ClusterGrpcHandler,
    [SessionService, ClusterService],
    (...d: ConstructorParameters<typeof ClusterGrpcHandler>) => new ClusterGrpcHandler(...d),
  ),
  make(
    RepositoryGrpcHandler,
    [SessionService, RepositoryService, RepositoryAppsService],
    (...d: ConstructorParameters<typeof RepositoryGrpcHandler>) => new RepositoryGrpcHandler(...d),
  ),
  make(
    ProjectGrpcHandler,
    [SessionService, ProjectService],
    (...d: ConstructorParameters<typeof ProjectGrpcHandler>) => new ProjectGrpcHandler(...d),
  ),
  make(GpgKeyService, [CONFIG_MAPS], (cms: KubeResourceStore<ConfigMap>) => new GpgKeyService(cms)),
  make(
    GpgKeyGrpcHandler,
    [SessionService, GpgKeyService],
    (...d: ConstructorParameters<typeof GpgKeyGrpcHandler>) => new GpgKeyGrpcHandler(...d),
  ),
  make(RepoCredsService, [SECRETS], (secrets: KubeResourceStore<KubeSecret>) => new RepoCredsService(secrets)),
  make(
    RepoCredsGrpcHandler,
    [SessionService, RepoCredsService],
    (...d: ConstructorParameters<typeof RepoCredsGrpcHandler>) => new RepoCredsGrpcHandler(...d),
  ),
  make(SessionGrpcHandler, [SessionService], (s: SessionService) => new SessionGrpcHandler(s)),
  make(
    AccountGrpcHandler,
    [SessionService, AccountService],
    (...d: ConstructorParameters<typeof AccountGrpcHandler>) => new AccountGrpcHandler(...d),
  ),
  make(
    SettingsGrpcHandler,
    [SessionService, SettingsService],
    (...d: ConstructorParameters<typeof SettingsGrpcHandler>) => new SettingsGrpcHandler(...d),
  ),
  make(VersionGrpcHandler, [VersionService], (s: VersionService) => new VersionGrpcHandler(s)),
  make(
    WebhookRefreshService,
    [APPS, APPSETS, LOGGER],
    (a: KubeResourceStore<Application>, s: KubeResourceStore<ApplicationSet>, l: Logger) => new WebhookRefreshService(a, s, l),
  ),
  make(
    WebhookHttpHandler,
    [ArgoSettingsStore, WebhookRefreshService, LOGGER],
    (s: ArgoSettingsStore, r: WebhookRefreshService, l: Logger) => new WebhookHttpHandler(s, r, l),
  ),
  ...[ServerReflectionGrpcHandler, ServerReflectionV1AlphaGrpcHandler].map((Handler) =>
    make(Handler, [...API_HANDLERS, SessionService], (...deps: never[]) => {
      const n = API_HANDLERS.length;
      return new Handler(contractsDefinition(), deps.slice(0, n), deps[n]);
    }),
  ),
  make(RestGatewayHttpHandler, [...GRPC_HANDLERS, LOGGER, WebhookHttpHandler, SessionService, ClusterStore, CONFIG], (...deps: never[]) => {
    const n = GRPC_HANDLERS.length;
    const clusters = deps[n + 3] as ClusterStore;
    const ui = loadUi(deps[n + 4], deps[n] as Logger);
    return new RestGatewayHttpHandler(deps.slice(0, n), deps[n] as Logger, deps[n + 1], deps[n + 2], () => clusters.all(), ui);
  }),
  make(
    ApiServerStartup,
    [HUB, CONFIG, LOGGER, InitialAdminService, ProjectService, ArgoSettingsStore, ReadinessChecks, ApplicationWatchSource],
    (...d: ConstructorParameters<typeof ApiServerStartup>) => new ApiServerStartup(...d),
  ),
];

/** The UI's build, if there is one: without it the API serves on alone, and says where the build was looked for. */
function loadUi(config: ApiServerConfig, logger: Logger): UiAssets | undefined {
  const candidates = config.FLOTILLA_UI_DIR ? [config.FLOTILLA_UI_DIR] : defaultUiDirs();
  const dir = findUiDir(candidates);
  if (!dir) {
    logger.warn(`no web UI build in ${candidates.join(' or ')} (npm run build makes one); serving the API only`);
    return undefined;
  }
  return new UiAssets(dir);
}

/** The api-server's root module for a configuration: Argo CD's API over the hub, Redis and repo-server. */
export function apiServerModule(config: ApiServerConfig): Type<unknown> {
  @Module({
    imports: [PlatformModule.forRoot({ service: 'api-server', config })],
    providers: [{ provide: CONFIG, useValue: config }, ...providers],
  })
  class ApiServerModule {}
  return ApiServerModule;
}
