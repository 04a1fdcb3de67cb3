// What the pullRequest and scmProvider generators ask of a source-code host, whatever the host is
// (GitHub, GitLab, Gitea, Bitbucket Server, Bitbucket Cloud, Azure DevOps): the shapes Argo's
// pull_request.PullRequestService and scm_provider.SCMProviderService use, so each host is one client.

/** One open (or, where the spec asks, otherwise-stated) pull request. */
export interface PullRequest {
  number: number;
  title: string;
  /** The head (source) branch. */
  branch: string;
  /** The base (target) branch. */
  targetBranch: string;
  /** The full commit SHA of the head. */
  headSha: string;
  labels: string[];
  /** The author's login / username. */
  author: string;
}

export interface PullRequestService {
  /** Every pull request the spec selects, following the host's pagination to the end. */
  list(): Promise<PullRequest[]>;
}

/** One branch of one repository of an organisation / group / project. */
export interface ScmRepository {
  organization: string;
  repository: string;
  /** The clone URL in the requested protocol (ssh by default, as Argo). */
  url: string;
  branch: string;
  sha: string;
  labels: string[];
  /** The host's own id of the repository (a number on most hosts, a GUID on Azure DevOps). */
  repositoryId: string | number;
}

export interface ScmProviderService {
  /** Every repository of the organisation, each with its default branch (branch and sha may be empty until getBranches). */
  listRepos(cloneProtocol: string | undefined): Promise<ScmRepository[]>;
  /** Whether a file or directory exists at `path` on the repository's branch. */
  repoHasPath(repo: ScmRepository, path: string): Promise<boolean>;
  /** The repository once per branch: every branch when `allBranches`, else only the default one, with sha filled in. */
  getBranches(repo: ScmRepository, allBranches: boolean): Promise<ScmRepository[]>;
}

/** Reads one key of a Secret in the ApplicationSet's namespace (tokenRef, passwordRef, appSecretName). */
export type SecretKeyReader = (ref: { secretName: string; key: string }) => Promise<string>;

/** A host answered that the caller is being rate limited; the generator retries after `retryAfterMs`. */
export class ScmRateLimitError extends Error {
  override readonly name = 'ScmRateLimitError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/** The repository a pullRequest generator names does not exist (or the credentials cannot see it); `continueOnRepoNotFoundError` turns it into no parameters. */
export class ScmRepositoryNotFoundError extends Error {
  override readonly name = 'ScmRepositoryNotFoundError';
}
