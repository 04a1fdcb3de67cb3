// What a git provider's webhook tells us, once verified and parsed: which repository, which refs
// moved, and (when the payload says) which files changed. Every provider's payload becomes this.
import type { PullRequestEvent } from './pull-request-event.types';

export type WebhookProvider = 'github' | 'gitlab' | 'bitbucket' | 'gogs';

/** A branch or tag that a push moved (created, updated or deleted). */
export interface PushedRef {
  kind: 'branch' | 'tag';
  name: string;
}

export interface PushEvent {
  provider: WebhookProvider;
  /** Every URL the payload names the repository by (web page, https clone, ssh clone). */
  repoUrls: string[];
  refs: PushedRef[];
  /** The repository's default branch (what HEAD means); undefined when the payload does not say. */
  defaultBranch?: string;
  /**
   * Repository-relative paths the push added, modified or removed; undefined when the payload does
   * not list them (no commits listed, or a truncated list), and then every app counts as touched.
   */
  changedFiles?: string[];
}

export type WebhookEvent =
  { kind: 'push'; push: PushEvent } | { kind: 'pullRequest'; pullRequest: PullRequestEvent } | { kind: 'ping'; provider: WebhookProvider };

/** A request the webhook refuses: the HTTP status and a message the sender's delivery log shows. */
export class WebhookRejection extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookRejection';
  }
}

export const badRequest = (message: string): WebhookRejection => new WebhookRejection(400, message);

/** `refs/heads/<b>` is branch b, `refs/tags/<t>` tag t; anything else (notes, merge requests) is neither. */
export function pushedRef(ref: string): PushedRef | undefined {
  if (ref.startsWith('refs/heads/') && ref.length > 'refs/heads/'.length) return { kind: 'branch', name: ref.slice('refs/heads/'.length) };
  if (ref.startsWith('refs/tags/') && ref.length > 'refs/tags/'.length) return { kind: 'tag', name: ref.slice('refs/tags/'.length) };
  return undefined;
}

type FileList = string[] | null | undefined;

/** The files a list of commits added, modified or removed, without repeats; undefined for none. */
export function changedFilesOf(commits: { added?: FileList; modified?: FileList; removed?: FileList }[]): string[] | undefined {
  const files = new Set(commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])]));
  return files.size ? [...files] : undefined;
}
