import { randomBytes } from 'node:crypto';
import { type FakeAnswer, FakeHttpServer, type FakeHttpRequest, jsonBody } from './fake-http';

// Mattermost's REST API v4 for what the mattermost sender does, POST /api/v4/posts, answering as
// Mattermost does: 401 for a missing or unknown token, 400 for a body that is not JSON or a
// channel_id that is not a 26-character id, 403 for a channel the bot is not a member of, 201
// with the created post; its errors are Mattermost's AppError JSON.

const CHANNEL_ID = /^[a-z0-9]{26}$/;

const appError = (status: number, id: string, message: string): FakeAnswer => ({
  status,
  body: { id, message, detailed_error: '', request_id: randomBytes(13).toString('hex').slice(0, 26), status_code: status },
});

export class FakeMattermost extends FakeHttpServer {
  readonly tokens = new Set(['bot-token-1']);
  /** Channel ids the bot may post in. */
  readonly channels = new Set(['4xp9fdt77pncbef59f4k1qe83o']);
  readonly posts: { channel_id: string; message: string; props?: Record<string, unknown> }[] = [];

  protected answer(req: FakeHttpRequest): FakeAnswer {
    const path = new URL(req.url, 'http://x').pathname;
    if (path !== '/api/v4/posts') return appError(404, 'api.context.404.app_error', 'Sorry, we could not find the page.');
    if (req.method !== 'POST') return appError(405, 'api.context.405.app_error', 'Method Not Allowed');
    const token = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!token || !this.tokens.has(token))
      return appError(401, 'api.context.session_expired.app_error', 'Invalid or expired session, please login again.');
    const post = jsonBody(req) as { channel_id?: unknown; message?: unknown; props?: unknown } | undefined;
    if (!post || typeof post !== 'object')
      return appError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing post in request body.');
    if (typeof post.channel_id !== 'string' || !CHANNEL_ID.test(post.channel_id))
      return appError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing channel_id in request body.');
    if (!this.channels.has(post.channel_id))
      return appError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');
    const created = {
      channel_id: post.channel_id,
      message: typeof post.message === 'string' ? post.message : '',
      props: post.props as Record<string, unknown> | undefined,
    };
    this.posts.push(created);
    return { status: 201, body: { id: randomBytes(13).toString('hex').slice(0, 26), create_at: Date.now(), ...created } };
  }
}
