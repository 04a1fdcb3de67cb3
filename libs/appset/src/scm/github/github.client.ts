// One Octokit per generator run, pointed where Argo's go-github client points (api.github.com, or an
// Enterprise `api` with `/api/v3` added as go-github's WithEnterpriseURLs does), authenticated by a
// token or as a GitHub App installation; and GitHub's error answers turned into messages users can act on.
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { GeneratorError } from '../../generators/generator.types';
import type { GitHubAppCredentials } from '../scm.credentials';
import { rootCause } from '../scm.errors';
import { ScmRateLimitError } from '../scm.types';

export const GITHUB_API = 'https://api.github.com';

/** The REST base for an `api` URL: unchanged for api.* hosts and paths already ending in /api/v3, else with /api/v3 added. */
export function gitHubApiBase(api: string | undefined): string {
  if (!api) return GITHUB_API;
  let url: URL;
  try {
    url = new URL(api);
  } catch {
    throw new GeneratorError(`invalid GitHub api URL "${api}"`);
  }
  let path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  if (!path.endsWith('/api/v3/') && !url.hostname.startsWith('api.') && !url.hostname.includes('.api.')) path += 'api/v3/';
  url.pathname = path;
  return url.toString().replace(/\/$/, '');
}

export interface GitHubAuth {
  /** A personal access token; empty for anonymous access. */
  token?: string;
  app?: GitHubAppCredentials;
}

export function gitHubClient(api: string | undefined, auth: GitHubAuth): Octokit {
  // An App's Secret may name its Enterprise host itself; the generator's `api` wins, as in Argo.
  const baseUrl = gitHubApiBase(api || auth.app?.enterpriseBaseUrl);
  const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  if (auth.app) {
    return new Octokit({
      baseUrl,
      log: quiet,
      authStrategy: createAppAuth,
      auth: {
        appId: auth.app.appId,
        privateKey: auth.app.privateKey,
        installationId: Number(auth.app.installationId) || auth.app.installationId,
      },
    });
  }
  return new Octokit({ baseUrl, log: quiet, ...(auth.token ? { auth: auth.token } : {}) });
}

interface OctokitFailure {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/** A GitHub answer that is not a success, as a rate-limit error (for retry) or a GeneratorError naming `what`. */
export function gitHubError(err: unknown, what: string, baseUrl: string): Error {
  if (err instanceof GeneratorError || err instanceof ScmRateLimitError) return err;
  const failure = (err ?? {}) as OctokitFailure;
  const status = typeof failure.status === 'number' ? failure.status : 0;
  const headers = failure.response?.headers ?? {};
  const data = failure.response?.data as { message?: unknown } | undefined;
  const detail = typeof data?.message === 'string' ? data.message : '';
  const retryAfterMs = rateLimitWait(status, headers);
  if (retryAfterMs !== undefined) return new ScmRateLimitError(`GitHub API rate limit reached while ${what}`, retryAfterMs);
  // Octokit reports a request that got no answer (refused, DNS, TLS) as a 500 without a response.
  if (!failure.response) return new GeneratorError(`GitHub API ${baseUrl} unreachable while ${what}: ${rootCause(err)}`);
  if (status === 401)
    return new GeneratorError(`GitHub API ${baseUrl} refused the credentials while ${what} (401${detail ? ` ${detail}` : ''})`);
  if (status === 404) return new GeneratorError(`${what}: not found on ${baseUrl} (404), or the credentials cannot see it`);
  return new GeneratorError(`GitHub API ${baseUrl} answered ${status}${detail ? ` ${detail}` : ''} while ${what}`);
}

/** How long GitHub asks us to wait (Retry-After, or x-ratelimit-reset once the remaining budget is 0); undefined when it is no rate limit. */
function rateLimitWait(status: number, headers: Record<string, string | number | undefined>): number | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter * 1000);
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    return Number.isFinite(reset) ? Math.max(0, reset * 1000 - Date.now()) : 60_000;
  }
  return status === 429 ? 60_000 : undefined;
}
