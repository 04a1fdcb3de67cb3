// What an ApplicationSet author may make the pullRequest and scmProvider generators do with the
// namespace's Secrets, as Argo's --enable-scm-providers, --allowed-scm-providers and
// --token-ref-strict-mode decide: the generators send a token read from a Secret of the control-plane
// namespace to the `api` URL the author writes, so an operator can switch them off, pin the hosts
// they may call, and restrict which Secrets a tokenRef may name.
import { SECRET_TYPE_LABEL } from '@flotilla/api-types';
import { isPlainObject } from '../json/json-value';
import { GeneratorError } from '../generators/generator.types';

/** The label value a Secret must carry for a tokenRef to read it in strict mode. */
export const SECRET_TYPE_SCM_CREDS = 'scm-creds';

export interface ScmSafetyOptions {
  /** Argo's --enable-scm-providers: false fails both generators before any Secret is read (default true). */
  readonly enableScmProviders?: boolean;
  /** Argo's --allowed-scm-providers: the custom `api` URLs allowed; empty allows every URL (default). */
  readonly allowedScmProviders?: readonly string[];
  /** Argo's tokenRef strict mode: a Secret the generators read must be labelled secret-type=scm-creds (default false). */
  readonly tokenRefStrictMode?: boolean;
}

/** Argo's defaults: permissive, so existing ApplicationSets keep working until an operator opts in. */
export const SCM_SAFETY_DEFAULTS: Required<ScmSafetyOptions> = {
  enableScmProviders: true,
  allowedScmProviders: [],
  tokenRefStrictMode: false,
};

export const SCM_PROVIDERS_DISABLED = 'scm providers are disabled';

/**
 * Fails unless the generators are enabled and every provider block of the spec that names a custom
 * `api` names an allowed one. A block without `api` talks to its host's public default (api.github.com,
 * gitlab.com…), which the author cannot redirect, so Argo lets it through and so does this.
 */
export function checkScmProviderAllowed(spec: Record<string, unknown>, providerKeys: readonly string[], opts: ScmSafetyOptions): void {
  if (opts.enableScmProviders === false) throw new GeneratorError(SCM_PROVIDERS_DISABLED);
  const allowed = (opts.allowedScmProviders ?? []).filter((url) => url !== '');
  if (allowed.length === 0) return;
  // Every provider block present is checked, not only the one dispatch picks, so the order of keys cannot matter.
  for (const key of providerKeys) {
    const block = spec[key];
    if (!isPlainObject(block) || block.api === undefined || block.api === null || block.api === '') continue;
    if (typeof block.api !== 'string') throw new GeneratorError(`scm provider not allowed: ${key}.api must be a string`);
    if (!allowed.some((url) => sameUrl(url, block.api as string)))
      throw new GeneratorError(
        `scm provider not allowed: scm provider "${shownUrl(block.api)}" not allowed, must use one of the following: ${allowed.map(shownUrl).join(', ')}`,
      );
  }
}

/** Exact match as Argo compares, but a trailing slash on either side does not make two URLs differ. */
const sameUrl = (a: string, b: string): boolean => a.trim().replace(/\/+$/, '') === b.trim().replace(/\/+$/, '');

/** A URL as a message may show it: any user:password written into it is masked. */
function shownUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
}

/** In strict mode, a Secret a tokenRef names must carry Argo's scm-creds type label; the message names the Secret, never its data. */
export function checkScmCredsSecret(namespace: string, name: string, labels: Record<string, string> | undefined, strict: boolean): void {
  if (!strict || labels?.[SECRET_TYPE_LABEL] === SECRET_TYPE_SCM_CREDS) return;
  throw new GeneratorError(
    `secret ${namespace}/${name} is not a valid SCM creds secret: secret must have label "${SECRET_TYPE_LABEL}"="${SECRET_TYPE_SCM_CREDS}"`,
  );
}
