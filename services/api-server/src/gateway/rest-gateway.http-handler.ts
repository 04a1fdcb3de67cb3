import type { IncomingMessage, ServerResponse } from 'node:http';
import { contractsDefinition } from '@flotilla/contracts';
import type { GrpcHandler, HttpHandler } from '@flotilla/platform';
import type { Logger } from 'pino';
import { RpcRegistry } from '../rpc/rpc.registry';
import { RestGateway } from './rest.gateway';

/** The REST gateway as the platform's HttpHandler, over the very handlers gRPC serves. */
export class RestGatewayHttpHandler implements HttpHandler {
  private readonly gateway: RestGateway;

  constructor(handlers: readonly GrpcHandler[], logger: Logger) {
    this.gateway = new RestGateway(contractsDefinition(), new RpcRegistry(handlers), logger);
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    this.gateway.handle(req, res);
  }
}
