// Which Applications and ApplicationSets a push concerns, after Argo CD's webhook handlers
// (util/webhook, applicationset/webhook): same repository, a targetRevision the push moved, and
// for Applications a changed file under their manifest-generate-paths when the payload lists files.
import type { Application, ApplicationSet, ApplicationSource } from '@flotilla/api-types';
import { filesTouchPaths, MANIFEST_GENERATE_PATHS_ANNOTATION, manifestGeneratePaths, normalizeRepoUrl } from '@flotilla/api-types';
import type { PushedRef, PushEvent } from './push-event.types';

// `ssh://[user@]host[:22]/path` and scp-style `[user@]host:path` name the same repository.
const SSH_URL = /^ssh:\/\/(?:[^/@]+@)?([^/:]+)(?::22)?\/(.+)$/;
const SCP_URL = /^(?:[^/@]+@)?([^/:]+):(.+)$/;

/** A repository URL reduced so that every spelling of one repository compares equal. */
function repoKey(url: string): string {
  const normal = normalizeRepoUrl(url);
  const ssh = SSH_URL.exec(normal) ?? (normal.includes('://') ? null : SCP_URL.exec(normal));
  return ssh ? `ssh:${ssh[1]}:${ssh[2].replace(/^\/+/, '')}` : normal;
}

/** Whether a source's repoURL is one of the URLs the payload names the pushed repository by. */
export function repoUrlMatches(repoURL: string, pushedUrls: string[]): boolean {
  const key = repoKey(repoURL);
  return pushedUrls.some((u) => repoKey(u) === key);
}

/**
 * Whether a targetRevision follows a pushed ref: HEAD or empty follows the default branch (any
 * branch when the payload does not name it), `refs/heads/b` only branch b, `refs/tags/t` only tag
 * t, and a bare name a branch or tag of that name. A commit SHA follows nothing.
 */
export function revisionMatches(targetRevision: string | undefined, ref: PushedRef, defaultBranch: string | undefined): boolean {
  const target = (targetRevision ?? '').trim();
  if (target === '' || target === 'HEAD') return ref.kind === 'branch' && (defaultBranch === undefined || ref.name === defaultBranch);
  if (target.startsWith('refs/heads/')) return ref.kind === 'branch' && ref.name === target.slice('refs/heads/'.length);
  if (target.startsWith('refs/tags/')) return ref.kind === 'tag' && ref.name === target.slice('refs/tags/'.length);
  return ref.name === target;
}

const followsPush = (repoURL: string, revision: string | undefined, push: PushEvent): boolean =>
  repoUrlMatches(repoURL, push.repoUrls) && push.refs.some((ref) => revisionMatches(revision, ref, push.defaultBranch));

export const applicationSources = (app: Application): ApplicationSource[] =>
  app.spec.sources?.length ? app.spec.sources : app.spec.source ? [app.spec.source] : [];

/**
 * Whether a push should refresh an Application: one of its git sources (Helm chart sources are
 * not git) follows the push, and a changed file lies under the manifest-generate-paths, which are
 * relative to each source's path as in Argo CD. Without a file list every follower is refreshed.
 */
export function pushTouchesApplication(app: Application, push: PushEvent): boolean {
  const sources = applicationSources(app);
  if (!sources.some((s) => !s.chart && followsPush(s.repoURL, s.targetRevision, push))) return false;
  if (!push.changedFiles) return true;
  const annotation = app.metadata.annotations?.[MANIFEST_GENERATE_PATHS_ANNOTATION];
  const paths = sources.flatMap((s) => manifestGeneratePaths(annotation, s.path) ?? []);
  return filesTouchPaths(paths.length ? paths : undefined, push.changedFiles);
}

interface GitGenerator {
  repoURL?: unknown;
  revision?: unknown;
}

/** Every git generator, including those nested in matrix and merge generators. */
function gitGenerators(generators: unknown): GitGenerator[] {
  if (!Array.isArray(generators)) return [];
  return generators.flatMap((g: unknown): GitGenerator[] => {
    if (!g || typeof g !== 'object') return [];
    const { git, matrix, merge } = g as { git?: GitGenerator; matrix?: { generators?: unknown }; merge?: { generators?: unknown } };
    return [...(git && typeof git === 'object' ? [git] : []), ...gitGenerators(matrix?.generators), ...gitGenerators(merge?.generators)];
  });
}

/** Whether a push should make an ApplicationSet run its git generators again. */
export function pushTouchesApplicationSet(appSet: ApplicationSet, push: PushEvent): boolean {
  return gitGenerators(appSet.spec?.generators).some(
    (g) => typeof g.repoURL === 'string' && followsPush(g.repoURL, typeof g.revision === 'string' ? g.revision : undefined, push),
  );
}
