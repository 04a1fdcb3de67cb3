// What `app set` and `app add-source` do to one source of an Application: the Helm, Kustomize,
// directory and plugin flags as argocd's ConstructSource applies them, and the choice of source by
// --source-position (counting from 1) or --source-name.
import type { Application, ApplicationSource, ApplicationSpec } from '@flotilla/api-types';
import { parse as parseYaml } from 'yaml';
import { parseKeyValues } from '../command/option.parsers';
import { AppSpecError, applyAppFlags, type AppFlags } from './app-spec.builder';
import { applySetSyncPolicy, type SyncPolicyFlags } from './app-sync-policy.builder';

/** Source flags beyond app create's; undefined means "not given". */
export interface SourceFlags {
  helmChart?: string;
  values?: string[];
  /** The contents of --values-literal-file, read by the command. */
  valuesLiteral?: string;
  ignoreMissingValueFiles?: boolean;
  releaseName?: string;
  helmVersion?: string;
  helmPassCredentials?: boolean;
  helmSet?: string[];
  helmSetString?: string[];
  helmSetFile?: string[];
  helmSkipCrds?: boolean;
  helmSkipSchemaValidation?: boolean;
  helmSkipTests?: boolean;
  helmNamespace?: string;
  helmKubeVersion?: string;
  helmApiVersions?: string[];
  nameprefix?: string;
  namesuffix?: string;
  kustomizeImage?: string[];
  kustomizeReplica?: string[];
  kustomizeVersion?: string;
  kustomizeNamespace?: string;
  kustomizeCommonLabel?: string[];
  kustomizeCommonAnnotation?: string[];
  ignoreMissingComponents?: boolean;
  directoryInclude?: string;
  directoryExclude?: string;
  jsonnetTlaStr?: string[];
  jsonnetTlaCode?: string[];
  jsonnetExtVarStr?: string[];
  jsonnetExtVarCode?: string[];
  jsonnetLibs?: string[];
  configManagementPlugin?: string;
  pluginEnv?: string[];
  ref?: string;
  sourceName?: string;
  parameter?: string[];
}

export type AppSetFlags = AppFlags & SourceFlags & SyncPolicyFlags & { revisionHistoryLimit?: number };

type Json = Record<string, unknown>;

export const isZero = (block: Json | undefined): boolean =>
  !block || Object.values(block).every((v) => v === undefined || v === '' || v === false || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0));

/** Drops a helm/kustomize/plugin block left with nothing in it, as argocd does after each change. */
export function dropEmptyBlocks(source: ApplicationSource): void {
  if (source.helm && isZero(source.helm)) delete source.helm;
  if (source.kustomize && isZero(source.kustomize)) delete source.kustomize;
}

/** `name=value`, commas not already escaped gaining a backslash (Helm's --set splits on them). */
function helmParameter(text: string, forceString: boolean, flag: string): Json {
  const i = text.indexOf('=');
  if (i < 0) throw new AppSpecError(`${flag}: expected helm parameter of the form param=value, got: ${text}`);
  return { name: text.slice(0, i), value: text.slice(i + 1).replace(/([^\\]),/g, '$1\\,'), ...(forceString ? { forceString: true } : {}) };
}

/** Adds each entry to `list`, replacing one with the same name. */
function mergeByName(list: unknown, entries: Json[]): Json[] {
  const out = Array.isArray(list) ? [...(list as Json[])] : [];
  for (const entry of entries) {
    const i = out.findIndex((e) => e.name === entry.name);
    if (i >= 0) out[i] = entry;
    else out.push(entry);
  }
  return out;
}

/** Kustomize image identity: the name up to the first of `=`, `:` or `@` that `other` contains. */
export function sameImage(image: string, other: string): boolean {
  const delim = ['=', ':', '@'].find((d) => other.includes(d)) ?? ':';
  return image.split(delim)[0] === other.split(delim)[0];
}

function kustomizeReplica(text: string): Json {
  const i = text.indexOf('=');
  if (i < 0) throw new AppSpecError(`--kustomize-replica: expected name=count, got: ${text}`);
  const count = text.slice(i + 1);
  if (!/^-?\d+$/.test(count)) throw new AppSpecError(`--kustomize-replica: expected a whole number for the count of ${text.slice(0, i)}, got: ${count}`);
  return { name: text.slice(0, i), count: Number(count) };
}

/** A Helm values block from YAML text: an object (or a string) becomes valuesObject; empty text clears it. */
function setHelmValues(helm: Json, text: string): void {
  delete helm.values;
  if (text.trim() === '') {
    delete helm.valuesObject;
    return;
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (err) {
    throw new AppSpecError(`--values-literal-file: not valid YAML: ${(err as Error).message}`);
  }
  if (typeof value !== 'string' && (value === null || typeof value !== 'object' || Array.isArray(value)))
    throw new AppSpecError(`--values-literal-file: Helm values must be a map, got ${Array.isArray(value) ? 'a list' : String(value === null ? 'null' : typeof value)}`);
  helm.valuesObject = value;
}

function applyHelmFlags(source: ApplicationSource, f: SourceFlags): void {
  const given =
    f.values || f.valuesLiteral !== undefined || f.ignoreMissingValueFiles !== undefined || f.releaseName !== undefined || f.helmVersion !== undefined ||
    f.helmPassCredentials !== undefined || f.helmSet || f.helmSetString || f.helmSetFile || f.helmSkipCrds !== undefined ||
    f.helmSkipSchemaValidation !== undefined || f.helmSkipTests !== undefined || f.helmNamespace !== undefined || f.helmKubeVersion !== undefined || f.helmApiVersions;
  if (!given) return;
  const helm: Json = { ...source.helm };
  if (f.values?.length) helm.valueFiles = f.values;
  if (f.valuesLiteral !== undefined) setHelmValues(helm, f.valuesLiteral);
  // As argocd: a boolean flag turns its option on; `=false` leaves it as it is.
  const flagsOn: [boolean | undefined, string][] = [
    [f.ignoreMissingValueFiles, 'ignoreMissingValueFiles'],
    [f.helmPassCredentials, 'passCredentials'],
    [f.helmSkipCrds, 'skipCrds'],
    [f.helmSkipSchemaValidation, 'skipSchemaValidation'],
    [f.helmSkipTests, 'skipTests'],
  ];
  for (const [on, field] of flagsOn) if (on) helm[field] = true;
  if (f.releaseName) helm.releaseName = f.releaseName;
  if (f.helmVersion) helm.version = f.helmVersion;
  if (f.helmNamespace) helm.namespace = f.helmNamespace;
  if (f.helmKubeVersion) helm.kubeVersion = f.helmKubeVersion;
  if (f.helmApiVersions?.length) helm.apiVersions = f.helmApiVersions;
  const params = [...(f.helmSet ?? []).map((t) => helmParameter(t, false, '--helm-set')), ...(f.helmSetString ?? []).map((t) => helmParameter(t, true, '--helm-set-string'))];
  if (params.length) helm.parameters = mergeByName(helm.parameters, params);
  const files = (f.helmSetFile ?? []).map((t) => {
    const p = helmParameter(t, false, '--helm-set-file');
    return { name: p.name, path: p.value };
  });
  if (files.length) helm.fileParameters = mergeByName(helm.fileParameters, files);
  source.helm = helm;
  dropEmptyBlocks(source);
}

function applyKustomizeFlags(source: ApplicationSource, f: SourceFlags): void {
  const given =
    f.nameprefix !== undefined || f.namesuffix !== undefined || f.kustomizeImage || f.kustomizeReplica || f.kustomizeVersion !== undefined ||
    f.kustomizeNamespace !== undefined || f.kustomizeCommonLabel || f.kustomizeCommonAnnotation || f.ignoreMissingComponents !== undefined;
  if (!given) return;
  const k: Json = { ...source.kustomize };
  if (f.nameprefix) k.namePrefix = f.nameprefix;
  if (f.namesuffix) k.nameSuffix = f.namesuffix;
  if (f.kustomizeVersion) k.version = f.kustomizeVersion;
  if (f.kustomizeNamespace) k.namespace = f.kustomizeNamespace;
  if (f.kustomizeCommonLabel) k.commonLabels = parseKeyValues(f.kustomizeCommonLabel, 'kustomize common label');
  if (f.kustomizeCommonAnnotation) k.commonAnnotations = parseKeyValues(f.kustomizeCommonAnnotation, 'kustomize common annotation');
  if (f.ignoreMissingComponents) k.ignoreMissingComponents = true;
  for (const image of f.kustomizeImage ?? []) {
    const images = Array.isArray(k.images) ? [...(k.images as string[])] : [];
    const i = images.findIndex((existing) => sameImage(existing, image));
    if (i >= 0) images[i] = image;
    else images.push(image);
    k.images = images;
  }
  if (f.kustomizeReplica?.length) k.replicas = mergeByName(k.replicas, f.kustomizeReplica.map(kustomizeReplica));
  source.kustomize = k;
  dropEmptyBlocks(source);
}

function applyPluginFlags(source: ApplicationSource, f: SourceFlags): void {
  if (f.configManagementPlugin !== undefined) source.plugin = { name: f.configManagementPlugin };
  if (!f.pluginEnv?.length) return;
  const env = f.pluginEnv.map((text) => {
    const i = text.indexOf('=');
    if (i <= 0) throw new AppSpecError(`--plugin-env: expected NAME=value, got: ${text}`);
    return { name: text.slice(0, i), value: text.slice(i + 1) };
  });
  source.plugin = { ...source.plugin, env: mergeByName(source.plugin?.env, env) };
}

/** `name=value` (a name alone has an empty value) as a Jsonnet variable; `code` when the value is Jsonnet code. */
function jsonnetVar(text: string, code: boolean): Json {
  const i = text.indexOf('=');
  return { name: i < 0 ? text : text.slice(0, i), value: i < 0 ? '' : text.slice(i + 1), ...(code ? { code: true } : {}) };
}

/** The Jsonnet flags add to what the directory source has, as argocd appends them. */
function applyJsonnetFlags(source: ApplicationSource, f: SourceFlags): void {
  if (!f.jsonnetTlaStr && !f.jsonnetTlaCode && !f.jsonnetExtVarStr && !f.jsonnetExtVarCode && !f.jsonnetLibs) return;
  const jsonnet: Json = { ...(source.directory?.jsonnet as Json | undefined) };
  const add = (field: string, entries: unknown[]): void => {
    if (entries.length) jsonnet[field] = [...(Array.isArray(jsonnet[field]) ? (jsonnet[field] as unknown[]) : []), ...entries];
  };
  add('tlas', [...(f.jsonnetTlaStr ?? []).map((t) => jsonnetVar(t, false)), ...(f.jsonnetTlaCode ?? []).map((t) => jsonnetVar(t, true))]);
  add('extVars', [...(f.jsonnetExtVarStr ?? []).map((t) => jsonnetVar(t, false)), ...(f.jsonnetExtVarCode ?? []).map((t) => jsonnetVar(t, true))]);
  add('libs', f.jsonnetLibs ?? []);
  source.directory = { ...source.directory, jsonnet };
}

/** Applies the source flags (not repo/path/revision/directory-recurse: applyAppFlags has those) to `source` in place. */
export function applySourceFlags(source: ApplicationSource, f: SourceFlags): void {
  if (f.helmChart !== undefined) source.chart = f.helmChart;
  if (f.directoryInclude !== undefined) source.directory = { ...source.directory, include: f.directoryInclude };
  if (f.directoryExclude !== undefined) source.directory = { ...source.directory, exclude: f.directoryExclude };
  if (f.ref !== undefined) source.ref = f.ref;
  if (f.sourceName !== undefined) source.name = f.sourceName;
  applyJsonnetFlags(source, f);
  applyHelmFlags(source, f);
  applyKustomizeFlags(source, f);
  applyPluginFlags(source, f);
}

/**
 * `-p name=value`: Helm parameter overrides, allowed only on a Helm source (one with a helm block,
 * one the controller found to be Helm, or, failing both, when the first parameter has a `=`).
 */
export function applyParameterOverrides(source: ApplicationSource, parameters: readonly string[], statusSourceType?: string): void {
  if (parameters.length === 0) return;
  const explicit = (['helm', 'kustomize', 'directory', 'plugin'] as const).filter((t) => source[t] !== undefined);
  const type = explicit.length === 1 ? explicit[0] : statusSourceType ? statusSourceType.toLowerCase() : parameters[0].includes('=') ? 'helm' : '';
  if (type !== 'helm') throw new AppSpecError('Parameters can only be set against Helm applications');
  const helm: Json = { ...source.helm };
  helm.parameters = mergeByName(
    helm.parameters,
    parameters.map((p) => helmParameter(p, false, '--parameter')),
  );
  source.helm = helm;
}

/** The 1-based position of the source named `name` (argocd numbers sources from 1). */
export function sourcePositionByName(spec: ApplicationSpec, name: string): number {
  const sources = spec.sources?.length ? spec.sources : spec.source ? [spec.source] : [];
  const i = sources.findIndex((s) => s.name === name);
  if (i < 0) throw new AppSpecError(`Unknown source name '${name}'`);
  return i + 1;
}

/** The source position the flags pick (-1: none), checked against the app as argocd checks it. */
export function chooseSourcePosition(spec: ApplicationSpec, opts: { sourcePosition?: number; sourceName?: string }): number {
  if (opts.sourceName && opts.sourcePosition !== undefined && opts.sourcePosition !== -1) throw new AppSpecError('Only one of source-position and source-name can be specified.');
  const position = opts.sourceName ? sourcePositionByName(spec, opts.sourceName) : (opts.sourcePosition ?? -1);
  const count = spec.sources?.length ?? 0;
  if (count > 0) {
    if (position <= 0) throw new AppSpecError('Source position should be specified and must be greater than 0 for applications with multiple sources');
    if (count < position) throw new AppSpecError('Source position should be less than the number of sources in the application');
  }
  return position;
}

/**
 * The spec `app set` sends: app create's flags (repo, path, destination, project, sync policy…)
 * and the source flags, applied to the chosen source (spec.source for a single-source app).
 */
export function setAppSpec(app: Application, flags: AppSetFlags, position: number): ApplicationSpec {
  const spec = structuredClone(app.spec);
  const multi = (spec.sources?.length ?? 0) > 0;
  const { sources, ...rest } = spec;
  const view: ApplicationSpec = { ...rest, source: multi ? sources![position - 1] : spec.source };
  applyAppFlags(view, flags);
  applySetSyncPolicy(view, flags);
  const source: ApplicationSource = view.source ?? { repoURL: '' };
  applySourceFlags(source, flags);
  applyParameterOverrides(source, flags.parameter ?? [], app.status?.sourceType);
  if (flags.revisionHistoryLimit !== undefined) view.revisionHistoryLimit = flags.revisionHistoryLimit;
  if (!multi) return { ...view, source };
  const { source: _picked, ...others } = view;
  return { ...others, sources: sources!.map((s, i) => (i === position - 1 ? source : s)) };
}

/** The source at a 1-based position, or spec.source for a single-source app. */
export function sourceAt(spec: ApplicationSpec, position: number): ApplicationSource | undefined {
  if (spec.sources?.length) return spec.sources[Math.max(position, 1) - 1];
  return spec.source;
}
