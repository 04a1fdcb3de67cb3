// Gogs' (and Gitea's) push event. https://gogs.io/docs/features/webhook
import { z } from 'zod';
import { changedFilesOf, PushEvent, pushedRef } from './push-event.types';
import { parsePayload, pushCommit, urls } from './webhook-payload.schema';

const gogsPush = z.object({
  ref: z.string(),
  repository: z.object({
    html_url: z.string(),
    clone_url: z.string().nullish(),
    ssh_url: z.string().nullish(),
    default_branch: z.string().nullish(),
  }),
  commits: z.array(pushCommit).nullish(),
});

export function parseGogsPush(payload: unknown): PushEvent {
  const push = parsePayload(gogsPush, payload, 'Gogs push payload');
  const ref = pushedRef(push.ref);
  return {
    provider: 'gogs',
    repoUrls: urls(push.repository.html_url, push.repository.clone_url, push.repository.ssh_url),
    refs: ref ? [ref] : [],
    defaultBranch: push.repository.default_branch ?? undefined,
    changedFiles: changedFilesOf(push.commits ?? []),
  };
}
