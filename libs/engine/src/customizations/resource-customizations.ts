// argocd-cm's resource customizations, as Argo CD's settings.GetResourceOverrides reads them: the
// `resource.customizations` YAML map first, then the split keys
// `resource.customizations.<health|useOpenLibs|ignoreDifferences|...>.<group>_<kind>` (or `.<kind>`,
// or `.all`) over it. A bad key is a warning naming it; the other keys still apply.
import { parse } from 'yaml';
import { luaSyntaxError } from '../health/lua/lua-script.health';
import { isRecord } from '../object/json-value';
import { overrideKeyFromSuffix } from './override-key';
import { parseReadyConditionKinds, READY_CONDITION_KINDS_KEY } from './ready-condition-kinds';

/** The fields an ignoreDifferences customization may list, as in spec.ignoreDifferences. */
export interface OverrideIgnoreDiff {
  jsonPointers?: string[];
  jqPathExpressions?: string[];
  managedFieldsManagers?: string[];
}

export interface HealthCustomization {
  /** Lua returning {status=..., message=...} for the global `obj`. */
  script: string;
  /** All standard Lua libraries for this script (resource.customizations.useOpenLibs.*). */
  useOpenLibs: boolean;
}

/** Customizations by override key: `<group>/<kind>`, `<kind>` for the core group; globs allowed (`.all` is ALL_KINDS_KEY). */
export interface ResourceCustomizations {
  health: Record<string, HealthCustomization>;
  ignoreDifferences: Record<string, OverrideIgnoreDiff>;
  /** Health checks from a script library (customizations-dir), by exact key, consulted after `health`. */
  libraryHealth?: Record<string, HealthCustomization>;
  /** flotilla.health.readyCondition.kinds: group/Kind globs the generic Ready condition rule assesses. */
  readyConditionKinds?: string[];
}

export interface ParsedCustomizations {
  customizations: ResourceCustomizations;
  /** One line per bad key or field, naming it. */
  warnings: string[];
}

export const NO_CUSTOMIZATIONS: ResourceCustomizations = { health: {}, ignoreDifferences: {} };

export const CUSTOMIZATIONS_KEY = 'resource.customizations';

interface Override {
  healthLua?: string;
  useOpenLibs?: boolean;
  ignoreDifferences?: OverrideIgnoreDiff;
}

/** Customization types Argo knows; those Flotilla does not act on yet are accepted quietly. */
const KNOWN_ELSEWHERE = new Set(['actions', 'ignoreResourceUpdates', 'knownTypeFields']);
const IGNORE_FIELDS = ['jsonPointers', 'jqPathExpressions', 'managedFieldsManagers'] as const;
const OLD_FIELDS = new Set(['health.lua', 'health.lua.useOpenLibs', 'ignoreDifferences', ...KNOWN_ELSEWHERE]);

/** Go's strconv.ParseBool. */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** The first line of a YAML parser error, without the colon that introduces its excerpt. */
const yamlError = (err: unknown): string => (err as Error).message.split('\n')[0].replace(/:$/, '');

/** An ignoreDifferences value (YAML text, or already a mapping); warnings are prefixed with `where`. */
function parseIgnoreDiff(value: unknown, where: string, warnings: string[]): OverrideIgnoreDiff | undefined {
  let doc: unknown = value;
  if (typeof value === 'string') {
    try {
      doc = parse(value) as unknown;
    } catch (err) {
      warnings.push(`${where}: not valid YAML: ${yamlError(err)}`);
      return undefined;
    }
  }
  if (doc === null || doc === undefined) return {};
  if (!isRecord(doc)) {
    warnings.push(`${where}: must be a mapping with jsonPointers, jqPathExpressions or managedFieldsManagers`);
    return undefined;
  }
  const out: OverrideIgnoreDiff = {};
  for (const [field, list] of Object.entries(doc)) {
    if (!(IGNORE_FIELDS as readonly string[]).includes(field)) {
      warnings.push(`${where}: unknown field ${field} (expected ${IGNORE_FIELDS.join(', ')})`);
    } else if (list !== null && (!Array.isArray(list) || list.some((s) => typeof s !== 'string'))) {
      warnings.push(`${where}: ${field} must be a list of strings`);
    } else if (list?.length) {
      const items = list as string[];
      const bad = field === 'jsonPointers' ? items.filter((p) => !p.startsWith('/')) : [];
      for (const p of bad) warnings.push(`${where}: JSON pointer "${p}" must start with /`);
      const good = items.filter((p) => !bad.includes(p));
      if (good.length) out[field as (typeof IGNORE_FIELDS)[number]] = good;
    }
  }
  return out;
}

/** One entry of the `resource.customizations` map into `overrides`. */
function readOldEntry(key: string, entry: unknown, overrides: Map<string, Override>, warnings: string[]): void {
  const where = `${CUSTOMIZATIONS_KEY} entry "${key}"`;
  if (!isRecord(entry)) {
    warnings.push(`${where}: must be a mapping with health.lua, ignoreDifferences or actions`);
    return;
  }
  const override: Override = {};
  for (const field of Object.keys(entry).filter((f) => !OLD_FIELDS.has(f))) warnings.push(`${where}: unknown field ${field}`);
  const lua = entry['health.lua'];
  if (typeof lua === 'string') override.healthLua = lua;
  else if (lua !== undefined && lua !== null) warnings.push(`${where}: health.lua must be a string (a Lua script)`);
  const openLibs = entry['health.lua.useOpenLibs'];
  if (typeof openLibs === 'boolean') override.useOpenLibs = openLibs;
  else if (openLibs !== undefined && openLibs !== null) warnings.push(`${where}: health.lua.useOpenLibs must be true or false`);
  if (entry.ignoreDifferences !== undefined) {
    const diff = parseIgnoreDiff(entry.ignoreDifferences, `${where} ignoreDifferences`, warnings);
    if (diff) override.ignoreDifferences = diff;
  }
  overrides.set(key, override);
}

function readOldKey(text: string, overrides: Map<string, Override>, warnings: string[]): void {
  let doc: unknown;
  try {
    doc = parse(text) as unknown;
  } catch (err) {
    warnings.push(`${CUSTOMIZATIONS_KEY}: not valid YAML, none of its entries apply: ${yamlError(err)}`);
    return;
  }
  if (doc === null || doc === undefined) return;
  if (!isRecord(doc)) {
    warnings.push(`${CUSTOMIZATIONS_KEY}: must be a mapping of <group>/<kind> to customizations`);
    return;
  }
  for (const [key, entry] of Object.entries(doc)) readOldEntry(key, entry, overrides, warnings);
}

/** One `resource.customizations.<type>.<group_kind>` key into `overrides`. */
function readSplitKey(dataKey: string, value: string, overrides: Map<string, Override>, warnings: string[]): void {
  const rest = dataKey.slice(CUSTOMIZATIONS_KEY.length + 1);
  const dot = rest.indexOf('.');
  if (dot < 0) {
    warnings.push(`${dataKey}: names no kind; use ${CUSTOMIZATIONS_KEY}.<type>.<group>_<kind>`);
    return;
  }
  const type = rest.slice(0, dot);
  const parsedKey = overrideKeyFromSuffix(rest.slice(dot + 1));
  if ('error' in parsedKey) {
    warnings.push(`${dataKey}: ${parsedKey.error}`);
    return;
  }
  const override = overrides.get(parsedKey.key) ?? {};
  if (type === 'health') override.healthLua = value;
  else if (type === 'useOpenLibs') {
    const b = parseBool(value.trim());
    if (b === undefined) warnings.push(`${dataKey}: "${value}" is not true or false`);
    else override.useOpenLibs = b;
  } else if (type === 'ignoreDifferences') {
    const diff = parseIgnoreDiff(value, dataKey, warnings);
    if (diff) override.ignoreDifferences = diff;
  } else if (!KNOWN_ELSEWHERE.has(type)) {
    warnings.push(`${dataKey}: unknown customization type ${type} (expected health, useOpenLibs, ignoreDifferences, actions, ignoreResourceUpdates or knownTypeFields)`);
    return;
  }
  overrides.set(parsedKey.key, override);
}

/** The resource customizations in argocd-cm's data. */
export function parseResourceCustomizations(data: Readonly<Record<string, string>> | undefined): ParsedCustomizations {
  const warnings: string[] = [];
  const overrides = new Map<string, Override>();
  const old = data?.[CUSTOMIZATIONS_KEY];
  if (old) readOldKey(old, overrides, warnings);
  const split = Object.keys(data ?? {})
    .filter((k) => k.startsWith(`${CUSTOMIZATIONS_KEY}.`))
    .sort();
  for (const k of split) readSplitKey(k, data![k], overrides, warnings);
  const customizations: ResourceCustomizations = { health: {}, ignoreDifferences: {} };
  for (const [key, o] of [...overrides].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (o.healthLua) {
      customizations.health[key] = { script: o.healthLua, useOpenLibs: o.useOpenLibs ?? false };
      const syntax = luaSyntaxError(o.healthLua, key);
      if (syntax) warnings.push(`health check for ${key} does not compile (its resources will be Unknown): ${syntax}`);
    }
    const diff = o.ignoreDifferences;
    if (diff && IGNORE_FIELDS.some((f) => diff[f]?.length)) customizations.ignoreDifferences[key] = diff;
  }
  const ready = parseReadyConditionKinds(data?.[READY_CONDITION_KINDS_KEY]);
  warnings.push(...ready.warnings);
  if (ready.patterns.length) customizations.readyConditionKinds = ready.patterns;
  return { customizations, warnings };
}
