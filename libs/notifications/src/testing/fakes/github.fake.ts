import { randomBytes, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';

// A GitHub Enterprise API (under /api/v3) that answers as GitHub does for what the github sender
// uses: App installation tokens, commit statuses, deployments and their statuses, the pull
// requests of a commit and their comments, check runs and repository_dispatch events. It rejects
// what GitHub rejects: no User-Agent, a bad or expired credential, an unknown repository, commit,
// deployment or installation, a malformed body or a value outside the documented ones.

export interface FakeGitHubApp {
  readonly appID: string;
  readonly installationID: string;
  readonly publicKey: KeyObject;
}

export interface FakeRepo {
  /** The commit SHAs (and branch or tag names) the repository has. */
  readonly refs: string[];
  /** Pull requests and the commits they contain. */
  readonly pulls: { number: number; commits: string[] }[];
}

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: unknown;
}

const STATUS_STATES = ['error', 'failure', 'pending', 'success'];
const DEPLOYMENT_STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];
const CHECK_STATUSES = ['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending'];
const CHECK_CONCLUSIONS = ['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'stale', 'timed_out'];

export class FakeGitHub {
  readonly requests: FakeRequest[] = [];
  readonly statuses: { repo: string; sha: string; state: string; context: string; description: string; target_url: string }[] = [];
  readonly deployments: { id: number; repo: string; ref: string; environment: string; body: Record<string, unknown>; statuses: Record<string, unknown>[] }[] = [];
  readonly comments: { id: number; repo: string; issue: number; body: string }[] = [];
  readonly checkRuns: { repo: string; body: Record<string, unknown> }[] = [];
  readonly dispatches: { repo: string; body: Record<string, unknown> }[] = [];
  /** Installation tokens handed out, with when they expire. */
  readonly tokens = new Map<string, number>();
  /** How many statuses GitHub keeps per commit and context (1000 on github.com). */
  statusLimit = 1000;
  /** How long every answer takes, for a slow GitHub. */
  delayMs = 0;
  /** How long an installation token lives (an hour on github.com). */
  tokenLifetimeMs = 3_600_000;
  /** Answers queued ahead of everything else, e.g. rate limits: each is used once. */
  readonly interruptions: { status: number; headers: Record<string, string>; body: string }[] = [];
  private nextId = 1000;
  private server?: http.Server;
  url = '';

  constructor(
    private readonly app: FakeGitHubApp,
    private readonly repos: Record<string, FakeRepo>,
  ) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        void new Promise((resolve) => setTimeout(resolve, this.delayMs))
          .then(() => this.handle(req, raw))
          .catch((err: Error) => ({ status: 500, body: { message: err.message } }))
          .then(({ status, body, headers }: Answer) => {
            res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));
          });
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Revokes every installation token handed out so far. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  private async handle(req: http.IncomingMessage, raw: string): Promise<Answer> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        this.requests.push({ method, path: url.pathname, authorization: req.headers.authorization, body: raw });
        return { status: 400, body: { message: 'Problems parsing JSON' } };
      }
    }
    this.requests.push({ method, path: url.pathname + url.search, authorization: req.headers.authorization, body });
    if (!req.headers['user-agent']) return { status: 403, body: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.' };
    const interruption = this.interruptions.shift();
    if (interruption) return interruption;
    if (!url.pathname.startsWith('/api/v3/')) return notFound();
    const path = url.pathname.slice('/api/v3'.length);

    const tokenRequest = /^\/app\/installations\/([^/]+)\/access_tokens$/.exec(path);
    if (tokenRequest && method === 'POST') return this.installationToken(req.headers.authorization, tokenRequest[1]);

    const auth = /^(?:Bearer|token) (.+)$/.exec(req.headers.authorization ?? '');
    const expires = auth ? this.tokens.get(auth[1]) : undefined;
    if (expires === undefined || expires < Date.now()) return { status: 401, body: { message: 'Bad credentials' } };

    const repoPath = /^\/repos\/([^/]+\/[^/]+)(\/.*)$/.exec(path);
    if (!repoPath) return notFound();
    const [, repoName, rest] = repoPath;
    const repo = this.repos[repoName];
    if (!repo) return notFound();
    const fields = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;

    if ((m = /^\/statuses\/([^/]+)$/.exec(rest)) && method === 'POST') {
      if (!STATUS_STATES.includes(str(fields.state))) return invalid('state', `${str(fields.state)} is not a member of ${STATUS_STATES.join(', ')}`);
      if (!repo.refs.includes(m[1])) return { status: 422, body: { message: `No commit found for SHA: ${m[1]}` } };
      const context = typeof fields.context === 'string' && fields.context ? fields.context : 'default';
      if (this.statuses.filter((s) => s.repo === repoName && s.sha === m![1] && s.context === context).length >= this.statusLimit) {
        return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Status', code: 'custom', message: 'This SHA and context has reached the maximum number of statuses.' }] } };
      }
      const status = { repo: repoName, sha: m[1], state: str(fields.state), context, description: str(fields.description), target_url: str(fields.target_url) };
      this.statuses.push(status);
      return { status: 201, body: { id: this.nextId++, ...status } };
    }

    if (rest === '/check-runs' && method === 'POST') {
      if (typeof fields.name !== 'string' || !fields.name) return invalid('name', 'name is missing');
      if (!repo.refs.includes(str(fields.head_sha))) return { status: 422, body: { message: `No commit found for SHA: ${str(fields.head_sha)}` } };
      if (fields.status !== undefined && !CHECK_STATUSES.includes(str(fields.status))) return invalid('status', `${str(fields.status)} is not a member of ${CHECK_STATUSES.join(', ')}`);
      if (fields.conclusion !== undefined && !CHECK_CONCLUSIONS.includes(str(fields.conclusion))) return invalid('conclusion', `${str(fields.conclusion)} is not a member of ${CHECK_CONCLUSIONS.join(', ')}`);
      if ((fields.status === 'completed' || fields.completed_at !== undefined) && fields.conclusion === undefined) return invalid('conclusion', 'conclusion is required when completed');
      this.checkRuns.push({ repo: repoName, body: fields });
      return { status: 201, body: { id: this.nextId++, name: fields.name, head_sha: fields.head_sha } };
    }

    if (rest === '/dispatches' && method === 'POST') {
      if (typeof fields.event_type !== 'string' || !fields.event_type) return invalid('event_type', 'event_type is missing');
      if (fields.client_payload !== undefined && (typeof fields.client_payload !== 'object' || fields.client_payload === null || Array.isArray(fields.client_payload))) return invalid('client_payload', 'client_payload is not an object');
      this.dispatches.push({ repo: repoName, body: fields });
      return { status: 204 };
    }

    if (rest === '/deployments' && method === 'GET') {
      const ref = url.searchParams.get('ref');
      const environment = url.searchParams.get('environment');
      const found = this.deployments
        .filter((d) => d.repo === repoName && (!ref || d.ref === ref) && (!environment || d.environment === environment))
        .sort((a, b) => b.id - a.id)
        .slice(0, Number(url.searchParams.get('per_page') ?? 30));
      return { status: 200, body: found.map((d) => ({ id: d.id, ref: d.ref, environment: d.environment })) };
    }

    if (rest === '/deployments' && method === 'POST') {
      if (typeof fields.ref !== 'string' || !fields.ref) return invalid('ref', 'ref is missing');
      if (!repo.refs.includes(fields.ref)) return { status: 422, body: { message: `No ref found for: ${fields.ref}` } };
      if (fields.required_contexts !== undefined && !Array.isArray(fields.required_contexts)) return invalid('required_contexts', 'required_contexts is not an array');
      const deployment = { id: this.nextId++, repo: repoName, ref: fields.ref, environment: typeof fields.environment === 'string' && fields.environment ? fields.environment : 'production', body: fields, statuses: [] };
      this.deployments.push(deployment);
      return { status: 201, body: { id: deployment.id, ref: deployment.ref, environment: deployment.environment } };
    }

    if ((m = /^\/deployments\/(\d+)\/statuses$/.exec(rest)) && method === 'POST') {
      const deployment = this.deployments.find((d) => d.repo === repoName && d.id === Number(m![1]));
      if (!deployment) return notFound();
      if (!DEPLOYMENT_STATES.includes(str(fields.state))) return invalid('state', `${str(fields.state)} is not a member of ${DEPLOYMENT_STATES.join(', ')}`);
      deployment.statuses.push(fields);
      return { status: 201, body: { id: this.nextId++, state: fields.state } };
    }

    if ((m = /^\/commits\/([^/]+)\/pulls$/.exec(rest)) && method === 'GET') {
      if (!repo.refs.includes(m[1])) return { status: 422, body: { message: `No commit found for SHA: ${m[1]}` } };
      return { status: 200, body: repo.pulls.filter((p) => p.commits.includes(m![1])).map((p) => ({ number: p.number, state: 'open' })) };
    }

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      if (!repo.pulls.some((p) => p.number === issue)) return notFound();
      if (method === 'GET') {
        const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
        const page = Number(url.searchParams.get('page') ?? 1);
        const all = this.comments.filter((c) => c.repo === repoName && c.issue === issue);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = page * perPage < all.length ? { Link: `<${this.url}/api/v3${rest}?per_page=${perPage}&page=${page + 1}>; rel="next"` } : {};
        return { status: 200, headers, body: slice.map(({ id, body }) => ({ id, body })) };
      }
      if (method === 'POST') {
        if (typeof fields.body !== 'string' || !fields.body) return invalid('body', 'body is missing');
        const comment = { id: this.nextId++, repo: repoName, issue, body: fields.body };
        this.comments.push(comment);
        return { status: 201, body: { id: comment.id, body: comment.body } };
      }
    }

    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const comment = this.comments.find((c) => c.repo === repoName && c.id === Number(m![1]));
      if (!comment) return notFound();
      if (typeof fields.body !== 'string' || !fields.body) return invalid('body', 'body is missing');
      comment.body = fields.body;
      return { status: 200, body: { id: comment.id, body: comment.body } };
    }
    return notFound();
  }

  private async installationToken(authorization: string | undefined, installationID: string): Promise<Answer> {
    const jwt = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!jwt) return { status: 401, body: { message: 'A JSON web token could not be decoded' } };
    try {
      const { payload } = await jwtVerify(jwt, this.app.publicKey, { algorithms: ['RS256'], issuer: this.app.appID });
      if (payload.exp === undefined || payload.iat === undefined || payload.exp - payload.iat > 600) return { status: 401, body: { message: "'Expiration time' claim ('exp') is too far in the future" } };
    } catch (err) {
      return { status: 401, body: { message: `A JSON web token could not be verified: ${(err as Error).message}` } };
    }
    if (installationID !== this.app.installationID) return notFound();
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    const expiresAt = Date.now() + this.tokenLifetimeMs;
    this.tokens.set(token, expiresAt);
    return { status: 201, body: { token, expires_at: new Date(expiresAt).toISOString() } };
  }
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const notFound = (): Answer => ({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } });
const invalid = (field: string, message: string): Answer => ({ status: 422, body: { message: 'Validation Failed', errors: [{ field, code: 'invalid', message }] } });

/** A JSON value as text, for checks and messages. */
const str = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
