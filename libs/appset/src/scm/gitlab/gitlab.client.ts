// One gitbeaker client per generator run, pointed where Argo's go-gitlab client points (gitlab.com,
// or the `api` host with /api/v4 added), with a private token when the spec names one; and GitLab's
// error answers turned into messages users can act on.
import { Gitlab } from '@gitbeaker/rest';
import { GeneratorError } from '../../generators/generator.types';
import { rootCause } from '../scm.errors';
import { ScmRateLimitError } from '../scm.types';

export const GITLAB_HOST = 'https://gitlab.com';

export type GitLabApi = InstanceType<typeof Gitlab<false>>;

/** gitbeaker wants the host and adds /api/v4 itself, so an `api` that already ends in it is trimmed. */
export function gitLabHost(api: string | undefined): string {
  if (!api) return GITLAB_HOST;
  try {
    new URL(api);
  } catch {
    throw new GeneratorError(`invalid GitLab api URL "${api}"`);
  }
  return api.replace(/\/+$/, '').replace(/\/api\/v4$/, '');
}

export function gitLabClient(api: string | undefined, token: string, insecure: unknown): GitLabApi {
  // Node's fetch cannot skip TLS verification without an undici dispatcher, which Flotilla does not ship.
  if (insecure === true) throw new GeneratorError("insecure: true is not supported for GitLab; trust the host's CA instead");
  const host = gitLabHost(api);
  // gitbeaker throttles on the client side too; its own limits are GitLab.com's, which suit any host.
  return token ? new Gitlab<false>({ host, token }) : new Gitlab<false>({ host });
}

interface GitbeakerFailure {
  name?: string;
  message?: string;
  cause?: { description?: string; response?: { status?: number }; code?: string; message?: string };
}

export const gitLabStatus = (err: unknown): number | undefined => (err as GitbeakerFailure)?.cause?.response?.status;

/** A GitLab answer that is not a success, as a rate-limit error or a GeneratorError naming `what`. */
export function gitLabError(err: unknown, what: string, api: string | undefined): Error {
  if (err instanceof GeneratorError || err instanceof ScmRateLimitError) return err;
  const host = gitLabHost(api);
  const failure = (err ?? {}) as GitbeakerFailure;
  // gitbeaker itself retries 429 answers ten times before giving up with GitbeakerRetryError.
  if (failure.name === 'GitbeakerRetryError')
    return new ScmRateLimitError(`GitLab ${host} kept answering 429 (rate limit) while ${what}`, 60_000);
  const status = gitLabStatus(err);
  const detail = failure.cause?.description ?? '';
  if (status === 401) return new GeneratorError(`GitLab ${host} refused the credentials while ${what} (401${detail ? ` ${detail}` : ''})`);
  if (status === 404) return new GeneratorError(`${what}: not found on ${host} (404), or the credentials cannot see it`);
  if (status !== undefined) return new GeneratorError(`GitLab ${host} answered ${status}${detail ? ` ${detail}` : ''} while ${what}`);
  return new GeneratorError(`GitLab ${host} unreachable while ${what}: ${rootCause(err)}`);
}
