// Bitbucket Cloud's repo:push event. It lists neither changed files nor (always) the main branch,
// so, as in Argo CD, every matching app counts as touched and HEAD as moved.
// https://support.atlassian.com/bitbucket-cloud/docs/event-payloads/#Push
import { z } from 'zod';
import { PushedRef, PushEvent } from './push-event.types';
import { parsePayload, urls } from './webhook-payload.schema';

const refState = z.object({ type: z.string(), name: z.string() }).nullish();

const bitbucketPush = z.object({
  push: z.object({ changes: z.array(z.object({ new: refState, old: refState })) }),
  repository: z.object({
    links: z.object({ html: z.object({ href: z.string() }) }),
    mainbranch: z.object({ name: z.string() }).nullish(),
  }),
});

const KINDS: Record<string, PushedRef['kind']> = { branch: 'branch', named_branch: 'branch', tag: 'tag', annotated_tag: 'tag' };

export function parseBitbucketPush(payload: unknown): PushEvent {
  const push = parsePayload(bitbucketPush, payload, 'Bitbucket repo:push payload');
  const refs = push.push.changes.flatMap((change): PushedRef[] => {
    // A deleted branch or tag has only its old state.
    const state = change.new ?? change.old;
    const kind = state && KINDS[state.type];
    return state && kind ? [{ kind, name: state.name }] : [];
  });
  const web = push.repository.links.html.href;
  return {
    provider: 'bitbucket',
    repoUrls: urls(web, sshCloneUrl(web)),
    refs,
    defaultBranch: push.repository.mainbranch?.name,
  };
}

/** Bitbucket's ssh clone URL for a repository page: `https://bitbucket.org/ws/repo` → `git@bitbucket.org:ws/repo.git`. */
function sshCloneUrl(webUrl: string): string | undefined {
  try {
    const url = new URL(webUrl);
    const path = url.pathname.replace(/^\/+|\/+$/g, '');
    return path ? `git@${url.hostname}:${path}.git` : undefined;
  } catch {
    return undefined;
  }
}
