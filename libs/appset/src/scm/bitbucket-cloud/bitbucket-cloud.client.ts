// The Bitbucket Cloud REST API 2.0 as both generators reach it: https://api.bitbucket.org/2.0 unless the
// pullRequest spec names another `api`, and credentials as basic auth (username + app password) or a bearer token.
import type { SecretKeyReader } from '../scm.types';
import { ScmHttpClient, type ScmAuth } from '../scm-http';

export const BITBUCKET_CLOUD_API = 'https://api.bitbucket.org/2.0';

export function bitbucketCloudClient(api: string | undefined, auth: () => Promise<ScmAuth>): ScmHttpClient {
  return new ScmHttpClient({ host: 'Bitbucket Cloud', baseUrl: api || BITBUCKET_CLOUD_API, auth });
}

/** Basic auth whose password is read from `ref` on the first request. */
export const basicFrom =
  (username: string, ref: { secretName: string; key: string }, read: SecretKeyReader) => async (): Promise<ScmAuth> => ({
    kind: 'basic',
    username,
    password: await read(ref),
  });

export const seg = encodeURIComponent;
