import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ManifestError } from '../render/directory.renderer';
import { envsubst } from '../render/build-env';
import { KUSTOMIZATION_FILES } from '../render/source-type.detector';

/** `spec.source.kustomize` of an Application (the fields Argo CD applies with `kustomize edit`). */
export interface KustomizeSourceOptions {
  namePrefix?: string;
  nameSuffix?: string;
  images?: string[];
  replicas?: { name: string; count: number | string }[];
  commonLabels?: Record<string, string>;
  forceCommonLabels?: boolean;
  commonAnnotations?: Record<string, string>;
  forceCommonAnnotations?: boolean;
  commonAnnotationsEnvsubst?: boolean;
  namespace?: string;
  patches?: Record<string, unknown>[];
  components?: string[];
  ignoreMissingComponents?: boolean;
}

interface KustomizeImage {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

type Kustomization = Record<string, unknown>;

/** `name[:tag|@digest]`, where a `:` before the last `/` belongs to a registry host. */
function splitImage(ref: string): { name: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@');
  if (at >= 0) return { name: ref.slice(0, at), digest: ref.slice(at + 1) };
  const colon = ref.lastIndexOf(':');
  if (colon > ref.lastIndexOf('/')) return { name: ref.slice(0, colon), tag: ref.slice(colon + 1) };
  return { name: ref };
}

/** `kustomize edit set image` argument forms: `a=b:tag`, `a=b@digest`, `a=b`, `a:tag`, `a@digest`. */
export function parseImageOverride(arg: string): KustomizeImage {
  const eq = arg.split('=');
  if (eq.length === 2) {
    const p = splitImage(eq[1]);
    return { name: eq[0], newName: p.name, newTag: p.tag, digest: p.digest };
  }
  const p = splitImage(arg);
  if (!p.tag && !p.digest) throw new ManifestError(`kustomize image override "${arg}": expected name:tag, name@digest or name=newName[:tag]`);
  return { name: p.name, newTag: p.tag, digest: p.digest };
}

function setImage(k: Kustomization, image: KustomizeImage): void {
  const images = ((k.images as KustomizeImage[] | undefined) ?? []).map((i) => ({ ...i }));
  const existing = images.find((i) => i.name === image.name);
  const target = existing ?? { name: image.name };
  if (image.newName) target.newName = image.newName;
  if (image.newTag) {
    target.newTag = image.newTag;
    delete target.digest;
  }
  if (image.digest) {
    target.digest = image.digest;
    delete target.newTag;
  }
  if (!existing) images.push(target);
  k.images = images;
}

function addToMap(k: Kustomization, field: string, entries: Record<string, string>, force: boolean, what: string): void {
  const map = { ...((k[field] as Record<string, string> | undefined) ?? {}) };
  for (const [key, value] of Object.entries(entries)) {
    if (key in map && !force) throw new ManifestError(`${what} ${key} already in kustomization file; set force${what === 'label' ? 'CommonLabels' : 'CommonAnnotations'} to override`);
    map[key] = value;
  }
  k[field] = map;
}

/** The kustomization file in `dir`, as kustomize looks for it. */
export const kustomizationFile = (dir: string): string | undefined => KUSTOMIZATION_FILES.map((f) => join(dir, f)).find((f) => existsSync(f));

/**
 * Applies the Application's kustomize overrides to the kustomization in `appDir` the way Argo's
 * `kustomize edit` calls do, in TypeScript and on the render's private copy only.
 */
export function applyKustomizeOverrides(appDir: string, opts: KustomizeSourceOptions, env: Record<string, string>): void {
  const file = kustomizationFile(appDir);
  if (!file) throw new ManifestError(`${appDir}: no kustomization file to apply overrides to`);
  const k = (parse(readFileSync(file, 'utf8'), { maxAliasCount: 100 }) as Kustomization | null) ?? {};
  if (opts.namePrefix) k.namePrefix = opts.namePrefix;
  if (opts.nameSuffix) k.nameSuffix = opts.nameSuffix;
  for (const image of opts.images ?? []) setImage(k, parseImageOverride(envsubst(image, env)));
  for (const r of opts.replicas ?? []) {
    const count = Number(r.count);
    if (!Number.isInteger(count)) throw new ManifestError(`kustomize replicas for ${r.name}: "${r.count}" is not a whole number`);
    const replicas = ((k.replicas as { name: string; count: number }[] | undefined) ?? []).filter((x) => x.name !== r.name);
    k.replicas = [...replicas, { name: r.name, count }];
  }
  if (opts.commonLabels && Object.keys(opts.commonLabels).length) {
    const labels = Object.fromEntries(Object.entries(opts.commonLabels).map(([n, v]) => [n, envsubst(v, env)]));
    addToMap(k, 'commonLabels', labels, !!opts.forceCommonLabels, 'label');
  }
  if (opts.commonAnnotations && Object.keys(opts.commonAnnotations).length) {
    const annotations = opts.commonAnnotationsEnvsubst ? Object.fromEntries(Object.entries(opts.commonAnnotations).map(([n, v]) => [n, envsubst(v, env)])) : opts.commonAnnotations;
    addToMap(k, 'commonAnnotations', annotations, !!opts.forceCommonAnnotations, 'annotation');
  }
  if (opts.namespace) k.namespace = opts.namespace;
  if (opts.patches?.length) k.patches = [...((k.patches as unknown[] | undefined) ?? []), ...opts.patches];
  if (opts.components?.length) {
    const found = opts.components.filter((c) => existsSync(join(appDir, c)));
    const missing = opts.components.filter((c) => !found.includes(c));
    if (missing.length && !opts.ignoreMissingComponents) throw new ManifestError(`kustomize component ${missing.join(', ')} not found (set ignoreMissingComponents to skip)`);
    k.components = [...((k.components as string[] | undefined) ?? []), ...found];
  }
  // A fresh regular file in place of whatever was there: never write through a link, even one
  // that stays in the checkout (its target may be another kustomization of this render).
  rmSync(file);
  writeFileSync(file, stringify(k), { flag: 'wx' });
}
