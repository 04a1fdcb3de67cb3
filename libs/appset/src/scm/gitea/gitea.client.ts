// The Gitea REST API (https://gitea.com/api/swagger) as both Gitea generators reach it: `api` is the server's
// root URL with /api/v1 added, as the Gitea SDK does, and a `tokenRef` is sent as `Authorization: token …`.
import type { SecretKeyReader } from '../scm.types';
import { ScmHttpClient, requiredString, secretRefOf, type ScmAuth } from '../scm-http';

export interface GiteaConnection {
  api: string;
  tokenRef?: { secretName: string; key: string };
  insecure?: boolean;
}

export function giteaClient(spec: GiteaConnection, read: SecretKeyReader, field: string): ScmHttpClient {
  const api = requiredString(spec.api, `${field}.api`);
  const ref = spec.tokenRef === undefined || spec.tokenRef === null ? undefined : secretRefOf(spec.tokenRef, `${field}.tokenRef`);
  const auth = async (): Promise<ScmAuth> => (ref ? { kind: 'token', token: await read(ref) } : { kind: 'none' });
  return new ScmHttpClient({ host: 'Gitea', baseUrl: `${api.replace(/\/+$/, '')}/api/v1`, auth, insecure: spec.insecure === true });
}

/** Gitea's page size cap (MAX_RESPONSE_ITEMS defaults to 50). */
export const GITEA_PAGE = 50;

export const seg = encodeURIComponent;
