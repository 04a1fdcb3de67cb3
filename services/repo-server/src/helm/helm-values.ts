import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { stringify } from 'yaml';
import { RenderSafetyError } from '../limits/render-limits';
import { ManifestError } from '../render/directory.renderer';
import { envsubst } from '../render/build-env';
import type { RenderContext } from '../render/render-context';
import { resolveInRepo } from '../workspace/render-workspace.service';

/** `spec.source.helm` of an Application (the fields Argo CD reads). */
export interface HelmSourceOptions {
  releaseName?: string;
  namespace?: string;
  valueFiles?: string[];
  ignoreMissingValueFiles?: boolean;
  values?: string;
  valuesObject?: Record<string, unknown>;
  parameters?: { name: string; value?: string; forceString?: boolean }[];
  fileParameters?: { name: string; path: string }[];
  kubeVersion?: string;
  apiVersions?: string[];
  skipCrds?: boolean;
  skipTests?: boolean;
  skipSchemaValidation?: boolean;
  passCredentials?: boolean;
}

/** Value files from http(s) URLs are fetched by helm, as Argo allows; every other scheme is refused. */
const ALLOWED_SCHEMES = ['http', 'https'];

/**
 * A value or file-parameter path as helm should see it: `$ref/x` from another source's checkout,
 * an http(s) URL, or a path relative to the chart that must stay inside the repository.
 * Returns undefined for a missing file when `ignoreMissing`; otherwise a missing file names itself.
 */
export function resolveHelmFile(ctx: RenderContext, repoRoot: string, chartDir: string, raw: string, what: string, ignoreMissing = false): string | undefined {
  // A `$alias/…` path naming another source is resolved first, then substituted (as Argo does).
  const alias = raw.startsWith('$') ? raw.split('/')[0].slice(1) : '';
  const refRoot = alias ? ctx.refRoots.get(alias) : undefined;
  const p = refRoot ? raw : envsubst(raw, ctx.env);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(p)?.[1]?.toLowerCase();
  if (scheme) {
    if (ALLOWED_SCHEMES.includes(scheme)) return p;
    throw new RenderSafetyError(`${what} "${p}": the ${scheme}:// scheme is not allowed (only ${ALLOWED_SCHEMES.join(', ')})`);
  }
  const full = refRoot
    ? resolveInRepo(refRoot, '.', envsubst(raw.slice(alias.length + 2), ctx.env) || '.', what)
    : resolveInRepo(repoRoot, relative(repoRoot, chartDir), p, what);
  if (!existsSync(full) || !statSync(full).isFile()) {
    if (ignoreMissing) return undefined;
    throw new ManifestError(`${what} "${p}" not found in ${ctx.source.chart ?? ctx.appPath} (set ignoreMissingValueFiles to skip missing value files)`);
  }
  return full;
}

/** Argo's cleanSetParameters: commas are escaped unless the value is a `{a,b}` list. */
export const cleanSetValue = (v: string): string => (v.startsWith('{') && v.endsWith('}') ? v : v.replace(/(?<!\\),/g, '\\,'));

/** The inline values (valuesObject wins over the values string), as YAML, or undefined. */
export function inlineValues(helm: HelmSourceOptions): string | undefined {
  if (helm.valuesObject && Object.keys(helm.valuesObject).length) return stringify(helm.valuesObject);
  return helm.values?.trim() ? helm.values : undefined;
}

/** `values.yaml` flattened to Argo's parameter list: `a.b[0].c=value`, in file order. */
export function flattenValues(value: unknown, prefix = ''): { name: string; value: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => flattenValues(v, `${prefix}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flattenValues(v, prefix ? `${prefix}.${k}` : k));
  }
  return prefix ? [{ name: prefix, value: value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value) }] : [];
}
