// A fake GitLab (REST v4) for specs: the endpoints the GitLab clients call, with PRIVATE-TOKEN auth
// (401 without), small pages with Link headers, 404s for what does not exist, and a rate-limit answer
// on demand.
import { type FakeAnswer, type FakeRequest, pageOf, segments, startFakeHost } from '../scm-host.fake';

export interface FakeMergeRequest {
  iid: number;
  title: string;
  sourceBranch: string;
  targetBranch: string;
  sha: string;
  labels: string[];
  author: string;
  state?: 'opened' | 'closed' | 'merged';
}

export interface FakeGitLabProject {
  id: number;
  /** The namespace's full path, e.g. `platform/team-a`. */
  namespace: string;
  path: string;
  topics?: string[];
  defaultBranch: string;
  branches: Record<string, string>;
  /** Branch name → paths of files that exist on it (directories are their prefixes). */
  files?: Record<string, string[]>;
  mergeRequests?: FakeMergeRequest[];
  /** Groups (full paths) the project is shared with. */
  sharedWith?: string[];
}

export interface FakeGitLab {
  readonly url: string;
  readonly requests: string[];
  /** The next request gets 429 with Retry-After: 1. */
  rateLimitOnce(): void;
  stop(): Promise<void>;
}

const PREFIX = '/api/v4';

export async function startFakeGitLab(
  projects: FakeGitLabProject[],
  opts: { token?: string; pageSize?: number; tls?: { key: string; cert: string } } = {},
): Promise<FakeGitLab> {
  const pageSize = opts.pageSize ?? 2;
  const fullPath = (p: FakeGitLabProject): string => `${p.namespace}/${p.path}`;
  const project = (id: string) => projects.find((p) => String(p.id) === id || fullPath(p) === id);
  const route = (req: FakeRequest, base: string): FakeAnswer | undefined => {
    const parts = segments(req, PREFIX);
    if (!parts) return undefined;
    if (opts.token !== undefined && req.headers['private-token'] !== opts.token)
      return { status: 401, body: { message: '401 Unauthorized' } };
    if (parts[0] === 'groups' && parts[2] === 'projects') return groupProjects(parts[1], req, base);
    if (parts[0] !== 'projects') return undefined;
    const p = project(parts[1]);
    if (!p) return notFound('Project');
    const rest = parts.slice(2);
    if (rest[0] === 'merge_requests' && rest.length === 1) {
      const state = req.query.get('state');
      const labels = (req.query.get('labels') ?? '').split(',').filter(Boolean);
      const mrs = (p.mergeRequests ?? []).filter(
        (mr) => (!state || state === 'all' || (mr.state ?? 'opened') === state) && labels.every((l) => mr.labels.includes(l)),
      );
      return pageOf(mrs.map(mergeRequestJson), req, base, pageSize);
    }
    return rest[0] === 'repository' ? repositoryRoute(p, rest.slice(1), req, base, pageSize) : undefined;
  };

  const groupProjects = (group: string, req: FakeRequest, base: string): FakeAnswer => {
    const known = projects.some((p) => p.namespace === group || p.namespace.startsWith(`${group}/`) || p.sharedWith?.includes(group));
    if (!known) return notFound('Group');
    const subgroups = req.query.get('include_subgroups') === 'true';
    const shared = req.query.get('with_shared') !== 'false';
    const topic = req.query.get('topic');
    const listed = projects.filter(
      (p) =>
        (p.namespace === group || (subgroups && p.namespace.startsWith(`${group}/`)) || (shared && p.sharedWith?.includes(group))) &&
        (!topic || (p.topics ?? []).includes(topic)),
    );
    return pageOf(
      listed.map((p) => projectJson(p)),
      req,
      base,
      pageSize,
    );
  };

  const host = await startFakeHost(route, opts.tls);
  return {
    url: host.url,
    requests: host.requests,
    rateLimitOnce: () => host.answerNextWith({ status: 429, body: { message: 'Retry later' }, headers: { 'retry-after': '1' } }),
    stop: () => host.stop(),
  };
}

const notFound = (what: string): FakeAnswer => ({ status: 404, body: { message: `404 ${what} Not Found` } });

/** `/projects/:id/repository/<rest>`: branches (one or all), tree, files. */
function repositoryRoute(p: FakeGitLabProject, rest: string[], req: FakeRequest, base: string, pageSize: number): FakeAnswer | undefined {
  if (rest[0] === 'branches' && rest.length === 1) {
    return pageOf(
      Object.entries(p.branches).map(([name, sha]) => branchJson(name, sha)),
      req,
      base,
      pageSize,
    );
  }
  if (rest[0] === 'branches') {
    const name = rest.slice(1).join('/');
    return p.branches[name] ? { status: 200, body: branchJson(name, p.branches[name]) } : notFound('Branch');
  }
  const ref = req.query.get('ref') ?? p.defaultBranch;
  const files = p.files?.[ref] ?? [];
  if (rest[0] === 'tree') {
    const dir = req.query.get('path') ?? '';
    const entries = files.filter((f) => f.startsWith(`${dir}/`)).map((f) => ({ path: f, name: f.split('/').pop(), type: 'blob' }));
    if (entries.length === 0 && !files.includes(dir)) return notFound('Tree');
    return pageOf(entries, req, base, pageSize);
  }
  if (rest[0] === 'files') {
    const path = rest.slice(1).join('/');
    return files.includes(path) ? { status: 200, body: { file_path: path, ref, content: '' } } : notFound('File');
  }
  return undefined;
}

function mergeRequestJson(mr: FakeMergeRequest) {
  return {
    iid: mr.iid,
    title: mr.title,
    source_branch: mr.sourceBranch,
    target_branch: mr.targetBranch,
    sha: mr.sha,
    labels: mr.labels,
    author: { username: mr.author },
    state: mr.state ?? 'opened',
  };
}

function projectJson(p: FakeGitLabProject) {
  return {
    id: p.id,
    path: p.path,
    path_with_namespace: `${p.namespace}/${p.path}`,
    namespace: { full_path: p.namespace },
    default_branch: p.defaultBranch,
    topics: p.topics ?? [],
    ssh_url_to_repo: `git@gitlab.example:${p.namespace}/${p.path}.git`,
    http_url_to_repo: `https://gitlab.example/${p.namespace}/${p.path}.git`,
  };
}

const branchJson = (name: string, sha: string) => ({ name, commit: { id: sha } });
