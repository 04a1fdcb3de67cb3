// A fake Azure DevOps for specs: the Git endpoints the Azure DevOps generators call, over real HTTP, with a PAT
// as basic auth, $top/$skip pages capped at `pageSize`, api-version required, and Azure's 404 error bodies
// (message + typeKey) for unknown projects, repositories and items, and a sign-in page for a wrong PAT.
import { intParam, startFakeHost, type FakeAnswer, type FakeHost, type FakeRequest } from '../scm-http.fake';

export interface AzureDevOpsFakePull {
  id: number;
  title: string;
  source: string;
  sourceSha: string;
  target: string;
  /** The creator's uniqueName, an e-mail address. */
  createdBy: string;
  labels?: string[];
  status?: 'active' | 'completed' | 'abandoned';
}

export interface AzureDevOpsFakeRepo {
  id: string;
  name: string;
  /** Absent for an empty repository. */
  defaultBranch?: string;
  branches: Record<string, string>;
  files?: string[];
  pulls?: AzureDevOpsFakePull[];
}

export interface AzureDevOpsFakeData {
  pat: string;
  /** Organisation → project → its repositories. */
  organizations: Record<string, Record<string, AzureDevOpsFakeRepo[]>>;
  pageSize?: number;
}

const notFound = (typeKey: string, message: string): FakeAnswer => ({
  status: 404,
  body: { $id: '1', innerException: null, message, typeKey, errorCode: 0 },
});

export function startAzureDevOpsFake(data: AzureDevOpsFakeData): Promise<FakeHost> {
  const size = data.pageSize ?? 2;
  const route = (req: FakeRequest): FakeAnswer | undefined => {
    const m = /^\/([^/]+)\/([^/]+)\/_apis\/git\/(pullrequests|repositories)(?:\/([^/]+)\/(items|stats\/branches))?$/.exec(req.path);
    if (!m) return undefined;
    if (!req.query.get('api-version')) return { status: 400, body: { message: 'No api-version was supplied for the request.' } };
    const [, org, projectName, what, repoKey, sub] = m;
    const project = data.organizations[org]?.[projectName];
    if (!project)
      return notFound('ProjectDoesNotExistWithNameException', `TF200016: The following project does not exist: ${projectName}.`);
    const head = (name: string) => `refs/heads/${name}`;
    if (what === 'pullrequests') {
      const status = req.query.get('searchCriteria.status') ?? 'active';
      const all = project.flatMap((repo) =>
        (repo.pulls ?? [])
          .filter((p) => status === 'all' || (p.status ?? 'active') === status)
          .map((p) => ({
            pullRequestId: p.id,
            title: p.title,
            status: p.status ?? 'active',
            sourceRefName: head(p.source),
            targetRefName: head(p.target),
            lastMergeSourceCommit: { commitId: p.sourceSha },
            createdBy: { uniqueName: p.createdBy, displayName: p.createdBy.split('@')[0] },
            labels: (p.labels ?? []).map((name, i) => ({ id: String(i), name, active: true })),
            repository: { id: repo.id, name: repo.name },
          })),
      );
      const top = Math.min(size, Math.max(1, intParam(req.query, '$top', 101)));
      const skip = Math.max(0, intParam(req.query, '$skip', 0));
      const value = all.slice(skip, skip + top);
      return { status: 200, body: { value, count: value.length } };
    }
    if (repoKey === undefined) {
      const value = project.map((r) => ({
        id: r.id,
        name: r.name,
        ...(r.defaultBranch ? { defaultBranch: head(r.defaultBranch) } : {}),
        remoteUrl: `https://${org}@dev.azure.test/${org}/${projectName}/_git/${r.name}`,
        sshUrl: `git@ssh.dev.azure.test:v3/${org}/${projectName}/${r.name}`,
      }));
      return { status: 200, body: { value, count: value.length } };
    }
    const repo = project.find((r) => r.id === repoKey || r.name === repoKey);
    if (!repo)
      return notFound(
        'GitRepositoryNotFoundException',
        `TF401019: The Git repository with name or identifier ${repoKey} does not exist or you do not have permissions for the operation you are attempting.`,
      );
    const stats = (name: string) => ({
      name,
      commit: { commitId: repo.branches[name] },
      aheadCount: 0,
      behindCount: 0,
      isBaseVersion: name === repo.defaultBranch,
    });
    if (sub === 'stats/branches') {
      const name = req.query.get('name');
      if (name === null)
        return { status: 200, body: { value: Object.keys(repo.branches).map(stats), count: Object.keys(repo.branches).length } };
      return repo.branches[name]
        ? { status: 200, body: stats(name) }
        : notFound('GitBranchNotFoundException', `TF401175: The version descriptor <Branch: ${name} > could not be resolved.`);
    }
    const path = (req.query.get('path') ?? '').replace(/^\/+/, '');
    const version = req.query.get('versionDescriptor.version') ?? repo.defaultBranch ?? '';
    const files = repo.files ?? [];
    if (repo.branches[version] && (files.includes(path) || files.some((f) => f.startsWith(`${path}/`)))) {
      return {
        status: 200,
        body: { objectId: repo.branches[version], path: `/${path}`, gitObjectType: files.includes(path) ? 'blob' : 'tree' },
      };
    }
    return notFound('GitItemNotFoundException', `TF401174: The item '${path}' could not be found in the repository '${repo.name}'.`);
  };
  // A wrong PAT gets Azure's sign-in page with 203; no credentials at all get 401.
  const unauthorized = (req: FakeRequest): FakeAnswer =>
    req.headers.authorization
      ? {
          status: 203,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          rawBody: '<html><head><title>Azure DevOps Services | Sign In</title></head></html>',
        }
      : { status: 401, body: { message: 'TF400813: The user is not authorized to access this resource.' } };
  return startFakeHost({ authorization: `Basic ${Buffer.from(`:${data.pat}`).toString('base64')}`, unauthorized, route });
}
