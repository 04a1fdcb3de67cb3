import { randomBytes } from 'node:crypto';
import { type FakeAnswer, FakeHttpServer, type FakeHttpRequest, jsonBody } from './fake-http';

// Rocket.Chat's REST API v1 for what the rocketchat sender does, answering as Rocket.Chat does:
// POST /api/v1/login (form or JSON user/password) gives {status: "success", data: {userId,
// authToken}} or 401 {status: "error"}; POST /api/v1/chat.postMessage needs X-User-Id and
// X-Auth-Token (401 otherwise), a channel (#room or @user) or roomId the user may post in, and
// answers {success: true, message} or 400 {success: false, error, errorType}. While
// `rateLimitedFor` is set it answers 429 with x-ratelimit-* headers, as its rate limiter does.

const id = () => randomBytes(9).toString('base64url').slice(0, 17);

export interface RocketPost {
  readonly rid: string;
  readonly msg: string;
  readonly alias?: string;
  readonly emoji?: string;
  readonly avatar?: string;
  readonly attachments?: unknown[];
  readonly user: string;
}

export class FakeRocketChat extends FakeHttpServer {
  /** email or username → password. */
  readonly users = new Map([['bot@example.com', { username: 'argocd-bot', password: 'rc-pass' }]]);
  /** Room id → its name, and whether the bot is in it. */
  readonly rooms = new Map([
    ['GENERALroomID', { name: 'general', member: true }],
    ['ops-room-id-0001', { name: 'ops', member: true }],
    ['secret-room-id-01', { name: 'secret', member: false }],
  ]);
  readonly directUsers = new Set(['alice']);
  readonly posts: RocketPost[] = [];
  readonly sessions = new Map<string, string>();
  /** Seconds a rate limit still holds; while set, every endpoint answers 429. */
  rateLimitedFor: number | undefined;

  protected answer(req: FakeHttpRequest): FakeAnswer {
    const path = new URL(req.url, 'http://x').pathname;
    if (this.rateLimitedFor !== undefined) {
      const wait = this.rateLimitedFor;
      return {
        status: 429,
        headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Date.now() + wait * 1000) },
        body: {
          success: false,
          error: `Error, too many requests. Please slow down. You must wait ${wait} seconds before trying this endpoint again. [error-too-many-requests]`,
        },
      };
    }
    if (req.method !== 'POST') return { status: 404, body: { success: false, error: 'Not found' } };
    if (path === '/api/v1/login') return this.login(req);
    if (path === '/api/v1/chat.postMessage') return this.postMessage(req);
    return { status: 404, body: { success: false, error: 'Not found' } };
  }

  private login(req: FakeHttpRequest): FakeAnswer {
    const form = String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')
      ? Object.fromEntries(new URLSearchParams(req.body))
      : ((jsonBody(req) ?? {}) as Record<string, unknown>);
    const user = typeof form.user === 'string' ? this.users.get(form.user) : undefined;
    if (!user || user.password !== form.password)
      return { status: 401, body: { status: 'error', error: 'Unauthorized', message: 'Unauthorized' } };
    const userId = id();
    const authToken = randomBytes(24).toString('base64url');
    this.sessions.set(authToken, userId);
    return { status: 200, body: { status: 'success', data: { userId, authToken, me: { _id: userId, username: user.username } } } };
  }

  private postMessage(req: FakeHttpRequest): FakeAnswer {
    const token = String(req.headers['x-auth-token'] ?? '');
    if (!this.sessions.has(token) || this.sessions.get(token) !== req.headers['x-user-id'])
      return { status: 401, body: { status: 'error', message: 'You must be logged in to do this.' } };
    if (!String(req.headers['content-type']).startsWith('application/json'))
      return { status: 400, body: { success: false, error: 'Invalid body' } };
    const m = (jsonBody(req) ?? {}) as {
      channel?: unknown;
      roomId?: unknown;
      text?: unknown;
      alias?: unknown;
      emoji?: unknown;
      avatar?: unknown;
      attachments?: unknown;
    };
    let rid: string | undefined;
    if (typeof m.roomId === 'string' && m.roomId) rid = this.rooms.has(m.roomId) ? m.roomId : undefined;
    else if (typeof m.channel === 'string' && m.channel.startsWith('#'))
      rid = [...this.rooms].find(([, r]) => r.name === String(m.channel).slice(1))?.[0];
    else if (typeof m.channel === 'string' && m.channel.startsWith('@'))
      rid = this.directUsers.has(m.channel.slice(1)) ? `direct-${m.channel.slice(1)}` : undefined;
    else
      return {
        status: 400,
        body: {
          success: false,
          error: 'The parameter "roomId" or "channel" is required [error-roomid-param-not-provided]',
          errorType: 'error-roomid-param-not-provided',
        },
      };
    if (!rid)
      return {
        status: 400,
        body: { success: false, error: 'No channel found [error-invalid-channel]', errorType: 'error-invalid-channel' },
      };
    if (this.rooms.get(rid)?.member === false)
      return { status: 400, body: { success: false, error: 'error-not-allowed', errorType: 'error-not-allowed' } };
    if (m.attachments !== undefined && !Array.isArray(m.attachments))
      return { status: 400, body: { success: false, error: 'Match error: Expected array', errorType: 'Match.Error' } };
    const post: RocketPost = {
      rid,
      msg: typeof m.text === 'string' ? m.text : '',
      user: this.sessions.get(token)!,
      ...(typeof m.alias === 'string' && m.alias ? { alias: m.alias } : {}),
      ...(typeof m.emoji === 'string' && m.emoji ? { emoji: m.emoji } : {}),
      ...(typeof m.avatar === 'string' && m.avatar ? { avatar: m.avatar } : {}),
      ...(Array.isArray(m.attachments) ? { attachments: m.attachments } : {}),
    };
    this.posts.push(post);
    return { status: 200, body: { success: true, ts: Date.now(), channel: m.channel ?? rid, message: { _id: id(), ...post } } };
  }
}
