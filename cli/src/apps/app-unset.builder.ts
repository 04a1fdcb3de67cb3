// What `app unset` clears on one source, as argocd's unset: Kustomize, Helm and plugin overrides
// and the ref, each only on a source of that kind.
import type { ApplicationSource } from '@flotilla/api-types';
import { dropEmptyBlocks, sameImage } from './app-source.builder';

export interface UnsetFlags {
  parameter?: string[];
  values?: string[];
  valuesLiteral?: boolean;
  ignoreMissingValueFiles?: boolean;
  nameprefix?: boolean;
  namesuffix?: boolean;
  kustomizeVersion?: boolean;
  kustomizeNamespace?: boolean;
  kustomizeImage?: string[];
  kustomizeReplica?: string[];
  ignoreMissingComponents?: boolean;
  pluginEnv?: string[];
  passCredentials?: boolean;
  ref?: boolean;
}

type Json = Record<string, unknown>;

const kustomizeUnsetGiven = (f: UnsetFlags): boolean =>
  Boolean(f.nameprefix || f.namesuffix || f.kustomizeVersion || f.kustomizeNamespace || f.ignoreMissingComponents || f.kustomizeImage?.length || f.kustomizeReplica?.length);
const helmUnsetGiven = (f: UnsetFlags): boolean => Boolean(f.parameter?.length || f.values?.length || f.valuesLiteral || f.ignoreMissingValueFiles || f.passCredentials);

/** Deletes each field whose flag is on and that holds something; whether any did. */
function clearFields(block: Json, fields: [boolean | undefined, string][]): boolean {
  let changed = false;
  for (const [on, field] of fields) {
    if (on && block[field]) {
      delete block[field];
      changed = true;
    }
  }
  return changed;
}

/** Keeps the entries of `block[field]` that `keep` accepts; whether any went. */
function removeEntries<T>(block: Json, field: string, keep: (entry: T) => boolean): boolean {
  const list = block[field];
  if (!Array.isArray(list)) return false;
  const kept = (list as T[]).filter(keep);
  block[field] = kept;
  return kept.length !== list.length;
}

function unsetKustomize(k: Json, f: UnsetFlags): boolean {
  const cleared = clearFields(k, [
    [f.nameprefix, 'namePrefix'],
    [f.namesuffix, 'nameSuffix'],
    [f.kustomizeVersion, 'version'],
    [f.kustomizeNamespace, 'namespace'],
    [f.ignoreMissingComponents, 'ignoreMissingComponents'],
  ]);
  const images = f.kustomizeImage?.length ? removeEntries<string>(k, 'images', (item) => !f.kustomizeImage!.some((image) => sameImage(image, item))) : false;
  const replicas = f.kustomizeReplica?.length ? removeEntries<Json>(k, 'replicas', (r) => !f.kustomizeReplica!.includes(String(r.name))) : false;
  return cleared || images || replicas;
}

function unsetHelm(h: Json, f: UnsetFlags): boolean {
  const params = f.parameter?.length ? removeEntries<Json>(h, 'parameters', (p) => !f.parameter!.includes(String(p.name))) : false;
  const files = f.values?.length ? removeEntries<string>(h, 'valueFiles', (v) => !f.values!.includes(v)) : false;
  let literal = false;
  if (f.valuesLiteral && (h.valuesObject !== undefined || h.values)) {
    delete h.valuesObject;
    delete h.values;
    literal = true;
  }
  const cleared = clearFields(h, [
    [f.ignoreMissingValueFiles, 'ignoreMissingValueFiles'],
    [f.passCredentials, 'passCredentials'],
  ]);
  return params || files || literal || cleared;
}

/**
 * Clears what the flags name on `source` in place: `updated` when anything named was set,
 * `nothingToUnset` when no flag given applies to the kind of source it is.
 */
export function unsetSource(source: ApplicationSource, f: UnsetFlags): { updated: boolean; nothingToUnset: boolean } {
  let updated = false;
  const refCleared = Boolean(f.ref && source.ref);
  if (refCleared) {
    delete source.ref;
    updated = true;
  }
  if (source.kustomize) {
    if (!kustomizeUnsetGiven(f)) return { updated, nothingToUnset: !refCleared };
    updated = unsetKustomize(source.kustomize, f) || updated;
  }
  if (source.helm) {
    if (!helmUnsetGiven(f)) return { updated, nothingToUnset: !refCleared };
    updated = unsetHelm(source.helm, f) || updated;
  }
  if (source.plugin) {
    if (!f.pluginEnv?.length) return { updated: false, nothingToUnset: !refCleared };
    updated = removeEntries<Json>(source.plugin, 'env', (e) => !f.pluginEnv!.includes(String(e.name))) || updated;
  }
  dropEmptyBlocks(source);
  return { updated, nothingToUnset: false };
}
