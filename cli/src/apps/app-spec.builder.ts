// `app create`: an Application from flags, or from a manifest file with flags overriding it, the way
// argocd's ConstructApps merges them (only flags the user gave change anything).
import type { Application, ApplicationSpec, SyncPolicy } from '@flotilla/api-types';
import { ARGO_API_VERSION } from '@flotilla/api-types';
import { parseAllDocuments } from 'yaml';
import { parseKeyValues } from '../command/option.parsers';

/** Flags of `app create`; undefined means "not given". */
export interface AppFlags {
  repo?: string;
  path?: string;
  revision?: string;
  destServer?: string;
  destName?: string;
  destNamespace?: string;
  project?: string;
  syncPolicy?: string;
  autoPrune?: boolean;
  selfHeal?: boolean;
  syncOption?: string[];
  directoryRecurse?: boolean;
  label?: string[];
  annotations?: string[];
}

export class AppSpecError extends Error {}

/** Applies the given flags to a spec in place. */
export function applyAppFlags(spec: ApplicationSpec, flags: AppFlags): void {
  if (flags.repo !== undefined || flags.path !== undefined || flags.revision !== undefined || flags.directoryRecurse !== undefined) {
    const source = (spec.source ??= { repoURL: '' });
    if (flags.repo !== undefined) source.repoURL = flags.repo;
    if (flags.path !== undefined) source.path = flags.path;
    if (flags.revision !== undefined) source.targetRevision = flags.revision;
    if (flags.directoryRecurse !== undefined) source.directory = { ...source.directory, recurse: flags.directoryRecurse };
  }
  spec.destination ??= {};
  if (flags.destServer !== undefined) spec.destination.server = flags.destServer;
  if (flags.destName !== undefined) spec.destination.name = flags.destName;
  if (flags.destNamespace !== undefined) spec.destination.namespace = flags.destNamespace;
  if (flags.project !== undefined) spec.project = flags.project;
  applySyncPolicyFlags(spec, flags);
}

function applySyncPolicyFlags(spec: ApplicationSpec, flags: AppFlags): void {
  const policy: SyncPolicy = spec.syncPolicy ?? {};
  if (flags.syncPolicy !== undefined) {
    const p = flags.syncPolicy.toLowerCase();
    if (p === 'none' || p === 'manual') delete policy.automated;
    else if (p === 'automated' || p === 'automatic' || p === 'auto') policy.automated = {};
    else throw new AppSpecError(`Invalid sync-policy: ${flags.syncPolicy}`);
  }
  for (const option of flags.syncOption ?? []) {
    const remove = option.startsWith('!');
    const value = remove ? option.slice(1) : option;
    const key = value.split('=')[0];
    const rest = (policy.syncOptions ?? []).filter((o) => (remove ? o !== value : o.split('=')[0] !== key));
    policy.syncOptions = remove ? rest : [...rest, value];
  }
  if (flags.autoPrune !== undefined || flags.selfHeal !== undefined) {
    // Like argocd: prune/self-heal on a manual app are recorded but automation stays off.
    policy.automated ??= { enabled: false };
    if (flags.autoPrune !== undefined) policy.automated.prune = flags.autoPrune;
    if (flags.selfHeal !== undefined) policy.automated.selfHeal = flags.selfHeal;
  }
  if (policy.syncOptions?.length === 0) delete policy.syncOptions;
  if (Object.keys(policy).length > 0) spec.syncPolicy = policy;
  else delete spec.syncPolicy;
}

function withMetadata(app: Application, flags: AppFlags): Application {
  const labels = { ...app.metadata.labels, ...parseKeyValues(flags.label) };
  const annotations = { ...app.metadata.annotations, ...parseKeyValues(flags.annotations, 'annotation') };
  if (Object.keys(labels).length > 0) app.metadata.labels = labels;
  if (Object.keys(annotations).length > 0) app.metadata.annotations = annotations;
  return app;
}

/** Applications described by a manifest file (one or more YAML/JSON documents). */
export function parseApplications(text: string, source: string): Application[] {
  const docs = parseAllDocuments(text);
  const apps: Application[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new AppSpecError(`${source}: ${doc.errors[0].message}`);
    const value = doc.toJS() as Application | null;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || value.kind !== 'Application') throw new AppSpecError(`${source}: expected an Application manifest, got kind ${String((value as { kind?: unknown })?.kind)}`);
    apps.push(value);
  }
  return apps;
}

/** The Applications `app create NAME [flags] [-f file]` will send. */
export function buildApplications(input: { name?: string; file?: { text: string; source: string }; flags: AppFlags }): Application[] {
  if (input.file) {
    const apps = parseApplications(input.file.text, input.file.source);
    if (apps.length === 0) throw new AppSpecError(`${input.file.source}: no Application found`);
    return apps.map((app) => {
      if (input.name && input.name !== app.metadata?.name) throw new AppSpecError(`app name '${input.name}' does not match app spec metadata.name '${app.metadata?.name}'`);
      if (!app.metadata?.name) throw new AppSpecError('app.Name is empty. --name argument can be used to provide app.Name');
      app.apiVersion ??= ARGO_API_VERSION;
      if (!app.spec.sources?.length) applyAppFlags(app.spec, input.flags);
      return withMetadata(app, input.flags);
    });
  }
  if (!input.name) throw new AppSpecError('application name is required: flotilla app create NAME --repo URL --path PATH --dest-server URL --dest-namespace NS');
  const app: Application = {
    apiVersion: ARGO_API_VERSION,
    kind: 'Application',
    metadata: { name: input.name.includes('/') ? input.name.slice(input.name.lastIndexOf('/') + 1) : input.name },
    spec: { project: '', destination: {} },
  };
  applyAppFlags(app.spec, input.flags);
  if (!app.spec.project) app.spec.project = 'default';
  return [withMetadata(app, input.flags)];
}

/** Whether an upsert changed anything the user controls (argocd's hasAppChanged). */
export function appChanged(requested: Application, stored: Application): boolean {
  const norm = (a: Application): string =>
    JSON.stringify(sortKeys({ spec: { ...a.spec, project: a.spec.project || 'default' }, labels: a.metadata.labels ?? {}, annotations: a.metadata.annotations ?? {}, finalizers: a.metadata.finalizers ?? [] }));
  return norm(requested) !== norm(stored);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}
