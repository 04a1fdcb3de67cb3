import { ALL_KINDS_KEY, CUSTOMIZATIONS_KEY } from '@flotilla/engine';
import { parse, stringify } from 'yaml';

// argocd-cm's resource customizations as Argo CD's settings API shows them (settings.GetResourceOverrides
// and ResourceOverride's JSON form): every field Argo keeps, including those Flotilla's engine does
// not act on (actions as written, ignoreResourceUpdates, knownTypeFields).

interface IgnoreDiff {
  jsonPointers?: string[];
  jqPathExpressions?: string[];
  managedFieldsManagers?: string[];
}

interface Override {
  healthLua?: string;
  useOpenLibs?: boolean;
  actions?: string;
  ignoreDifferences: IgnoreDiff;
  ignoreResourceUpdates: IgnoreDiff;
  knownTypeFields?: { field?: string; type?: string }[];
}

const CRD_KEY = 'apiextensions.k8s.io/CustomResourceDefinition';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((s) => typeof s === 'string') && v.length ? v : undefined);

function yamlDoc(text: string): unknown {
  try {
    return parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** An ignoreDifferences or ignoreResourceUpdates value: YAML text (as Argo stores it) or a mapping. */
function ignoreDiffOf(value: unknown): IgnoreDiff {
  const doc = typeof value === 'string' ? yamlDoc(value) : value;
  if (!isRecord(doc)) return {};
  const out: IgnoreDiff = {};
  for (const field of ['jsonPointers', 'jqPathExpressions', 'managedFieldsManagers'] as const) {
    const list = strings(doc[field]);
    if (list) out[field] = list;
  }
  return out;
}

function knownTypeFieldsOf(value: unknown): Override['knownTypeFields'] {
  const doc = typeof value === 'string' ? yamlDoc(value) : value;
  if (!Array.isArray(doc)) return undefined;
  const fields = doc.filter(isRecord).map((f) => ({
    ...(typeof f.field === 'string' && f.field ? { field: f.field } : {}),
    ...(typeof f.type === 'string' && f.type ? { type: f.type } : {}),
  }));
  return fields.length ? fields : undefined;
}

const blank = (): Override => ({ ignoreDifferences: {}, ignoreResourceUpdates: {} });

/** The `resource.customizations` map: group/Kind (globs allowed) to its fields as Argo names them there. */
function fromMap(text: string, into: Map<string, Override>): void {
  const doc = yamlDoc(text);
  if (!isRecord(doc)) return;
  for (const [key, entry] of Object.entries(doc)) {
    if (!isRecord(entry)) continue;
    into.set(key, {
      ...(typeof entry['health.lua'] === 'string' ? { healthLua: entry['health.lua'] } : {}),
      ...(entry['health.lua.useOpenLibs'] === true ? { useOpenLibs: true } : {}),
      ...(typeof entry.actions === 'string' ? { actions: entry.actions } : {}),
      ignoreDifferences: ignoreDiffOf(entry.ignoreDifferences),
      ignoreResourceUpdates: ignoreDiffOf(entry.ignoreResourceUpdates),
      knownTypeFields: knownTypeFieldsOf(entry.knownTypeFields),
    });
  }
}

/** `<group>_<Kind>`, `<Kind>` or `all` of a split key, as Argo's convertToOverrideKey; undefined for anything else. */
function overrideKey(suffix: string): string | undefined {
  if (suffix === 'all') return ALL_KINDS_KEY;
  const parts = suffix.split('_');
  if (parts.length === 2) return `${parts[0]}/${parts[1]}`;
  return parts.length === 1 && suffix ? suffix : undefined;
}

/** `resource.customizations.<type>.<group_Kind>` keys, each setting one field over the map's entry. */
function fromSplitKeys(cm: Record<string, string>, into: Map<string, Override>): void {
  for (const dataKey of Object.keys(cm).sort()) {
    if (!dataKey.startsWith(`${CUSTOMIZATIONS_KEY}.`)) continue;
    const parts = dataKey.split('.');
    if (parts.length < 4) continue;
    const key = overrideKey(parts.slice(3).join('.'));
    if (!key) continue;
    const o = into.get(key) ?? blank();
    const value = cm[dataKey];
    const type = parts[2];
    if (type === 'health') o.healthLua = value;
    else if (type === 'useOpenLibs') o.useOpenLibs = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value.trim());
    else if (type === 'actions') o.actions = value;
    else if (type === 'ignoreDifferences') o.ignoreDifferences = ignoreDiffOf(value);
    else if (type === 'ignoreResourceUpdates') o.ignoreResourceUpdates = ignoreDiffOf(value);
    else if (type === 'knownTypeFields') o.knownTypeFields = knownTypeFieldsOf(value);
    else continue;
    into.set(key, o);
  }
}

/** resource.compareoptions' ignoreResourceStatusField: status is ignored for every kind by default, for CRDs only with `crd`. */
function addStatusOverride(cm: Record<string, string>, into: Map<string, Override>): void {
  const options = cm['resource.compareoptions'] ? yamlDoc(cm['resource.compareoptions']) : undefined;
  const field = isRecord(options) ? options.ignoreResourceStatusField : undefined;
  if (field === false || field === 'none' || field === 'off' || field === 'false') return;
  const key = field === 'crd' ? CRD_KEY : ALL_KINDS_KEY;
  const o = into.get(key) ?? blank();
  o.ignoreDifferences = { ...o.ignoreDifferences, jsonPointers: [...(o.ignoreDifferences.jsonPointers ?? []), '/status'] };
  into.set(key, o);
}

/** An OverrideIgnoreDiff as Argo writes it into ResourceOverride's JSON: YAML of all three lists, null when empty, keys sorted. */
const ignoreDiffYaml = (d: IgnoreDiff): string =>
  stringify({ jqPathExpressions: d.jqPathExpressions ?? null, jsonPointers: d.jsonPointers ?? null, managedFieldsManagers: d.managedFieldsManagers ?? null }, { indentSeq: false });

/**
 * Settings' resourceOverrides: group/Kind to Argo's ResourceOverride JSON (`health.lua`,
 * `health.lua.useOpenLibs`, `actions`, `ignoreDifferences` and `ignoreResourceUpdates` as YAML
 * text, `knownTypeFields`), keys sorted. An entry or key that does not parse is left out.
 */
export function resourceOverridesOf(cm: Record<string, string>): Record<string, Record<string, unknown>> {
  const overrides = new Map<string, Override>();
  if (cm[CUSTOMIZATIONS_KEY]) fromMap(cm[CUSTOMIZATIONS_KEY], overrides);
  fromSplitKeys(cm, overrides);
  addStatusOverride(cm, overrides);
  const out: Record<string, Record<string, unknown>> = {};
  for (const key of [...overrides.keys()].sort()) {
    const o = overrides.get(key)!;
    out[key] = {
      ...(o.healthLua ? { 'health.lua': o.healthLua } : {}),
      ...(o.useOpenLibs ? { 'health.lua.useOpenLibs': true } : {}),
      ...(o.actions ? { actions: o.actions } : {}),
      ignoreDifferences: ignoreDiffYaml(o.ignoreDifferences),
      ignoreResourceUpdates: ignoreDiffYaml(o.ignoreResourceUpdates),
      ...(o.knownTypeFields ? { knownTypeFields: o.knownTypeFields } : {}),
    };
  }
  return out;
}
