import { type FakeAnswer, FakeHttpServer, type FakeHttpRequest, jsonBody } from './fake-http';

// Microsoft Teams as the teams senders meet it:
// - an Office 365 connector's incoming webhook (/webhookb2/<id>) takes a MessageCard and answers
//   200 with the body "1"; a card without summary or text gets 400 "Summary or Text is required.",
//   an unknown webhook 404, and while `connectorFailure` is set it answers 200 with an error text,
//   as the connector service did when Teams behind it failed;
// - a Workflows (Power Automate) trigger (/powerautomate/<id>?sig=…) takes a message whose
//   attachments are Adaptive Cards and answers 202 with no body; a wrong signature gets 401 and a
//   payload that is not such a message 400, both with Power Automate's JSON error.

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export class FakeTeams extends FakeHttpServer {
  /** Incoming webhook ids that exist. */
  readonly webhooks = new Set<string>(['hook-1', 'hook-2']);
  /** Workflow id → the sig its URL must carry. */
  readonly workflows = new Map<string, string>([['flow-1', 'flow-sig']]);
  /** The 200 body an incoming webhook answers with instead of "1" while set. */
  connectorFailure: string | undefined;
  /** What reached a channel: the parsed card of each accepted request. */
  readonly posted: { channel: string; card: Record<string, unknown> }[] = [];

  webhookUrl(id: string): string {
    return `${this.url}/webhookb2/${id}/IncomingWebhook/abc/def`;
  }

  workflowUrl(id: string, sig: string): string {
    return `${this.url}/powerautomate/automations/direct/workflows/${id}/triggers/manual/paths/invoke?api-version=1&sig=${sig}`;
  }

  protected answer(req: FakeHttpRequest): FakeAnswer {
    const url = new URL(req.url, 'http://x');
    if (req.method !== 'POST') return { status: 405, body: 'Method Not Allowed' };
    const hook = /^\/webhookb2\/([^/]+)\//.exec(url.pathname);
    if (hook) return this.incomingWebhook(hook[1], req);
    const flow = /^\/powerautomate\/automations\/direct\/workflows\/([^/]+)\/triggers\/manual\/paths\/invoke$/.exec(url.pathname);
    if (flow) return this.workflow(flow[1], url.searchParams.get('sig'), req);
    return { status: 404, body: 'Not Found' };
  }

  private incomingWebhook(id: string, req: FakeHttpRequest): FakeAnswer {
    if (!this.webhooks.has(id)) return { status: 404, body: 'Webhook not found' };
    if (!String(req.headers['content-type']).startsWith('application/json'))
      return { status: 400, body: 'Webhook Bad Request - Content-Type must be application/json' };
    const card = jsonBody(req);
    if (!card || typeof card !== 'object' || Array.isArray(card)) return { status: 400, body: 'Webhook Bad Request - Null or empty event' };
    const c = card as Record<string, unknown>;
    if (!c.summary && !c.text) return { status: 400, body: 'Summary or Text is required.' };
    if (this.connectorFailure) return { status: 200, body: this.connectorFailure };
    this.posted.push({ channel: id, card: c });
    return { status: 200, body: '1' };
  }

  private workflow(id: string, sig: string | null, req: FakeHttpRequest): FakeAnswer {
    if (!this.workflows.has(id) || this.workflows.get(id) !== sig)
      return {
        status: 401,
        body: {
          error: { code: 'DirectApiAuthorizationRequired', message: 'The request must be authenticated only by Shared Access scheme.' },
        },
      };
    const message = jsonBody(req) as
      { type?: unknown; attachments?: { contentType?: unknown; content?: { type?: unknown } }[] } | undefined;
    const cards = Array.isArray(message?.attachments) ? message.attachments : [];
    if (
      message?.type !== 'message' ||
      cards.length === 0 ||
      cards.some((a) => a.contentType !== ADAPTIVE || a.content?.type !== 'AdaptiveCard')
    )
      return {
        status: 400,
        body: {
          error: {
            code: 'InvalidRequestContent',
            message: 'The request content is not valid: expected a message with Adaptive Card attachments.',
          },
        },
      };
    for (const a of cards) this.posted.push({ channel: id, card: a.content as Record<string, unknown> });
    return { status: 202 };
  }
}
