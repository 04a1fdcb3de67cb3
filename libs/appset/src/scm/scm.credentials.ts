// Credentials the source-code hosts need, read from Secrets in the ApplicationSet's namespace as Argo
// reads them (tokenRef, basicAuth.passwordRef, bearerToken.tokenRef, appSecretName). Errors name the
// Secret and key, never the value.
import { isPlainObject } from '../json/json-value';
import { GeneratorContext, GeneratorError, type HubSecret } from '../generators/generator.types';
import { checkScmCredsSecret } from './scm.safety';
import type { SecretKeyReader } from './scm.types';

export interface SecretRef {
  secretName: string;
  key: string;
}

/**
 * Reads Secret keys through the generator's hub; a missing Secret or key is a GeneratorError naming it.
 * With `strict` (tokenRef strict mode) a Secret without the scm-creds type label is refused before its data is used.
 */
export function secretKeyReader(ctx: GeneratorContext, strict = false): SecretKeyReader {
  return async ({ secretName, key }) => {
    const data = await secretData(ctx, secretName, strict);
    const value = data[key];
    if (value === undefined)
      throw new GeneratorError(`key "${key}" in secret "${secretName}" in namespace "${namespaceOf(ctx)}" not found`);
    return value;
  };
}

/** Reads ConfigMap keys through the generator's hub (a `caRef`); a missing ConfigMap or key is a GeneratorError naming it. */
export function configMapKeyReader(ctx: GeneratorContext): (ref: { configMapName: string; key: string }) => Promise<string> {
  return async ({ configMapName, key }) => {
    if (!ctx.hub) throw new GeneratorError(`cannot read configmap "${configMapName}": no access to the ApplicationSet's namespace`);
    const data = await ctx.hub.configMapData(configMapName);
    if (!data) throw new GeneratorError(`configmap "${configMapName}" not found in namespace "${ctx.hub.namespace}"`);
    const value = data[key];
    if (value === undefined)
      throw new GeneratorError(`key "${key}" in configmap "${configMapName}" in namespace "${ctx.hub.namespace}" not found`);
    return value;
  };
}

/** A `*Ref` field of the spec: absent means no credential (public access), as Argo does. */
export async function optionalSecret(read: SecretKeyReader, ref: unknown, field: string): Promise<string> {
  if (ref === undefined || ref === null) return '';
  return read(requireSecretRef(ref, field));
}

export function requireSecretRef(ref: unknown, field: string): SecretRef {
  if (!isPlainObject(ref) || typeof ref.secretName !== 'string' || ref.secretName === '' || typeof ref.key !== 'string' || ref.key === '')
    throw new GeneratorError(`${field} must name a secretName and a key`);
  return { secretName: ref.secretName, key: ref.key };
}

/** A GitHub App's credentials, from a Secret with Argo's keys. */
export interface GitHubAppCredentials {
  appId: string;
  installationId: string;
  privateKey: string;
  /** GitHub Enterprise: the API base the App is registered on. */
  enterpriseBaseUrl?: string;
}

/** Reads the App's Secret key by key; the Enterprise base URL is optional. */
export async function gitHubAppCredentials(read: SecretKeyReader, secretName: string): Promise<GitHubAppCredentials> {
  const need = async (key: string): Promise<string> => {
    try {
      return await read({ secretName, key });
    } catch (err) {
      throw new GeneratorError(`error getting GitHub App secret: ${(err as Error).message}`);
    }
  };
  const creds: GitHubAppCredentials = {
    appId: await need('githubAppID'),
    installationId: await need('githubAppInstallationID'),
    privateKey: await need('githubAppPrivateKey'),
  };
  const enterpriseBaseUrl = await read({ secretName, key: 'githubAppEnterpriseBaseUrl' }).catch(() => '');
  if (enterpriseBaseUrl) creds.enterpriseBaseUrl = enterpriseBaseUrl;
  return creds;
}

async function secretData(ctx: GeneratorContext, secretName: string, strict: boolean): Promise<Record<string, string>> {
  if (!ctx.hub) throw new GeneratorError(`cannot read secret "${secretName}": no access to the ApplicationSet's namespace`);
  let secret: HubSecret | undefined;
  try {
    secret = await ctx.hub.secret(secretName);
  } catch (err) {
    throw new GeneratorError(`error fetching secret "${secretName}" in namespace "${ctx.hub.namespace}": ${(err as Error).message}`);
  }
  if (!secret) throw new GeneratorError(`secret "${secretName}" not found in namespace "${ctx.hub.namespace}"`);
  checkScmCredsSecret(ctx.hub.namespace, secretName, secret.labels, strict);
  return secret.data;
}

const namespaceOf = (ctx: GeneratorContext): string => ctx.hub?.namespace ?? ctx.appSet.metadata.namespace ?? '';
