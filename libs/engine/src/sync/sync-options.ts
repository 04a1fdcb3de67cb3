// Sync options (`Key=value` strings) from the Application, the operation, and per resource from
// argocd.argoproj.io/sync-options. https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/
import { SYNC_OPTIONS_ANNOTATION, type KubeObject } from '@flotilla/api-types';
import { annotationCsv } from '../object/annotations';

export interface SyncOptions {
  createNamespace: boolean;
  pruneLast: boolean;
  applyOutOfSyncOnly: boolean;
  replace: boolean;
  force: boolean;
  serverSideApply: boolean;
  validate: boolean;
  /** False when the resource says `Prune=false`: never deleted by a sync. */
  prune: boolean;
  /** `Delete=false`: kept when the Application is deleted. */
  delete: boolean;
  skipDryRunOnMissingResource: boolean;
  respectIgnoreDifferences: boolean;
  /** `FailOnSharedResource=true`: a sync stops when another app already tracks one of its resources. */
  failOnSharedResource: boolean;
  /** `PrunePropagationPolicy=foreground|background|orphan`. */
  prunePropagationPolicy: 'foreground' | 'background' | 'orphan';
  /** Options this version does not know, kept so they can be reported. */
  unknown: string[];
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  createNamespace: false,
  pruneLast: false,
  applyOutOfSyncOnly: false,
  replace: false,
  force: false,
  serverSideApply: false,
  validate: true,
  prune: true,
  delete: true,
  skipDryRunOnMissingResource: false,
  respectIgnoreDifferences: false,
  failOnSharedResource: false,
  prunePropagationPolicy: 'foreground',
  unknown: [],
};

type BoolOption = Exclude<keyof SyncOptions, 'prunePropagationPolicy' | 'unknown'>;

const BOOL_KEYS: Record<string, BoolOption> = {
  CreateNamespace: 'createNamespace',
  PruneLast: 'pruneLast',
  ApplyOutOfSyncOnly: 'applyOutOfSyncOnly',
  Replace: 'replace',
  Force: 'force',
  ServerSideApply: 'serverSideApply',
  Validate: 'validate',
  Prune: 'prune',
  Delete: 'delete',
  SkipDryRunOnMissingResource: 'skipDryRunOnMissingResource',
  RespectIgnoreDifferences: 'respectIgnoreDifferences',
  FailOnSharedResource: 'failOnSharedResource',
};

/** Applies `Key=value` options over base; later options win, as Argo reads them in order. */
export function parseSyncOptions(options: readonly string[], base: SyncOptions = DEFAULT_SYNC_OPTIONS): SyncOptions {
  const out: SyncOptions = { ...base, unknown: [...base.unknown] };
  for (const raw of options) {
    const [key, value = ''] = raw.split('=', 2).map((s) => s.trim());
    const field = BOOL_KEYS[key];
    if (field && (value === 'true' || value === 'false')) out[field] = value === 'true';
    else if (key === 'PrunePropagationPolicy' && ['foreground', 'background', 'orphan'].includes(value))
      out.prunePropagationPolicy = value as SyncOptions['prunePropagationPolicy'];
    else out.unknown.push(raw);
  }
  return out;
}

/** A resource's effective options: its annotation overrides the app's. */
export const resourceSyncOptions = (appOptions: SyncOptions, obj: KubeObject | undefined): SyncOptions =>
  parseSyncOptions(annotationCsv(obj, SYNC_OPTIONS_ANNOTATION), appOptions);
