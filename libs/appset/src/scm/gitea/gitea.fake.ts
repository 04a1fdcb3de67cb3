// A fake Gitea for specs: the /api/v1 endpoints the Gitea generators call, over real HTTP, with `token` auth,
// pages of at most `pageSize` items linked by Link headers (as Gitea caps `limit`), and 404s for unknown names.
import { intParam, startFakeHost, type FakeAnswer, type FakeHost, type FakeRequest } from '../scm-http.fake';

export interface GiteaFakePull {
  number: number;
  title: string;
  head: string;
  headSha: string;
  base: string;
  author: string;
  labels?: string[];
  state?: 'open' | 'closed';
}

export interface GiteaFakeRepo {
  id: number;
  name: string;
  defaultBranch: string;
  archived?: boolean;
  labels?: string[];
  /** Branch name → head commit SHA. */
  branches: Record<string, string>;
  /** File paths present on every branch (their parent directories exist too). */
  files?: string[];
  pulls?: GiteaFakePull[];
}

export interface GiteaFakeData {
  token: string;
  /** Organisation → its repositories. */
  orgs: Record<string, GiteaFakeRepo[]>;
  pageSize?: number;
}

export function startGiteaFake(data: GiteaFakeData): Promise<FakeHost> {
  const size = data.pageSize ?? 2;
  const paged = (req: FakeRequest, items: unknown[]): FakeAnswer => {
    const page = Math.max(1, intParam(req.query, 'page', 1));
    const limit = Math.min(size, Math.max(1, intParam(req.query, 'limit', size)));
    const headers: Record<string, string> = { 'x-total-count': String(items.length) };
    if (page * limit < items.length) {
      const next = new URL(req.path, req.origin);
      req.query.forEach((v, k) => next.searchParams.set(k, v));
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    return { status: 200, body: items.slice((page - 1) * limit, page * limit), headers };
  };
  const find = (owner: string, name: string) => data.orgs[owner]?.find((r) => r.name === name);
  const route = (req: FakeRequest): FakeAnswer | undefined => {
    let m = /^\/api\/v1\/orgs\/([^/]+)\/repos$/.exec(req.path);
    if (m) {
      const repos = data.orgs[m[1]];
      if (!repos) return undefined;
      return paged(
        req,
        repos.map((r) => ({
          id: r.id,
          name: r.name,
          full_name: `${m![1]}/${r.name}`,
          owner: { login: m![1] },
          ssh_url: `git@gitea.test:${m![1]}/${r.name}.git`,
          html_url: `${req.origin}/${m![1]}/${r.name}`,
          clone_url: `${req.origin}/${m![1]}/${r.name}.git`,
          default_branch: r.defaultBranch,
          archived: r.archived === true,
        })),
      );
    }
    m = /^\/api\/v1\/repos\/([^/]+)\/([^/]+)\/(pulls|labels|branches|contents)(?:\/(.*))?$/.exec(req.path);
    const repo = m && find(m[1], m[2]);
    if (!m || !repo) return undefined;
    const [, , , what, rest] = m;
    if (what === 'pulls' && rest === undefined) {
      const state = req.query.get('state') ?? 'open';
      const pulls = (repo.pulls ?? []).filter((p) => state === 'all' || (p.state ?? 'open') === state);
      return paged(
        req,
        pulls.map((p) => ({
          number: p.number,
          title: p.title,
          state: p.state ?? 'open',
          head: { ref: p.head, sha: p.headSha },
          base: { ref: p.base },
          labels: (p.labels ?? []).map((name, i) => ({ id: i + 1, name })),
          user: { login: p.author },
        })),
      );
    }
    if (what === 'labels' && rest === undefined)
      return paged(
        req,
        (repo.labels ?? []).map((name, i) => ({ id: i + 1, name })),
      );
    const branch = (name: string) => ({ name, commit: { id: repo.branches[name] } });
    if (what === 'branches' && rest === undefined) return paged(req, Object.keys(repo.branches).map(branch));
    if (what === 'branches' && rest !== undefined) return repo.branches[rest] ? { status: 200, body: branch(rest) } : undefined;
    if (what === 'contents' && rest !== undefined) {
      const ref = req.query.get('ref') ?? repo.defaultBranch;
      if (!repo.branches[ref]) return undefined;
      const files = repo.files ?? [];
      if (files.includes(rest)) return { status: 200, body: { type: 'file', path: rest } };
      const inside = files.filter((f) => f.startsWith(`${rest}/`));
      return inside.length > 0 ? { status: 200, body: inside.map((f) => ({ type: 'file', path: f })) } : undefined;
    }
    return undefined;
  };
  return startFakeHost({ authorization: `token ${data.token}`, route });
}
