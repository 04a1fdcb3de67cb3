import 'reflect-metadata';
import { bootstrapService, runService } from '@flotilla/platform';
import { loadApiServerConfig } from './api-server.config';
import { apiServerModule, GRPC_HANDLERS } from './api-server.module';
import { RestGatewayHttpHandler } from './gateway/rest-gateway.http-handler';

// Async, so a bad variable reaches runService's one-line message rather than a stack trace.
runService(async () => {
  const config = loadApiServerConfig();
  return bootstrapService({
    name: 'api-server',
    module: apiServerModule(config),
    opsPort: config.FLOTILLA_OPS_PORT,
    grpc: { port: config.FLOTILLA_API_PORT, handlers: [...GRPC_HANDLERS], httpHandler: RestGatewayHttpHandler },
  });
}, 'api-server');
