import type { IncomingMessage, ServerResponse } from 'node:http';
import { contractsDefinition } from '@flotilla/contracts';
import type { GrpcHandler, HttpHandler } from '@flotilla/platform';
import type { Logger } from 'pino';
import { RpcRegistry } from '../rpc/rpc.registry';
import type { Authenticator } from '../rpc/unary-call';
import { WEBHOOK_PATH, WebhookHttpHandler } from '../webhook/webhook.http-handler';
import { isUiRequest, serveUi } from '../ui/ui.http-handler';
import type { UiAssets } from '../ui/ui-assets.store';
import { RestGateway } from './rest.gateway';

/** What /healthz?full=true proves beyond the process answering: Argo CD lists the clusters. */
export type FullHealthCheck = () => Promise<unknown>;

/**
 * The api-server's HTTP/1.1 side as the platform's HttpHandler: /healthz as Argo CD's server
 * answers it, the git webhook at /api/webhook, the web UI's pages (when built), and the REST gateway
 * over the very handlers gRPC serves for everything else.
 */
export class RestGatewayHttpHandler implements HttpHandler {
  private readonly gateway: RestGateway;

  constructor(
    handlers: readonly GrpcHandler[],
    private readonly logger: Logger,
    private readonly webhook: WebhookHttpHandler,
    authenticator: Authenticator,
    private readonly fullHealthCheck?: FullHealthCheck,
    private readonly ui?: UiAssets,
  ) {
    this.gateway = new RestGateway(contractsDefinition(), new RpcRegistry(handlers), authenticator, undefined, logger);
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const path = pathOf(req.url);
    if (path === HEALTHZ_PATH) void this.healthz(req, res);
    else if (path === WEBHOOK_PATH) this.webhook.handle(req, res);
    else if (this.ui && isUiRequest(req, path)) serveUi(this.ui, req, res, path);
    else this.gateway.handle(req, res);
  }

  /** 200 `ok`; with ?full=true the clusters must be readable from the hub too, else 503 (and the reason is logged only). */
  private async healthz(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const full = new URL(req.url ?? '/', 'http://healthz').searchParams.get('full') === 'true';
    try {
      if (full && this.fullHealthCheck) await this.fullHealthCheck();
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok\n');
    } catch (err) {
      this.logger.error({ err }, 'health check failed');
      res.writeHead(503).end();
    }
  }
}

const HEALTHZ_PATH = '/healthz';
const pathOf = (url: string | undefined): string => (url ?? '/').split('?')[0];
