// GitLab's push and tag push events (also as system hooks).
// https://docs.gitlab.com/user/project/integrations/webhook_events/#push-events
import { z } from 'zod';
import { changedFilesOf, PushEvent, pushedRef } from './push-event.types';
import { parsePayload, pushCommit, urls } from './webhook-payload.schema';

const gitlabPush = z.object({
  ref: z.string(),
  project: z.object({
    web_url: z.string(),
    git_http_url: z.string().nullish(),
    git_ssh_url: z.string().nullish(),
    default_branch: z.string().nullish(),
  }),
  commits: z.array(pushCommit).nullish(),
  total_commits_count: z.number().nullish(),
});

export function parseGitLabPush(payload: unknown): PushEvent {
  const push = parsePayload(gitlabPush, payload, 'GitLab push payload');
  const ref = pushedRef(push.ref);
  const commits = push.commits ?? [];
  // GitLab lists at most 20 commits and counts the rest: a short list may be missing files.
  const complete = (push.total_commits_count ?? commits.length) <= commits.length;
  return {
    provider: 'gitlab',
    repoUrls: urls(push.project.web_url, push.project.git_http_url, push.project.git_ssh_url),
    refs: ref ? [ref] : [],
    defaultBranch: push.project.default_branch ?? undefined,
    changedFiles: complete ? changedFilesOf(commits) : undefined,
  };
}
