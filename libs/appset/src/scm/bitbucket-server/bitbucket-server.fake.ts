// A fake Bitbucket Server for specs: the /rest/api/1.0 endpoints the Bitbucket Server generators call, over
// real HTTP, with basic or bearer auth, start/limit pages (isLastPage, nextPageStart) of at most `pageSize`,
// 404 for unknown projects and repositories, and an empty answer for an empty repository's default branch.
import { intParam, startFakeHost, type FakeAnswer, type FakeHost, type FakeRequest } from '../scm-http.fake';

export interface BitbucketServerFakePull {
  id: number;
  title: string;
  from: string;
  fromSha: string;
  to: string;
  author: string;
  state?: 'OPEN' | 'MERGED' | 'DECLINED';
}

export interface BitbucketServerFakeRepo {
  id: number;
  name: string;
  slug: string;
  /** Absent for an empty repository. */
  defaultBranch?: string;
  /** Branch name → head commit SHA. */
  branches: Record<string, string>;
  files?: string[];
  pulls?: BitbucketServerFakePull[];
}

export interface BitbucketServerFakeData {
  /** The Authorization headers accepted (basic and/or bearer). */
  authorization: string[];
  /** Project key → its repositories. */
  projects: Record<string, BitbucketServerFakeRepo[]>;
  pageSize?: number;
  /** Serve HTTPS with this key pair (to test `caRef` and `insecure`). */
  tls?: { key: string; cert: string };
}

export function startBitbucketServerFake(data: BitbucketServerFakeData): Promise<FakeHost> {
  const size = data.pageSize ?? 2;
  const paged = (req: FakeRequest, items: unknown[]): FakeAnswer => {
    const start = Math.max(0, intParam(req.query, 'start', 0));
    const limit = Math.min(size, Math.max(1, intParam(req.query, 'limit', 25)));
    const values = items.slice(start, start + limit);
    const isLastPage = start + limit >= items.length;
    return {
      status: 200,
      body: { size: values.length, limit, start, isLastPage, values, ...(isLastPage ? {} : { nextPageStart: start + limit }) },
    };
  };
  const route = (req: FakeRequest): FakeAnswer | undefined => {
    const m =
      /^\/rest\/api\/1\.0\/projects\/([^/]+)\/repos(?:\/([^/]+)(?:\/(pull-requests|branches\/default|branches|browse)(?:\/(.*))?)?)?$/.exec(
        req.path,
      );
    const repos = m && data.projects[m[1]];
    if (!m || !repos) return undefined;
    const [, key, slug, what, rest] = m;
    if (slug === undefined) {
      return paged(
        req,
        repos.map((r) => ({
          id: r.id,
          name: r.name,
          slug: r.slug,
          project: { key },
          links: {
            clone: [
              { name: 'http', href: `${req.origin}/scm/${key.toLowerCase()}/${r.slug}.git` },
              { name: 'ssh', href: `ssh://git@bitbucket.test:7999/${key.toLowerCase()}/${r.slug}.git` },
            ],
          },
        })),
      );
    }
    const repo = repos.find((r) => r.slug === slug);
    if (!repo || what === undefined) return undefined;
    const branch = (name: string) => ({
      id: `refs/heads/${name}`,
      displayId: name,
      type: 'BRANCH',
      latestCommit: repo.branches[name],
      isDefault: name === repo.defaultBranch,
    });
    if (what === 'pull-requests') {
      const state = req.query.get('state') ?? 'OPEN';
      const pulls = (repo.pulls ?? []).filter((p) => state === 'ALL' || (p.state ?? 'OPEN') === state);
      return paged(
        req,
        pulls.map((p) => ({
          id: p.id,
          title: p.title,
          state: p.state ?? 'OPEN',
          fromRef: { id: `refs/heads/${p.from}`, displayId: p.from, latestCommit: p.fromSha },
          toRef: { id: `refs/heads/${p.to}`, displayId: p.to },
          author: { user: { name: p.author, slug: p.author } },
        })),
      );
    }
    // An empty repository has no default branch: Bitbucket answers without a body.
    if (what === 'branches/default') return repo.defaultBranch ? { status: 200, body: branch(repo.defaultBranch) } : { status: 204 };
    if (what === 'branches') return paged(req, Object.keys(repo.branches).map(branch));
    if (what === 'browse' && rest !== undefined) {
      const at = (req.query.get('at') ?? repo.defaultBranch ?? '').replace(/^refs\/heads\//, '');
      if (!repo.branches[at]) return undefined;
      const files = repo.files ?? [];
      if (files.includes(rest)) return { status: 200, body: { lines: [{ text: '…' }], size: 1, isLastPage: true } };
      const inside = files.filter((f) => f.startsWith(`${rest}/`));
      return inside.length > 0
        ? { status: 200, body: { children: { values: inside.map((f) => ({ path: { toString: f } })) } } }
        : undefined;
    }
    return undefined;
  };
  return startFakeHost({ authorization: data.authorization, route, ...(data.tls ? { tls: data.tls } : {}) });
}
