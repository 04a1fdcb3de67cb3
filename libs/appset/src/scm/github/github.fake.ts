// A fake GitHub (Enterprise-style, under /api/v3) for specs: the REST endpoints the GitHub clients
// call, with token or GitHub App installation auth (401 without), small pages with Link headers, 404s
// for what does not exist, and a rate-limit answer on demand.
import { verify } from 'node:crypto';
import { type FakeAnswer, type FakeHost, type FakeRequest, pageOf, segments, startFakeHost } from '../scm-host.fake';

export interface FakeGitHubPull {
  number: number;
  title: string;
  branch: string;
  targetBranch: string;
  headSha: string;
  labels: string[];
  author: string;
  state?: 'open' | 'closed';
}

export interface FakeGitHubRepo {
  owner: string;
  name: string;
  id: number;
  topics?: string[];
  defaultBranch: string;
  /** Branch name → head SHA. */
  branches: Record<string, string>;
  /** Branch name → paths (files and directories) that exist on it. */
  paths?: Record<string, string[]>;
  pulls?: FakeGitHubPull[];
}

export interface FakeGitHubOptions {
  /** The token callers must send; none means anonymous access is allowed. */
  token?: string;
  /** Items per page whatever `per_page` asks, so specs cross pages. */
  pageSize?: number;
  /** A GitHub App whose installation may get tokens, verified with the App's public key (PEM). */
  app?: { appId: string; installationId: number; publicKey: string };
}

const PREFIX = '/api/v3';

export interface FakeGitHub {
  /** What a generator's `api` should be (the client adds /api/v3 as for GitHub Enterprise). */
  readonly url: string;
  readonly requests: string[];
  readonly repos: FakeGitHubRepo[];
  /** Pull requests of `owner/name` (created with the repository). */
  pulls(owner: string, name: string): FakeGitHubPull[];
  /** The next request gets 403 with x-ratelimit-remaining 0 and a reset `seconds` from now, or 429 with Retry-After. */
  rateLimitOnce(kind: 'reset' | 'retry-after', seconds: number): void;
  stop(): Promise<void>;
}

export async function startFakeGitHub(repos: FakeGitHubRepo[], opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const pageSize = opts.pageSize ?? 2;
  const installationTokens = new Set<string>();
  const find = (owner: string, name: string) => repos.find((r) => r.owner === owner && r.name === name);

  const authorised = (req: FakeRequest): boolean => {
    const header = String(req.headers.authorization ?? '');
    const presented = header.replace(/^(token|bearer)\s+/i, '');
    if (installationTokens.has(presented)) return true;
    return opts.token === undefined && !opts.app ? true : presented !== '' && presented === opts.token;
  };

  const route = (req: FakeRequest, base: string): FakeAnswer | undefined => {
    const parts = segments(req, PREFIX);
    if (!parts) return undefined;
    if (req.method === 'POST' && parts[0] === 'app') return installationToken(req, parts, opts, installationTokens);
    if (!authorised(req)) return { status: 401, body: { message: 'Bad credentials' } };
    if (parts[0] === 'orgs' && parts[2] === 'repos' && parts.length === 3) {
      const owned = repos.filter((r) => r.owner === parts[1]);
      if (owned.length === 0) return { status: 404, body: { message: 'Not Found' } };
      return pageOf(
        owned.map((r) => repoJson(r)),
        req,
        base,
        pageSize,
      );
    }
    if (parts[0] !== 'repos') return undefined;
    const repo = find(parts[1], parts[2]);
    if (!repo) return { status: 404, body: { message: 'Not Found' } };
    const [, , , what, ...rest] = parts;
    return repositoryRoute(repo, what, rest.join('/'), req, base, pageSize);
  };

  const host: FakeHost = await startFakeHost(route);
  return {
    url: host.url,
    requests: host.requests,
    repos,
    pulls(owner, name) {
      const repo = find(owner, name);
      if (!repo) throw new Error(`no repository ${owner}/${name}`);
      return (repo.pulls ??= []);
    },
    rateLimitOnce(kind, seconds) {
      if (kind === 'retry-after')
        host.answerNextWith({ status: 429, body: { message: 'secondary rate limit' }, headers: { 'retry-after': String(seconds) } });
      else
        host.answerNextWith({
          status: 403,
          body: { message: 'API rate limit exceeded' },
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + seconds) },
        });
    },
    stop: () => host.stop(),
  };
}

/** `/repos/:owner/:repo/<what>/<rest>`: pulls, branches (one or all), contents. */
function repositoryRoute(
  repo: FakeGitHubRepo,
  what: string,
  rest: string,
  req: FakeRequest,
  base: string,
  pageSize: number,
): FakeAnswer | undefined {
  const notFound = (message = 'Not Found'): FakeAnswer => ({ status: 404, body: { message } });
  if (what === 'pulls' && rest === '') {
    const state = req.query.get('state') ?? 'open';
    const pulls = (repo.pulls ?? []).filter((p) => state === 'all' || (p.state ?? 'open') === state);
    return pageOf(
      pulls.map((p) => pullJson(p, base + PREFIX)),
      req,
      base,
      pageSize,
    );
  }
  if (what === 'branches' && rest === '') {
    return pageOf(
      Object.entries(repo.branches).map(([name, sha]) => branchJson(name, sha)),
      req,
      base,
      pageSize,
    );
  }
  if (what === 'branches')
    return repo.branches[rest] ? { status: 200, body: branchJson(rest, repo.branches[rest]) } : notFound('Branch not found');
  if (what === 'contents') {
    const ref = req.query.get('ref') ?? repo.defaultBranch;
    const exists = (repo.paths?.[ref] ?? []).some((p) => p === rest || p.startsWith(`${rest}/`));
    return exists ? { status: 200, body: { type: 'file', path: rest, name: rest.split('/').pop() } } : notFound();
  }
  return undefined;
}

/** POST /app/installations/:id/access_tokens with the App's JWT (RS256, iss = App id) yields an installation token. */
function installationToken(req: FakeRequest, parts: string[], opts: FakeGitHubOptions, issued: Set<string>): FakeAnswer {
  const app = opts.app;
  if (!app || parts[1] !== 'installations' || parts[3] !== 'access_tokens') return { status: 404, body: { message: 'Not Found' } };
  if (Number(parts[2]) !== app.installationId) return { status: 404, body: { message: 'Not Found' } };
  const jwt = String(req.headers.authorization ?? '').replace(/^bearer\s+/i, '');
  const [header, payload, signature] = jwt.split('.');
  const valid =
    !!signature &&
    verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), app.publicKey, Buffer.from(signature, 'base64url')) &&
    String((JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss?: unknown }).iss) === app.appId;
  if (!valid) return { status: 401, body: { message: 'A JSON web token could not be decoded' } };
  const token = `ghs_installation${issued.size + 1}`;
  issued.add(token);
  return {
    status: 201,
    body: { token, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {}, repository_selection: 'all' },
  };
}

function pullJson(p: FakeGitHubPull, apiUrl: string) {
  return {
    number: p.number,
    title: p.title,
    state: p.state ?? 'open',
    url: `${apiUrl}/pulls/${p.number}`,
    head: { ref: p.branch, sha: p.headSha },
    base: { ref: p.targetBranch },
    labels: p.labels.map((name) => ({ name })),
    user: { login: p.author },
  };
}

function repoJson(r: FakeGitHubRepo) {
  return {
    id: r.id,
    name: r.name,
    full_name: `${r.owner}/${r.name}`,
    owner: { login: r.owner },
    default_branch: r.defaultBranch,
    topics: r.topics ?? [],
    clone_url: `https://github.example/${r.owner}/${r.name}.git`,
    ssh_url: `git@github.example:${r.owner}/${r.name}.git`,
  };
}

const branchJson = (name: string, sha: string) => ({ name, commit: { sha } });
