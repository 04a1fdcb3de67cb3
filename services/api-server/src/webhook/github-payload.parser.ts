// GitHub's push event. https://docs.github.com/en/webhooks/webhook-events-and-payloads#push
import { z } from 'zod';
import { changedFilesOf, PushEvent, pushedRef } from './push-event.types';
import { parsePayload, pushCommit, urls } from './webhook-payload.schema';

// GitHub lists at most 2048 commits in a push; a full list may be missing files.
const MAX_LISTED_COMMITS = 2048;

const githubPush = z.object({
  ref: z.string(),
  repository: z.object({
    html_url: z.string(),
    clone_url: z.string().nullish(),
    ssh_url: z.string().nullish(),
    default_branch: z.string().nullish(),
  }),
  commits: z.array(pushCommit).nullish(),
});

export function parseGitHubPush(payload: unknown): PushEvent {
  const push = parsePayload(githubPush, payload, 'GitHub push payload');
  const ref = pushedRef(push.ref);
  const commits = push.commits ?? [];
  return {
    provider: 'github',
    repoUrls: urls(push.repository.html_url, push.repository.clone_url, push.repository.ssh_url),
    refs: ref ? [ref] : [],
    defaultBranch: push.repository.default_branch ?? undefined,
    changedFiles: commits.length < MAX_LISTED_COMMITS ? changedFilesOf(commits) : undefined,
  };
}
