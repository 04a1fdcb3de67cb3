// The spec normalisation Argo applies on both sides before comparing, so the ApplicationSet controller
// does not fight the defaults other writers fill in (e.g. an empty project meaning `default`).
import type { ApplicationSource, ApplicationSpec } from '@flotilla/api-types';
import { cloneJson, isPlainObject } from '@flotilla/appset';

export function normalizeSpec(spec: ApplicationSpec | undefined): ApplicationSpec {
  const out = cloneJson(spec ?? ({} as ApplicationSpec));
  if (!out.project) out.project = 'default';
  if (out.syncPolicy !== undefined && isZeroSyncPolicy(out.syncPolicy)) delete out.syncPolicy;
  for (const source of out.sources?.length ? out.sources : out.source ? [out.source] : []) normalizeSource(source);
  return out;
}

/** Empty tool sections carry no meaning; dropping them lets users switch source types cleanly. */
function normalizeSource(source: ApplicationSource): void {
  for (const key of ['helm', 'kustomize', 'directory', 'plugin'] as const) {
    if (source[key] !== undefined && isEmptyDeep(source[key])) delete source[key];
  }
}

/** `automated: {}` turns auto-sync on, so only absent sections make a sync policy empty. */
const isZeroSyncPolicy = (p: NonNullable<ApplicationSpec['syncPolicy']> | null): boolean =>
  p === null || (p.automated == null && !p.syncOptions?.length && p.retry == null && p.managedNamespaceMetadata == null);

const isEmptyDeep = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === '' ||
  v === false ||
  v === 0 ||
  (Array.isArray(v) && v.length === 0) ||
  (isPlainObject(v) && Object.values(v).every(isEmptyDeep));
