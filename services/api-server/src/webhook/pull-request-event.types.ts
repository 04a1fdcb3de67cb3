// What a provider's pull request webhook tells us, once verified and parsed: which repository (as
// each provider's pullRequest generator names it) and whether the action can change what the
// generator lists. https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Pull-Request/#webhook-configuration

interface PullRequestEventBase {
  /** The provider's action or event name (`opened`, `synchronize`, `git.pullrequest.updated`, …). */
  action: string;
  /** Whether the action can change the open pull requests, their heads, labels or branches. */
  relevant: boolean;
}

export type PullRequestEvent = PullRequestEventBase &
  (
    | { provider: 'github'; owner: string; repo: string; /** The REST API's host the payload names. */ apiHost: string }
    | { provider: 'gitlab'; /** The target project's numeric id and its path. */ projectIds: string[]; host: string }
    | { provider: 'gitea'; owner: string; repo: string; host: string }
    | { provider: 'bitbucket'; owner: string; repo: string }
    | { provider: 'azuredevops'; project: string; repo: string }
  );

/** The repository the event concerns, for logs and answers. */
export function pullRequestRepo(event: PullRequestEvent): string {
  switch (event.provider) {
    case 'gitlab':
      return `${event.host}/${event.projectIds[event.projectIds.length - 1]}`;
    case 'azuredevops':
      return `${event.project}/${event.repo}`;
    default:
      return `${event.owner}/${event.repo}`;
  }
}
