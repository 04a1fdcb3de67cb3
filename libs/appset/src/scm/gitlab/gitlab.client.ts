// One gitbeaker client per generator run, pointed where Argo's go-gitlab client points (gitlab.com,
// or the `api` host with /api/v4 added), with a private token when the spec names one, `caRef` and
// `insecure` honoured; and GitLab's error answers turned into messages users can act on.
import { Gitlab } from '@gitbeaker/rest';
import { GeneratorError } from '../../generators/generator.types';
import { gitLabRequester } from './gitlab.requester';
import { ScmHttpClient, ScmHttpError } from '../scm-http';
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

export interface GitLabConnection {
  api?: string;
  insecure?: boolean;
  caRef?: { configMapName: string; key: string };
}

/** Reads one key of a ConfigMap in the ApplicationSet's namespace (for `caRef`). */
export type ConfigMapKeyReader = (ref: { configMapName: string; key: string }) => Promise<string>;

export function gitLabClient(spec: GitLabConnection, token: string, readConfigMap?: ConfigMapKeyReader): GitLabApi {
  const host = gitLabHost(spec.api);
  const caRef = spec.caRef;
  if (caRef && (typeof caRef.configMapName !== 'string' || typeof caRef.key !== 'string'))
    throw new GeneratorError('caRef must name a configMapName and a key');
  const http = new ScmHttpClient({
    host: 'GitLab',
    baseUrl: `${host}/api/v4`,
    // Argo's go-gitlab sends the token as PRIVATE-TOKEN; a bearer header would also do, but this is what GitLab documents first.
    auth: () => Promise.resolve({ kind: 'none' }),
    headers: token ? { 'private-token': token } : {},
    insecure: spec.insecure === true,
    ...(caRef
      ? {
          caPem: () =>
            readConfigMap ? readConfigMap(caRef) : Promise.reject(new GeneratorError('caRef needs access to the ApplicationSet namespace')),
        }
      : {}),
  });
  return new Gitlab<false>({
    host,
    requesterFn: gitLabRequester(http) as unknown as ConstructorParameters<typeof Gitlab<false>>[0]['requesterFn'],
  });
}

interface GitbeakerFailure {
  name?: string;
  message?: string;
  cause?: { description?: string; response?: { status?: number }; code?: string; message?: string };
}

export const gitLabStatus = (err: unknown): number | undefined =>
  err instanceof ScmHttpError ? err.status : (err as GitbeakerFailure)?.cause?.response?.status;

/** A GitLab answer that is not a success, as a rate-limit error or a GeneratorError naming `what`; `token` is masked. */
export function gitLabError(err: unknown, what: string, api: string | undefined, token = ''): Error {
  const error = describeGitLabError(err, what, api);
  if (token && error.message.includes(token)) error.message = error.message.split(token).join('***');
  return error;
}

function describeGitLabError(err: unknown, what: string, api: string | undefined): Error {
  if (err instanceof GeneratorError || err instanceof ScmRateLimitError) return err;
  const host = gitLabHost(api);
  const failure = (err ?? {}) as GitbeakerFailure;
  const status = gitLabStatus(err);
  const detail = err instanceof ScmHttpError ? (err.message.split(`answered ${status}: `)[1] ?? '') : (failure.cause?.description ?? '');
  if (status === 401) return new GeneratorError(`GitLab ${host} refused the credentials while ${what} (401${detail ? ` ${detail}` : ''})`);
  if (status === 404) return new GeneratorError(`${what}: not found on ${host} (404), or the credentials cannot see it`);
  if (status !== undefined) return new GeneratorError(`GitLab ${host} answered ${status}${detail ? ` ${detail}` : ''} while ${what}`);
  return new GeneratorError(`GitLab ${host} unreachable while ${what}: ${rootCause(err)}`);
}
