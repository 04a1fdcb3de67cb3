import { createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { DEFAULT_TIMEOUT_MS, type HttpAnswer, httpRequest, retryableStatus, retryAfterMs } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type SendContext, type ServiceConfig } from './notification-service';

// Argo's github service: a GitHub App (appID, installationID, privateKey) sets a commit status,
// records a deployment, comments on the pull requests, creates a check run of the revision an
// Application synced, and sends a repository_dispatch event.
// There is no token option in Argo, so there is none here.

const numericId = (name: string) =>
  z.union([z.number().int().positive(), z.string().regex(/^\d+$/, `${name} must be a number`)], { message: `${name} must be a number` }).transform(String);

const options = z.object({
  appID: numericId('appID'),
  installationID: numericId('installationID'),
  privateKey: z.string().refine(readsAsPrivateKey, { message: 'privateKey is not a PEM private key (PKCS#1 or PKCS#8, as GitHub gives it)' }),
  enterpriseBaseURL: z.string().optional(),
  insecureSkipVerify: z.boolean().default(false),
});
export type GitHubOptions = z.output<typeof options>;

const text = z.string().optional();
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional();
const githubPart = z.object({
  repoURLPath: text,
  revisionPath: text,
  status: z.object({ state: text, label: text, targetURL: text }).optional(),
  deployment: z
    .object({
      state: text,
      environment: text,
      environmentURL: text,
      logURL: text,
      requiredContexts: z.array(z.string()).optional(),
      autoMerge: flag,
      transientEnvironment: flag,
      reference: text,
    })
    .optional(),
  pullRequestComment: z.object({ content: text, commentTag: text }).optional(),
  // Argo spells the check run's fields as GitHub's API does.
  checkRun: z
    .object({
      name: text,
      details_url: text,
      status: text,
      conclusion: text,
      started_at: text,
      completed_at: text,
      output: z.object({ title: text, summary: text, text }).optional(),
    })
    .optional(),
  repositoryDispatch: z.object({ event_type: text, client_payload: text }).optional(),
});
type GitHubPart = z.output<typeof githubPart>;

const PUBLIC_API = 'https://api.github.com';
/** GitHub keeps a status or deployment description to 140 characters, a comment to 65536. */
const DESCRIPTION_MAX = 140;
const COMMENT_MAX = 65536;
/** A fresh installation token is asked for when the cached one has less than this left. */
const TOKEN_MARGIN_MS = 60_000;
/** At most this many pages of a pull request's comments are searched for the tagged one. */
const COMMENT_PAGES = 10;
/** Argo CD marks the comment it keeps up to date this way; the same mark finds comments Argo made. */
const commentMark = (tag: string): string => `<!-- argocd-notifications ${tag} -->`;

export class GitHubSender implements NotificationSender<GitHubOptions> {
  readonly type = 'github';
  readonly options = options;

  constructor(
    private readonly now: () => number = Date.now,
    /** What all the calls of one delivery may take together, so it stays within its delivery claim. */
    private readonly budgetMs = DEFAULT_TIMEOUT_MS,
  ) {}

  secretsOf(o: GitHubOptions): string[] {
    return [o.privateKey];
  }

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<GitHubOptions>, context: SendContext): Promise<void> {
    const label = `github ${service.name}`;
    if (notification.parts.github === undefined) throw new DeliveryError(`${label}: the template has no github part (status, deployment, pullRequestComment, checkRun or repositoryDispatch)`, false);
    const parsed = githubPart.safeParse(notification.parts.github);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DeliveryError(`${label}: template field github.${issue.path.join('.')}: ${issue.message}`, false);
    }
    const part = parsed.data;
    const repoURL = given(part.repoURLPath) ?? stringAt(context.app, ['spec', 'source', 'repoURL']);
    if (!repoURL) throw new DeliveryError(`${label}: no repository: the Application has no spec.source.repoURL (for spec.sources set github.repoURLPath in the template)`, false);
    const fullName = repoFullName(repoURL);
    if (!fullName) throw new DeliveryError(`${label}: cannot tell owner and repository from repoURL ${repoURL}`, false);
    const revision = given(part.revisionPath) ?? stringAt(context.app, ['status', 'operationState', 'syncResult', 'revision']);
    if (!revision) throw new DeliveryError(`${label}: no revision: the Application has no status.operationState.syncResult.revision (set github.revisionPath in the template)`, false);

    const api = new GitHubApi(service.options, context, label, this.now, Date.now() + this.budgetMs);
    const repo = `/repos/${fullName}`;
    const description = truncate(notification.message, DESCRIPTION_MAX);
    if (part.status) await this.setStatus(api, repo, revision, description, part.status, context);
    if (part.deployment) await this.recordDeployment(api, repo, revision, description, part.deployment);
    if (part.pullRequestComment) await this.comment(api, repo, revision, part.pullRequestComment);
    if (part.checkRun) await this.createCheckRun(api, repo, revision, part.checkRun);
    if (part.repositoryDispatch) await this.dispatch(api, repo, part.repositoryDispatch);
  }

  private async createCheckRun(api: GitHubApi, repo: string, revision: string, c: NonNullable<GitHubPart['checkRun']>): Promise<void> {
    const refuse = (why: string) => new DeliveryError(`${api.label}: github.checkRun: ${why}`, false);
    const conclusion = c.conclusion || undefined;
    // A conclusion means the run is over, as Argo reads it; over without a conclusion is refused.
    const status = c.status || (conclusion ? 'completed' : undefined);
    if ((status === 'completed' || c.completed_at) && !conclusion) throw refuse('conclusion is required when status is completed or completed_at is set');
    const time = (field: 'started_at' | 'completed_at'): string | undefined => {
      const value = c[field];
      if (!value) return undefined;
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) throw refuse(`${field} "${value}" is not an RFC 3339 time`);
      return new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
    };
    const body: Record<string, unknown> = { name: c.name ?? '', head_sha: revision, external_id: 'argocd-notifications' };
    if (c.details_url) body.details_url = c.details_url;
    if (status) body.status = status;
    if (conclusion) body.conclusion = conclusion;
    const [startedAt, completedAt] = [time('started_at'), time('completed_at')];
    if (startedAt) body.started_at = startedAt;
    if (completedAt) body.completed_at = completedAt;
    if (c.output) body.output = { title: c.output.title ?? '', summary: c.output.summary ?? '', text: c.output.text ?? '' };
    await api.call('POST', `${repo}/check-runs`, body);
  }

  private async dispatch(api: GitHubApi, repo: string, d: NonNullable<GitHubPart['repositoryDispatch']>): Promise<void> {
    let payload: unknown;
    if (d.client_payload) {
      try {
        payload = JSON.parse(d.client_payload);
      } catch {
        throw new DeliveryError(`${api.label}: github.repositoryDispatch.client_payload is not JSON`, false);
      }
    }
    await api.call('POST', `${repo}/dispatches`, { event_type: d.event_type ?? '', ...(payload === undefined ? {} : { client_payload: payload }) });
  }

  private async setStatus(api: GitHubApi, repo: string, revision: string, description: string, status: NonNullable<GitHubPart['status']>, context: SendContext): Promise<void> {
    const path = `${repo}/statuses/${encodeURIComponent(revision)}`;
    const answer = await api.call('POST', path, { state: status.state ?? '', description, context: status.label ?? '', target_url: status.targetURL ?? '' }, [422]);
    if (answer.status !== 422) return;
    // GitHub keeps 1000 statuses per commit and context; Argo treats reaching that as done, not failed.
    if (/maximum number of statuses/i.test(answer.body)) {
      context.logger?.warn(`${api.label}: commit ${revision} has the most statuses GitHub keeps for context "${status.label ?? ''}"; this one was not added`);
      return;
    }
    throw api.error('POST', path, answer);
  }

  private async recordDeployment(api: GitHubApi, repo: string, revision: string, description: string, d: NonNullable<GitHubPart['deployment']>): Promise<void> {
    const ref = given(d.reference) ?? revision;
    const environment = d.environment ?? '';
    const query = new URLSearchParams({ ref, environment, per_page: '1' });
    const listed = api.json<{ id: number }[]>(await api.call('GET', `${repo}/deployments?${query.toString()}`));
    let id = listed[0]?.id;
    if (id === undefined) {
      const body: Record<string, unknown> = {
        ref,
        environment,
        auto_merge: d.autoMerge ?? true,
        transient_environment: d.transientEnvironment ?? false,
        description,
      };
      if (d.requiredContexts) body.required_contexts = d.requiredContexts;
      const created = await api.call('POST', `${repo}/deployments`, body);
      // 202 means GitHub merged the default branch into the ref instead of deploying; a later attempt deploys.
      if (created.status === 202) throw new DeliveryError(`${api.label}: GitHub merged the default branch into ${ref} instead of creating the deployment; trying again`, true, 202);
      id = api.json<{ id: number }>(created).id;
    }
    const status: Record<string, unknown> = { state: d.state ?? '', description, environment };
    if (d.logURL) status.log_url = d.logURL;
    if (d.environmentURL) status.environment_url = d.environmentURL;
    await api.call('POST', `${repo}/deployments/${id}/statuses`, status);
  }

  private async comment(api: GitHubApi, repo: string, revision: string, c: NonNullable<GitHubPart['pullRequestComment']>): Promise<void> {
    const tag = given(c.commentTag);
    const mark = tag ? commentMark(tag) : '';
    const content = c.content ?? '';
    const body = mark ? `${truncate(content, COMMENT_MAX - mark.length - 1)}\n${mark}` : truncate(content, COMMENT_MAX);
    const pulls = api.json<{ number: number }[]>(await api.call('GET', `${repo}/commits/${encodeURIComponent(revision)}/pulls?per_page=100`));
    for (const pull of pulls) {
      const existing = mark ? await this.findComment(api, `${repo}/issues/${pull.number}/comments`, mark) : undefined;
      if (existing !== undefined) await api.call('PATCH', `${repo}/issues/comments/${existing}`, { body });
      else await api.call('POST', `${repo}/issues/${pull.number}/comments`, { body });
    }
  }

  private async findComment(api: GitHubApi, path: string, mark: string): Promise<number | undefined> {
    for (let page = 1; page <= COMMENT_PAGES; page++) {
      const answer = await api.call('GET', `${path}?per_page=100&page=${page}`);
      const comments = api.json<{ id: number; body?: string }[]>(answer);
      const found = comments.find((comment) => comment.body?.includes(mark));
      if (found) return found.id;
      if (!/rel="next"/.test(String(answer.headers.link ?? ''))) return undefined;
    }
    return undefined;
  }
}

/** Calls to one GitHub (public or Enterprise) as one App installation, its token cached in the sender store. */
class GitHubApi {
  private readonly base: string;

  constructor(
    private readonly o: GitHubOptions,
    private readonly context: SendContext,
    readonly label: string,
    private readonly now: () => number,
    private readonly deadline: number,
  ) {
    this.base = apiBase(o.enterpriseBaseURL);
  }

  /** One API call; answers other than 2xx (and `accepted`) become DeliveryErrors. A revoked cached token is replaced once. */
  async call(method: string, path: string, body?: unknown, accepted: readonly number[] = []): Promise<HttpAnswer> {
    let fresh = false;
    let token = await this.cachedToken();
    if (!token) [token, fresh] = [await this.newToken(), true];
    let answer = await this.request(method, path, token, body);
    if (answer.status === 401 && !fresh) answer = await this.request(method, path, await this.newToken(), body);
    if ((answer.status >= 200 && answer.status <= 299) || accepted.includes(answer.status)) return answer;
    throw this.error(method, path, answer);
  }

  /** A 2xx answer's JSON; anything else is a retryable error (a proxy's page, a cut answer). */
  json<T>(answer: HttpAnswer): T {
    try {
      return JSON.parse(answer.body) as T;
    } catch {
      throw new DeliveryError(`${this.label}: GitHub answered HTTP ${answer.status} with a body that is not JSON`, true, answer.status);
    }
  }

  error(method: string, path: string, answer: HttpAnswer): DeliveryError {
    return githubError(`${this.label}: ${method} ${path.replace(/\?.*$/, '')}`, answer, this.now);
  }

  /** What is left of the delivery's time; none left is a retryable error, the rest of the work left to a retry. */
  private timeLeft(): number {
    const left = this.deadline - Date.now();
    if (left <= 0) throw new DeliveryError(`${this.label}: the calls to GitHub took longer than this delivery may; the rest is left to a retry`, true);
    return left;
  }

  private request(method: string, path: string, token: string, body?: unknown): Promise<HttpAnswer> {
    return httpRequest({
      timeoutMs: this.timeLeft(),
      url: `${this.base}${path}`,
      method,
      headers: { ...HEADERS, Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      insecureSkipVerify: this.o.insecureSkipVerify,
      label: this.label,
    });
  }

  private get tokenKey(): string {
    return `installation-token:${this.o.appID}:${this.o.installationID}`;
  }

  private async cachedToken(): Promise<string | undefined> {
    const raw = await this.context.store.get(this.tokenKey);
    if (!raw) return undefined;
    const cached = JSON.parse(raw) as { token: string; expiresAt: number };
    return cached.expiresAt - TOKEN_MARGIN_MS > this.now() ? cached.token : undefined;
  }

  /** Signs a 10-minute App JWT and trades it for an installation token, which is cached until shortly before it expires. */
  private async newToken(): Promise<string> {
    const issuedAt = Math.floor(this.now() / 1000) - 30;
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(this.o.appID)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 600)
      .sign(privateKey(this.o.privateKey));
    const path = `/app/installations/${this.o.installationID}/access_tokens`;
    const answer = await httpRequest({ url: `${this.base}${path}`, method: 'POST', headers: { ...HEADERS, Authorization: `Bearer ${jwt}` }, insecureSkipVerify: this.o.insecureSkipVerify, label: this.label, timeoutMs: this.timeLeft() });
    if (answer.status !== 201 && answer.status !== 200) throw githubError(`${this.label}: getting an installation token for app ${this.o.appID} (POST ${path})`, answer, this.now);
    const { token, expires_at } = this.json<{ token?: string; expires_at?: string }>(answer);
    if (!token) throw new DeliveryError(`${this.label}: GitHub answered the installation token request without a token`, true);
    const expiresAt = Date.parse(expires_at ?? '') || this.now() + 3_600_000;
    const ttl = expiresAt - TOKEN_MARGIN_MS - this.now();
    if (ttl > 0) await this.context.store.set(this.tokenKey, JSON.stringify({ token, expiresAt }), ttl);
    return token;
  }
}

const HEADERS = { Accept: 'application/vnd.github+json', 'User-Agent': 'flotilla-notifier', 'X-GitHub-Api-Version': '2022-11-28' };

/**
 * A GitHub error answer as a DeliveryError. Rate limits come as 429 with Retry-After, or as 403 with
 * Retry-After (secondary limits) or x-ratelimit-remaining: 0 and the reset time: all retryable, after that wait.
 */
export function githubError(what: string, answer: HttpAnswer, now: () => number = Date.now): DeliveryError {
  let message = answer.body.trim();
  try {
    message = (JSON.parse(answer.body) as { message?: string }).message ?? message;
  } catch {
    // not JSON: quote the body as it came
  }
  message = message.replace(/\s+/g, ' ').slice(0, 300);
  const detail = message ? `: ${message}` : '';
  const retryAfter = retryAfterMs(answer.headers['retry-after'], now);
  const remaining = answer.headers['x-ratelimit-remaining'];
  if ((answer.status === 403 || answer.status === 429) && (retryAfter !== undefined || remaining === '0')) {
    const reset = Number(answer.headers['x-ratelimit-reset']);
    const wait = retryAfter ?? (Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now()) : undefined);
    return new DeliveryError(`${what} was rate limited (HTTP ${answer.status})${detail}`, true, answer.status, wait);
  }
  return new DeliveryError(`${what} answered HTTP ${answer.status}${detail}`, retryableStatus(answer.status), answer.status);
}

/** GitHub Enterprise serves its API under /api/v3, as go-github adds it when the URL lacks it. */
function apiBase(enterpriseBaseURL: string | undefined): string {
  if (!enterpriseBaseURL) return PUBLIC_API;
  const trimmed = enterpriseBaseURL.replace(/\/+$/, '');
  return /\/api\/v3$/.test(trimmed) ? trimmed : `${trimmed}/api/v3`;
}

/** owner/name from any form of git URL (https, ssh://, scp-like git@host:owner/name.git), as Argo reads it. */
export function repoFullName(repoURL: string): string | undefined {
  let path: string;
  const scp = /^[^/@:]+@[^/:]+:(?!\/\/)(.*)$/.exec(repoURL);
  if (scp) path = scp[1];
  else {
    try {
      path = new URL(repoURL).pathname;
    } catch {
      path = repoURL;
    }
  }
  const segments = path.replace(/\.git\/?$/, '').split('/').filter(Boolean);
  return segments.length >= 2 ? `${segments[0]}/${segments[1]}` : undefined;
}

/** At most `max` characters (code points), the last three then being "...". */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 3).join('')}...` : text;
}

/** A rendered template value, unless empty or Go's "<no value>" for a missing key. */
function given(value: string | undefined): string | undefined {
  return value && value !== '<no value>' ? value : undefined;
}

function stringAt(obj: unknown, path: readonly string[]): string | undefined {
  let at = obj;
  for (const key of path) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return typeof at === 'string' && at ? at : undefined;
}

function readsAsPrivateKey(pem: string): boolean {
  try {
    return privateKey(pem).type === 'private';
  } catch {
    return false;
  }
}

function privateKey(pem: string): KeyObject {
  return createPrivateKey({ key: pem, format: 'pem' });
}
