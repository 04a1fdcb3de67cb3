// The parameters form's state for one source (directory, Helm, Kustomize) and sync policy, and back
// to the spec it edits: fields left empty are dropped, everything the form does not show is kept.
import type { ApplicationSource, ApplicationSpec } from '@flotilla/api-types';

export type SourceKind = 'Directory' | 'Helm' | 'Kustomize';

export interface SourceForm {
  kind: SourceKind;
  repoURL: string;
  path: string;
  targetRevision: string;
  recurse: boolean;
  include: string;
  exclude: string;
  valueFiles: string;
  values: string;
  parameters: string;
  images: string;
  namePrefix: string;
  nameSuffix: string;
  automated: boolean;
  autoPrune: boolean;
  selfHeal: boolean;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The source the form edits: spec.source, or the first of spec.sources. */
export const editedSource = (spec: ApplicationSpec): ApplicationSource | undefined => spec.source ?? spec.sources?.[0];

export function toForm(spec: ApplicationSpec, sourceType?: string): SourceForm {
  const s = editedSource(spec);
  const helm = s?.helm ?? {};
  const kustomize = s?.kustomize ?? {};
  const params = (Array.isArray(helm.parameters) ? helm.parameters : []) as { name?: string; value?: string }[];
  const kind: SourceKind = s?.helm || s?.chart || sourceType === 'Helm' ? 'Helm' : s?.kustomize || sourceType === 'Kustomize' ? 'Kustomize' : 'Directory';
  const automated = spec.syncPolicy?.automated;
  return {
    kind,
    repoURL: s?.repoURL ?? '',
    path: s?.path ?? '',
    targetRevision: s?.targetRevision ?? '',
    recurse: !!s?.directory?.recurse,
    include: s?.directory?.include ?? '',
    exclude: s?.directory?.exclude ?? '',
    valueFiles: list(helm.valueFiles).join('\n'),
    values: str(helm.values),
    parameters: params.map((p) => `${p.name ?? ''}=${p.value ?? ''}`).join('\n'),
    images: list(kustomize.images).join('\n'),
    namePrefix: str(kustomize.namePrefix),
    nameSuffix: str(kustomize.nameSuffix),
    automated: !!automated && automated.enabled !== false,
    autoPrune: !!automated?.prune,
    selfHeal: !!automated?.selfHeal,
  };
}

const compact = <T extends Record<string, unknown>>(obj: T): T | undefined => {
  const kept = Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0)));
  return Object.keys(kept).length ? (kept as T) : undefined;
};

export function fromForm(spec: ApplicationSpec, f: SourceForm): ApplicationSpec {
  const old = editedSource(spec);
  const source: ApplicationSource = { ...old, repoURL: f.repoURL, path: f.path || undefined, targetRevision: f.targetRevision || undefined };
  delete source.directory;
  delete source.helm;
  delete source.kustomize;
  if (f.kind === 'Directory') source.directory = compact({ ...old?.directory, recurse: f.recurse, include: f.include, exclude: f.exclude });
  if (f.kind === 'Helm') {
    const parameters = lines(f.parameters).map((l) => {
      const eq = l.indexOf('=');
      return eq < 0 ? { name: l, value: '' } : { name: l.slice(0, eq), value: l.slice(eq + 1) };
    });
    source.helm = compact({ ...old?.helm, valueFiles: lines(f.valueFiles), values: f.values, parameters });
  }
  if (f.kind === 'Kustomize') source.kustomize = compact({ ...old?.kustomize, images: lines(f.images), namePrefix: f.namePrefix, nameSuffix: f.nameSuffix });
  const next: ApplicationSpec = { ...spec };
  if (spec.sources?.length && !spec.source) next.sources = [source, ...spec.sources.slice(1)];
  else next.source = source;
  const policy = { ...spec.syncPolicy };
  delete policy.automated;
  if (f.automated) policy.automated = { ...spec.syncPolicy?.automated, prune: f.autoPrune, selfHeal: f.selfHeal, enabled: undefined };
  next.syncPolicy = compact(policy);
  if (!next.syncPolicy) delete next.syncPolicy;
  return next;
}
