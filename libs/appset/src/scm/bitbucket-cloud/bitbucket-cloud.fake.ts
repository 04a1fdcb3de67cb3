// A fake Bitbucket Cloud for specs: the /2.0 endpoints the Bitbucket Cloud generators call, over real HTTP,
// with basic or bearer auth, pages of at most `pageSize` linked by an absolute `next`, and 404 for unknown names.
import { intParam, startFakeHost, type FakeAnswer, type FakeHost, type FakeRequest } from '../scm-http.fake';

export interface BitbucketCloudFakePull {
  id: number;
  title: string;
  source: string;
  sourceHash: string;
  destination: string;
  author: string;
  state?: 'OPEN' | 'MERGED' | 'DECLINED' | 'SUPERSEDED';
}

export interface BitbucketCloudFakeRepo {
  uuid: string;
  slug: string;
  /** Absent for a repository without commits. */
  mainbranch?: string;
  /** Branch name → head commit hash. */
  branches: Record<string, string>;
  files?: string[];
  pulls?: BitbucketCloudFakePull[];
}

export interface BitbucketCloudFakeData {
  authorization: string[];
  /** Workspace → its repositories. */
  workspaces: Record<string, BitbucketCloudFakeRepo[]>;
  pageSize?: number;
}

export function startBitbucketCloudFake(data: BitbucketCloudFakeData): Promise<FakeHost> {
  const size = data.pageSize ?? 2;
  const paged = (req: FakeRequest, items: unknown[]): FakeAnswer => {
    const page = Math.max(1, intParam(req.query, 'page', 1));
    const pagelen = Math.min(size, Math.max(1, intParam(req.query, 'pagelen', 10)));
    const body: Record<string, unknown> = { size: items.length, page, pagelen, values: items.slice((page - 1) * pagelen, page * pagelen) };
    if (page * pagelen < items.length) {
      const next = new URL(req.path, req.origin);
      req.query.forEach((v, k) => next.searchParams.set(k, v));
      next.searchParams.set('page', String(page + 1));
      body.next = next.href;
    }
    return { status: 200, body };
  };
  const route = (req: FakeRequest): FakeAnswer | undefined => {
    const m = /^\/2\.0\/repositories\/([^/]+)(?:\/([^/]+)(?:\/(pullrequests|refs\/branches|src)(?:\/(.*))?)?)?$/.exec(req.path);
    const repos = m && data.workspaces[m[1]];
    if (!m || !repos) return undefined;
    const [, workspace, slug, what, rest] = m;
    if (slug === undefined) {
      return paged(
        req,
        repos.map((r) => ({
          uuid: r.uuid,
          slug: r.slug,
          full_name: `${workspace}/${r.slug}`,
          mainbranch: r.mainbranch ? { name: r.mainbranch, type: 'branch' } : null,
          links: {
            clone: [
              { name: 'https', href: `https://bitbucket.org/${workspace}/${r.slug}.git` },
              { name: 'ssh', href: `git@bitbucket.org:${workspace}/${r.slug}.git` },
            ],
          },
        })),
      );
    }
    const repo = repos.find((r) => r.slug === slug);
    if (!repo || what === undefined) return undefined;
    const branch = (name: string) => ({ name, type: 'branch', target: { hash: repo.branches[name] } });
    if (what === 'pullrequests' && rest === undefined) {
      const state = req.query.get('state') ?? 'OPEN';
      const pulls = (repo.pulls ?? []).filter((p) => (p.state ?? 'OPEN') === state);
      return paged(
        req,
        pulls.map((p) => ({
          id: p.id,
          title: p.title,
          state: p.state ?? 'OPEN',
          source: { branch: { name: p.source }, commit: { hash: p.sourceHash } },
          destination: { branch: { name: p.destination } },
          author: { nickname: p.author, display_name: p.author.toUpperCase() },
        })),
      );
    }
    if (what === 'refs/branches' && rest === undefined) return paged(req, Object.keys(repo.branches).map(branch));
    if (what === 'refs/branches' && rest !== undefined) return repo.branches[rest] ? { status: 200, body: branch(rest) } : undefined;
    if (what === 'src' && rest !== undefined) {
      const slash = rest.indexOf('/');
      const [at, path] = slash < 0 ? [rest, ''] : [rest.slice(0, slash), rest.slice(slash + 1)];
      if (!Object.entries(repo.branches).some(([name, hash]) => name === at || hash === at)) return undefined;
      const files = repo.files ?? [];
      if (files.includes(path)) return { status: 200, body: { type: 'commit_file', path } };
      return files.some((f) => f.startsWith(`${path}/`)) ? { status: 200, body: { type: 'commit_directory', path } } : undefined;
    }
    return undefined;
  };
  return startFakeHost({ authorization: data.authorization, route });
}
