// argocd-cm's resource actions: `resource.customizations.actions.<group>_<kind>` (or the `actions` field
// of a `resource.customizations` entry), YAML with `discovery.lua`, `definitions: [{name, action.lua}]`
// and `mergeBuiltinActions`, and how Argo CD combines them with the built-in scripts, here a library's:
// argocd-cm's discovery replaces the library's unless mergeBuiltinActions (then both run, argocd-cm's
// first, the first to name an action wins), and argocd-cm's definitions are looked up before the library's.
import { parse } from 'yaml';
import { isRecord } from '../object/json-value';
import type { CustomizationsLibrary } from './customizations-dir';
import { overrideKeyFromSuffix } from './override-key';
import { CUSTOMIZATIONS_KEY } from './resource-customizations';

export interface ActionOverride {
  discovery?: string;
  definitions: Record<string, string>;
  mergeBuiltinActions: boolean;
}

function parseActions(text: unknown, where: string, warnings: string[]): ActionOverride | undefined {
  let doc: unknown = text;
  if (typeof text === 'string') {
    try {
      doc = parse(text) as unknown;
    } catch (err) {
      warnings.push(`${where}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
      return undefined;
    }
  }
  if (!isRecord(doc)) {
    warnings.push(`${where}: must be a mapping with discovery.lua and definitions`);
    return undefined;
  }
  const out: ActionOverride = { definitions: {}, mergeBuiltinActions: doc.mergeBuiltinActions === true };
  if (typeof doc['discovery.lua'] === 'string') out.discovery = doc['discovery.lua'];
  const definitions = doc.definitions ?? [];
  if (!Array.isArray(definitions)) warnings.push(`${where}: definitions must be a list`);
  else
    for (const d of definitions) {
      if (isRecord(d) && typeof d.name === 'string' && typeof d['action.lua'] === 'string') out.definitions[d.name] = d['action.lua'];
      else warnings.push(`${where}: each definition needs a name and an action.lua`);
    }
  return out;
}

/** The action customizations in argocd-cm's data, by override key. */
export function parseActionOverrides(data: Readonly<Record<string, string>> | undefined): { actions: Record<string, ActionOverride>; warnings: string[] } {
  const warnings: string[] = [];
  const actions: Record<string, ActionOverride> = {};
  const old = data?.[CUSTOMIZATIONS_KEY];
  if (old) {
    try {
      const doc = parse(old) as unknown;
      if (isRecord(doc))
        for (const [key, entry] of Object.entries(doc)) {
          if (!isRecord(entry) || entry.actions === undefined) continue;
          const a = parseActions(entry.actions, `${CUSTOMIZATIONS_KEY} entry "${key}" actions`, warnings);
          if (a) actions[key] = a;
        }
    } catch {
      // parseResourceCustomizations reports the YAML error.
    }
  }
  const prefix = `${CUSTOMIZATIONS_KEY}.actions.`;
  for (const dataKey of Object.keys(data ?? {}).filter((k) => k.startsWith(prefix)).sort()) {
    const parsed = overrideKeyFromSuffix(dataKey.slice(prefix.length));
    if ('error' in parsed) continue; // parseResourceCustomizations reports it.
    const a = parseActions(data![dataKey], dataKey, warnings);
    if (a) actions[parsed.key] = a;
  }
  return { actions, warnings };
}

export interface KindActions {
  /** Discovery scripts in the order Argo runs them. */
  discovery: string[];
  /** The action.lua for a name, if there is one. */
  script(name: string): string | undefined;
}

/** The action scripts for an override key (exact; Argo does not match action keys by wildcard). */
export function actionsFor(overrides: Record<string, ActionOverride>, library: CustomizationsLibrary, key: string): KindActions {
  const override = overrides[key];
  const builtin = library.kinds.find((k) => k.key === key)?.actions;
  const discovery: string[] = [];
  if (override?.discovery) discovery.push(override.discovery);
  if ((!override?.discovery || override.mergeBuiltinActions) && builtin?.discovery) discovery.push(builtin.discovery);
  return { discovery, script: (name) => override?.definitions[name] ?? builtin?.scripts[name] };
}
