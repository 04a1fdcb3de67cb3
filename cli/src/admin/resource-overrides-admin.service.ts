import type { KubeObject } from '@flotilla/api-types';
import { groupOf } from '@flotilla/api-types';
import {
  actionsFor,
  assessResourceHealth,
  EMPTY_LIBRARY,
  luaAction,
  luaActionDiscovery,
  overrideKeyOf,
  parseActionOverrides,
  parseResourceCustomizations,
  readCustomizationsDir,
  unifiedResourceDiff,
  withLibrary,
  type CustomizationsLibrary,
  type DiscoveredAction,
} from '@flotilla/engine';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { CliError } from '../output/cli.error';

// What `flotilla admin settings resource-overrides …` does: Lua health checks and actions tried on a
// resource file, with the scripts of an argocd-cm file and of a script library in Argo CD's
// resource_customizations layout (the directory the app-controller mounts), argocd-cm's first.
// Loaded only by those commands, so the engine costs no other command its start-up.

export interface OverrideOptions {
  argocdCmPath?: string;
  resourceCustomizationsDir?: string;
}

interface Settings {
  cmData: Record<string, string>;
  library: CustomizationsLibrary;
}

function readYamlFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return parse(text) as unknown;
  } catch (err) {
    throw new CliError(`${path}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function readSettings(opts: OverrideOptions): Settings {
  let cmData: Record<string, string> = {};
  if (opts.argocdCmPath) {
    const cm = readYamlFile(opts.argocdCmPath, 'argocd-cm file');
    if (!isRecord(cm) || (cm.data !== undefined && !isRecord(cm.data))) throw new CliError(`${opts.argocdCmPath}: expected a ConfigMap with data`);
    cmData = Object.fromEntries(Object.entries(cm.data ?? {}).map(([k, v]) => [k, String(v)]));
  }
  const library = opts.resourceCustomizationsDir ? readCustomizationsDir(opts.resourceCustomizationsDir) : EMPTY_LIBRARY;
  for (const w of library.warnings) process.stderr.write(`WARN: ${w}\n`);
  return { cmData, library };
}

function readResource(path: string): KubeObject {
  const obj = readYamlFile(path, 'resource file');
  if (!isRecord(obj) || typeof obj.kind !== 'string' || typeof obj.apiVersion !== 'string') throw new CliError(`${path}: expected a Kubernetes object with apiVersion and kind`);
  return obj;
}

const keyOf = (obj: KubeObject): string => overrideKeyOf(groupOf(obj.apiVersion), obj.kind ?? '');
const nameOf = (obj: KubeObject): string => obj.metadata?.name ?? '';

function kindActions(settings: Settings, obj: KubeObject) {
  const { actions, warnings } = parseActionOverrides(settings.cmData);
  for (const w of warnings) process.stderr.write(`WARN: ${w}\n`);
  return actionsFor(actions, settings.library, keyOf(obj));
}

/** The actions the discovery scripts offer, the first script to name one deciding it, as Argo merges them. */
function discover(scripts: string[], obj: KubeObject): DiscoveredAction[] {
  const found = new Map<string, DiscoveredAction>();
  for (const script of scripts) {
    const result = luaActionDiscovery(script, obj, { useOpenLibs: true, name: keyOf(obj) });
    if ('error' in result) throw new CliError(result.error);
    for (const a of result.actions) if (!found.has(a.name)) found.set(a.name, a);
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `health FILE`: STATUS and MESSAGE, as argocd prints them. */
export function resourceHealth(path: string, opts: OverrideOptions): string {
  const settings = readSettings(opts);
  const obj = readResource(path);
  const { customizations, warnings } = parseResourceCustomizations(settings.cmData);
  for (const w of warnings) process.stderr.write(`WARN: ${w}\n`);
  const got = assessResourceHealth(obj, { customizations: withLibrary(customizations, settings.library), now: () => Date.now() });
  if (got.error) throw new CliError(got.error);
  if (!got.health) return `Health script is not configured for '${keyOf(obj)}' and it has no built-in health check\n`;
  return `STATUS: ${got.health.status}\nMESSAGE: ${got.health.message ?? ''}\n`;
}

/** `list-actions FILE`: the actions and whether each is disabled. */
export function listActions(path: string, opts: OverrideOptions): string {
  const obj = readResource(path);
  const actions = discover(kindActions(readSettings(opts), obj).discovery, obj);
  const rows = [['NAME', 'DISABLED'], ...actions.map((a) => [a.name, String(a.disabled)])];
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  return rows.map(([n, d]) => `${n.padEnd(width)}${d}\n`).join('');
}

/** `run-action FILE ACTION`: the fields a patch changes (a unified diff), or the resources it creates. */
export function runAction(path: string, action: string, param: string[], opts: OverrideOptions): string {
  const obj = readResource(path);
  const script = kindActions(readSettings(opts), obj).script(action);
  if (!script) throw new CliError(`No action script found for '${keyOf(obj)}' action '${action}'`);
  const params = Object.fromEntries(
    param.map((p) => {
      const eq = p.indexOf('=');
      if (eq < 1) throw new CliError(`--param ${p}: expected name=value`);
      return [p.slice(0, eq), p.slice(eq + 1)];
    }),
  );
  const result = luaAction(script, obj, { useOpenLibs: true, name: keyOf(obj) }, param.length ? params : undefined);
  if ('error' in result) throw new CliError(result.error);
  let out = '';
  for (const { operation, resource } of result.impacted) {
    if (operation === 'create') {
      out += `Following resource was created:\n${stringify(resource)}\n`;
      continue;
    }
    const ref = { group: groupOf(resource.apiVersion), kind: resource.kind ?? '', namespace: resource.metadata?.namespace, name: nameOf(resource) };
    const diff = unifiedResourceDiff({ ref, live: obj, target: resource });
    if (!diff.trim()) out += `No fields had been changed by action: \n${action}\n`;
    else out += `Following fields have been changed:\n\n${diff}`;
  }
  return out;
}
