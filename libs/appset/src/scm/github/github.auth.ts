// How a GitHub generator entry authenticates, as Argo decides: a GitHub App when `appSecretName` is
// set, else the `tokenRef` token, else anonymously (public repositories).
import { gitHubAppCredentials, optionalSecret, type SecretRef } from '../scm.credentials';
import type { SecretKeyReader } from '../scm.types';
import type { GitHubAuth } from './github.client';

export interface GitHubAuthSpec {
  api?: string;
  tokenRef?: SecretRef;
  appSecretName?: string;
}

export async function gitHubAuth(spec: GitHubAuthSpec, read: SecretKeyReader): Promise<GitHubAuth> {
  if (spec.appSecretName) return { app: await gitHubAppCredentials(read, spec.appSecretName) };
  return { token: await optionalSecret(read, spec.tokenRef, 'tokenRef') };
}
