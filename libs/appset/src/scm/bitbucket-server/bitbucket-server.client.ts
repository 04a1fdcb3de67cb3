// The Bitbucket Server / Data Center REST API (…/rest/api/1.0) as both generators reach it: `api` gets /rest
// added unless it ends in it (as Argo normalises it), credentials are a bearer token or basic auth (the token
// wins when both are given, as in Argo), and the CA of `caRef` is trusted besides the system's.
import { GeneratorError } from '../../generators/generator.types';
import type { SecretKeyReader } from '../scm.types';
import { ScmHttpClient, requiredString, secretRefOf, type ScmAuth } from '../scm-http';

export interface BitbucketServerBasicAuth {
  username: string;
  passwordRef: { secretName: string; key: string };
}

export interface BitbucketServerConnection {
  api: string;
  basicAuth?: BitbucketServerBasicAuth;
  bearerToken?: { tokenRef: { secretName: string; key: string } };
  insecure?: boolean;
  caRef?: { configMapName: string; key: string };
}

/** Reads one key of a ConfigMap in the ApplicationSet's namespace (for `caRef`). */
export type ConfigMapKeyReader = (ref: { configMapName: string; key: string }) => Promise<string>;

export function bitbucketServerApiBase(api: string): string {
  const trimmed = api.replace(/\/+$/, '');
  return trimmed.endsWith('/rest') ? trimmed : `${trimmed}/rest`;
}

export function bitbucketServerClient(
  spec: BitbucketServerConnection,
  read: SecretKeyReader,
  field: string,
  readConfigMap?: ConfigMapKeyReader,
): ScmHttpClient {
  const api = requiredString(spec.api, `${field}.api`);
  let auth: () => Promise<ScmAuth> = () => Promise.resolve({ kind: 'none' });
  if (spec.bearerToken) {
    const ref = secretRefOf(spec.bearerToken.tokenRef, `${field}.bearerToken.tokenRef`);
    auth = async () => ({ kind: 'bearer', token: await read(ref) });
  } else if (spec.basicAuth) {
    const username = requiredString(spec.basicAuth.username, `${field}.basicAuth.username`);
    const ref = secretRefOf(spec.basicAuth.passwordRef, `${field}.basicAuth.passwordRef`);
    auth = async () => ({ kind: 'basic', username, password: await read(ref) });
  }
  const caRef = spec.caRef ? configMapRefOf(spec.caRef, `${field}.caRef`) : undefined;
  if (caRef && !readConfigMap) throw new GeneratorError(`${field}.caRef needs access to ConfigMaps in the ApplicationSet's namespace`);
  return new ScmHttpClient({
    host: 'Bitbucket Server',
    baseUrl: bitbucketServerApiBase(api),
    auth,
    // Bitbucket's XSRF check wants these on API calls made with credentials.
    headers: { 'x-atlassian-token': 'no-check', 'x-requested-with': 'XMLHttpRequest' },
    insecure: spec.insecure === true,
    ...(caRef && readConfigMap ? { caPem: () => readConfigMap(caRef) } : {}),
  });
}

function configMapRefOf(ref: unknown, field: string): { configMapName: string; key: string } {
  const r = ref as { configMapName?: unknown; key?: unknown };
  if (typeof r.configMapName !== 'string' || !r.configMapName || typeof r.key !== 'string' || !r.key) {
    throw new GeneratorError(`${field} must name a configMapName and a key`);
  }
  return { configMapName: r.configMapName, key: r.key };
}

export const seg = encodeURIComponent;
