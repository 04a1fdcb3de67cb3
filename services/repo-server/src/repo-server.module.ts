// Wires repo-server: shared git clones, the Redis manifest cache, the use cases and the gRPC handler.
import { LOGGER, PlatformModule, RedisClient } from '@flotilla/platform';
import { Module, Type } from '@nestjs/common';
import { AppListStore } from './cache/app-list.store';
import { ManifestCacheStore } from './cache/manifest-cache.store';
import { RenderFailureStore } from './cache/render-failure.store';
import { AppDetailsService } from './details/app-details.service';
import { GitQueryService } from './git/git-query.service';
import { RepositoryRegistry } from './git/repository.registry';
import { GpgKeyring } from './gpg/gpg-keyring.store';
import { SignatureVerificationService } from './gpg/signature-verification.service';
import { RepoServerGrpcHandler } from './grpc/repo-server.grpc-handler';
import { ManifestGenerationService } from './manifests/manifest-generation.service';
import type { Logger } from 'pino';
import { gitTransportOf, gpgOf, pausePolicyOf, renderLimitsOf, RepoServerConfig, toolBinariesOf } from './repo-server.config';

export const SERVICE_NAME = 'repo-server';

/** The root module for one configuration (config is loaded before Nest starts). */
export function repoServerModule(config: RepoServerConfig): Type<unknown> {
  @Module({
    imports: [PlatformModule.forRoot({ service: SERVICE_NAME, config })],
    providers: [
      { provide: RepositoryRegistry, useFactory: () => new RepositoryRegistry(config.FLOTILLA_REPO_CACHE_DIR, config.FLOTILLA_REVISION_CACHE_SECONDS * 1000, Date.now, gitTransportOf(config)) },
      { provide: ManifestCacheStore, useFactory: (redis: RedisClient) => new ManifestCacheStore(redis, config.FLOTILLA_MANIFEST_CACHE_SECONDS), inject: [RedisClient] },
      {
        provide: ManifestGenerationService,
        useFactory: (r: RepositoryRegistry, c: ManifestCacheStore, redis: RedisClient) =>
          new ManifestGenerationService(r, c, {
            limits: renderLimitsOf(config),
            tools: toolBinariesOf(config),
            parallelismLimit: config.FLOTILLA_REPO_PARALLELISM_LIMIT,
            failures: new RenderFailureStore(redis, c, pausePolicyOf(config), Date.now, config.FLOTILLA_MANIFEST_CACHE_SECONDS),
          }),
        inject: [RepositoryRegistry, ManifestCacheStore, RedisClient],
      },
      {
        provide: GitQueryService,
        useFactory: (r: RepositoryRegistry, redis: RedisClient) =>
          new GitQueryService(r, { apps: new AppListStore(redis, config.FLOTILLA_MANIFEST_CACHE_SECONDS), timeoutMs: renderLimitsOf(config).execTimeoutMs }),
        inject: [RepositoryRegistry, RedisClient],
      },
      {
        provide: AppDetailsService,
        useFactory: (r: RepositoryRegistry, m: ManifestGenerationService) =>
          new AppDetailsService(r, { cacheDir: toolBinariesOf(config).chartCacheDir, maxBytes: config.FLOTILLA_REPO_MAX_MANIFEST_BYTES, tlsDataPath: toolBinariesOf(config).tlsDataPath }, m),
        inject: [RepositoryRegistry, ManifestGenerationService],
      },
      {
        provide: SignatureVerificationService,
        useFactory: (r: RepositoryRegistry, logger: Logger) => {
          const gpg = gpgOf(config);
          const keyring = gpg && new GpgKeyring({ ...gpg, logger: { info: (m) => logger.info(m), warn: (m) => logger.warn(m) } });
          return new SignatureVerificationService(r, keyring, gpg?.timeoutMs ?? 30_000, { warn: (m) => logger.warn(m) });
        },
        inject: [RepositoryRegistry, LOGGER],
      },
      {
        provide: RepoServerGrpcHandler,
        useFactory: (m: ManifestGenerationService, g: GitQueryService, d: AppDetailsService, s: SignatureVerificationService) => new RepoServerGrpcHandler(m, g, d, s),
        inject: [ManifestGenerationService, GitQueryService, AppDetailsService, SignatureVerificationService],
      },
    ],
  })
  class RepoServerModule {}
  return RepoServerModule;
}
