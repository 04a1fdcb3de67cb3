// The repo-server process: load configuration, then the shared bootstrap does the rest.
import 'reflect-metadata';
import { bootstrapService, runService } from '@flotilla/platform';
import { RepoServerGrpcHandler } from './grpc/repo-server.grpc-handler';
import { loadRepoServerConfig } from './repo-server.config';
import { repoServerModule, SERVICE_NAME } from './repo-server.module';

runService(() => {
  const config = loadRepoServerConfig();
  return bootstrapService({
    name: SERVICE_NAME,
    module: repoServerModule(config),
    opsPort: config.FLOTILLA_REPO_SERVER_OPS_PORT,
    grpc: {
      port: config.FLOTILLA_REPO_SERVER_PORT,
      handlers: [RepoServerGrpcHandler],
      // GOAWAY lets in-flight renders finish; callers reconnect, re-resolve and so find new replicas.
      options: { 'grpc.max_connection_age_ms': config.FLOTILLA_REPO_SERVER_MAX_CONNECTION_AGE_SECONDS * 1000 },
    },
  });
}, SERVICE_NAME);
