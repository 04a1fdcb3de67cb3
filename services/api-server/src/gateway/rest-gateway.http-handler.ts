import type { IncomingMessage, ServerResponse } from 'node:http';
import { contractsDefinition } from '@flotilla/contracts';
import type { GrpcHandler, HttpHandler } from '@flotilla/platform';
import type { Logger } from 'pino';
import { RpcRegistry } from '../rpc/rpc.registry';
import type { Authenticator } from '../rpc/unary-call';
import { WEBHOOK_PATH, WebhookHttpHandler } from '../webhook/webhook.http-handler';
import { RestGateway } from './rest.gateway';

/**
 * The api-server's HTTP/1.1 side as the platform's HttpHandler: the git webhook at /api/webhook,
 * and the REST gateway over the very handlers gRPC serves for everything else.
 */
export class RestGatewayHttpHandler implements HttpHandler {
  private readonly gateway: RestGateway;

  constructor(
    handlers: readonly GrpcHandler[],
    logger: Logger,
    private readonly webhook: WebhookHttpHandler,
    authenticator: Authenticator,
  ) {
    this.gateway = new RestGateway(contractsDefinition(), new RpcRegistry(handlers), authenticator, undefined, logger);
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    if (pathOf(req.url) === WEBHOOK_PATH) this.webhook.handle(req, res);
    else this.gateway.handle(req, res);
  }
}

const pathOf = (url: string | undefined): string => (url ?? '/').split('?')[0];
