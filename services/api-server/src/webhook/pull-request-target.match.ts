// Which ApplicationSets a pull request event concerns, after Argo CD's ApplicationSet webhook: a
// pullRequest generator (at the top level or nested in matrix and merge) naming the same repository
// on the same host. Argo interpolates a matrix's second child before matching; any nested pullRequest
// generator counts here, which at worst refreshes a set that finds nothing new.
import type { ApplicationSet } from '@flotilla/api-types';
import type { PullRequestEvent } from './pull-request-event.types';

type Spec = Record<string, unknown>;

const isObject = (v: unknown): v is Spec => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const sameName = (a: unknown, b: string): boolean => text(a).toLowerCase() === b.toLowerCase();

/** Every pullRequest generator, including those nested in matrix and merge generators. */
function pullRequestGenerators(generators: unknown): Spec[] {
  if (!Array.isArray(generators)) return [];
  return generators.flatMap((g: unknown): Spec[] => {
    if (!isObject(g)) return [];
    const nested = [g.matrix, g.merge].flatMap((m) => (isObject(m) ? pullRequestGenerators(m.generators) : []));
    return [...(isObject(g.pullRequest) ? [g.pullRequest] : []), ...nested];
  });
}

/** The host of a generator's `api`, or of the provider's public default when it has none. */
function apiHost(api: unknown, fallback: string): string | undefined {
  try {
    return new URL(text(api) || fallback).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export function pullRequestGeneratorMatches(generator: Spec, event: PullRequestEvent): boolean {
  switch (event.provider) {
    case 'github': {
      const gh = generator.github;
      // Owner and repository names are case-insensitive on GitHub.
      return (
        isObject(gh) &&
        sameName(gh.owner, event.owner) &&
        sameName(gh.repo, event.repo) &&
        apiHost(gh.api, 'https://api.github.com/') === event.apiHost
      );
    }
    case 'gitlab': {
      const gl = generator.gitlab;
      // Argo matches the numeric project id only; the project's path is accepted too, since the generator takes either.
      return isObject(gl) && event.projectIds.includes(text(gl.project)) && apiHost(gl.api, 'https://gitlab.com/') === event.host;
    }
    case 'gitea': {
      const gt = generator.gitea;
      return (
        isObject(gt) &&
        sameName(gt.owner, event.owner) &&
        sameName(gt.repo, event.repo) &&
        apiHost(gt.api, 'https://gitea.com/') === event.host
      );
    }
    case 'bitbucket': {
      const bb = generator.bitbucket;
      return isObject(bb) && sameName(bb.owner, event.owner) && sameName(bb.repo, event.repo);
    }
    case 'azuredevops': {
      const az = generator.azuredevops;
      return isObject(az) && text(az.project) === event.project && text(az.repo) === event.repo;
    }
  }
}

/** Whether a pull request event should make an ApplicationSet run its pullRequest generators again. */
export function pullRequestTouchesApplicationSet(appSet: ApplicationSet, event: PullRequestEvent): boolean {
  return event.relevant && pullRequestGenerators(appSet.spec?.generators).some((g) => pullRequestGeneratorMatches(g, event));
}
