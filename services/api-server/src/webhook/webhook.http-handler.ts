// Argo CD's `POST /api/webhook`: git providers report pushes here, and every Application (and
// ApplicationSet git generator) following the pushed branch or tag is asked to refresh at once
// instead of at the next poll; pull request events refresh the ApplicationSets whose pullRequest
// generators name the repository. https://argo-cd.readthedocs.io/en/stable/operator-manual/webhook/
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { answerAndCloseUnread } from '../gateway/unread-body.close';
import { ConcurrencyLimiter, ConcurrencyLimitError } from '../rpc/concurrency.limiter';
import type { ArgoSettingsStore } from '../settings/argo-settings.store';
import { WebhookRejection } from './push-event.types';
import { decodeWebhookEvent } from './webhook-event.decoder';
import type { WebhookRefreshResult, WebhookRefreshService } from './webhook-refresh.service';
import { webhookSecrets } from './webhook-signature.verifier';

export const WEBHOOK_PATH = '/api/webhook';

/** argocd-cm's cap on a delivery's size, in MiB; Argo CD's default is 50. */
export const MAX_PAYLOAD_SIZE_KEY = 'webhook.maxPayloadSizeMB';
const DEFAULT_MAX_PAYLOAD_MB = 50;
const MIB = 1024 * 1024;

/**
 * Deliveries read and verified at once, and waiting: the cap is per delivery (50 MiB by default)
 * and anyone can POST here, so without a bound a few large deliveries would take the memory and
 * event loop every API call needs.
 */
const webhookReaders = (): ConcurrencyLimiter => new ConcurrencyLimiter(4, 16);

export class WebhookHttpHandler {
  private warnedPayloadSize?: string;

  constructor(
    private readonly settings: ArgoSettingsStore,
    private readonly refresher: WebhookRefreshService,
    private readonly logger: Logger,
    private readonly readers = webhookReaders(),
  ) {}

  /** A Node request listener; never rejects: every failure becomes a text answer. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.serve(req, res).catch((err: unknown) => {
      this.logger.error({ err }, 'webhook delivery failed');
      if (!res.headersSent) reply(req, res, 500, 'Webhook processing failed: internal error, see the api-server log');
      else res.destroy();
    });
  };

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      return reply(req, res, 405, `Webhook processing failed: method ${req.method} is not allowed, deliveries are POSTed`, {
        allow: 'POST',
      });
    }
    let cm: Record<string, string>;
    let secret: Record<string, string>;
    try {
      [cm, secret] = await Promise.all([this.settings.argocdCm(), this.settings.argocdSecret()]);
    } catch (err) {
      // Without the secrets nothing can be verified: refuse rather than accept unverified.
      this.logger.warn({ err }, 'webhook cannot read argocd-cm and argocd-secret');
      return reply(
        req,
        res,
        503,
        'Webhook processing failed: the webhook settings (argocd-cm, argocd-secret) cannot be read from the hub; try again',
      );
    }
    let event;
    try {
      event = await this.readers.run(async () =>
        decodeWebhookEvent(req.headers, await readBody(req, this.maxPayloadBytes(cm)), webhookSecrets(secret)),
      );
    } catch (err) {
      if (err instanceof ConcurrencyLimitError) {
        this.logger.warn({ remote: req.socket.remoteAddress }, 'webhook delivery refused: too many deliveries at once');
        const message = `Webhook processing failed: more than ${err.limit} deliveries are being read at once; try again`;
        return reply(req, res, 503, message, { 'retry-after': '1' });
      }
      if (!(err instanceof WebhookRejection)) throw err;
      this.logger.warn({ status: err.status, reason: err.message, remote: req.socket.remoteAddress }, 'webhook delivery refused');
      return reply(req, res, err.status, `Webhook processing failed: ${err.message}`);
    }
    if (event.kind === 'ping') return reply(req, res, 200, `Webhook ping from ${event.provider} received`);
    if (event.kind === 'pullRequest' && !event.pullRequest.relevant) {
      const action = JSON.stringify(event.pullRequest.action);
      return reply(req, res, 200, `Webhook processed: pull request action ${action} changes nothing a pullRequest generator lists`);
    }
    if (event.kind === 'push' && !event.push.refs.length)
      return reply(req, res, 200, 'Webhook processed: the push moved no branch or tag, nothing to refresh');
    let result: WebhookRefreshResult;
    try {
      result =
        event.kind === 'push' ? await this.refresher.refresh(event.push) : await this.refresher.refreshPullRequest(event.pullRequest);
    } catch (err) {
      this.logger.warn({ err }, 'webhook cannot list Applications and ApplicationSets');
      return reply(req, res, 503, 'Webhook processing failed: Applications and ApplicationSets cannot be listed in the hub; try again');
    }
    const summary = `refresh requested for ${result.applications.length} application(s) and ${result.applicationSets.length} applicationset(s)`;
    if (!result.failed.length) return reply(req, res, 200, `Webhook processed: ${summary}`);
    const failed = result.failed.map((f) => `${f.kind} ${f.name}`).join(', ');
    reply(req, res, 500, `Webhook processed in part: ${summary}; could not annotate ${failed}, see the api-server log`);
  }

  private maxPayloadBytes(cm: Record<string, string>): number {
    const value = cm[MAX_PAYLOAD_SIZE_KEY];
    if (value === undefined || value.trim() === '') return DEFAULT_MAX_PAYLOAD_MB * MIB;
    const mb = Number(value.trim());
    if (Number.isInteger(mb) && mb > 0) return mb * MIB;
    if (this.warnedPayloadSize !== value) {
      this.warnedPayloadSize = value;
      this.logger.warn(
        `argocd-cm ${MAX_PAYLOAD_SIZE_KEY} is ${JSON.stringify(value)}, not a positive whole number of MiB: using ${DEFAULT_MAX_PAYLOAD_MB}`,
      );
    }
    return DEFAULT_MAX_PAYLOAD_MB * MIB;
  }
}

/** A text answer; one sent before the body was read closes the connection instead of reading the rest. */
function reply(req: IncomingMessage, res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  const headers = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...extra };
  if (!req.complete) answerAndCloseUnread(req, res, status, headers, `${text}\n`);
  else res.writeHead(status, headers).end(`${text}\n`);
}

const tooLarge = (limit: number): WebhookRejection =>
  new WebhookRejection(413, `the payload is larger than ${limit / MIB} MiB (${MAX_PAYLOAD_SIZE_KEY} in argocd-cm)`);

/** The raw body (signatures cover its exact bytes), refused as soon as it exceeds the limit. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  // A delivery that waited for a reader may have been dropped meanwhile: its 'close' has passed.
  if (req.destroyed) return Promise.reject(new Error('the webhook request was aborted before its body was read'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      cleanup();
      reject(tooLarge(limit));
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const onClose = (): void => onError(new Error('the webhook request was aborted before its body ended'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
