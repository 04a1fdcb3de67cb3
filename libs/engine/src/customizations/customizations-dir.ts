// A library of Lua scripts in the layout of Argo CD's resource_customizations directory, so teams keep
// the scripts they wrote for Argo in git and mount them (FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR):
//
//   <group>/<kind>/health.lua                    (a core-group kind is <kind>/health.lua)
//   <group>/<kind>/health_test.yaml              tests: [{ healthStatus: {status, message}, inputPath }]
//   <group>/<kind>/actions/discovery.lua
//   <group>/<kind>/actions/<action>/action.lua
//   <group>/<kind>/actions/action_test.yaml
//
// Scripts from the library play the part of Argo's built-in scripts: argocd-cm's keys (exact, then
// wildcard) win over them, and they run with every Lua library open, as Argo runs its built-ins.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { luaSyntaxError } from '../health/lua/lua-script.health';
import type { HealthCustomization, ResourceCustomizations } from './resource-customizations';

export interface LibraryActions {
  /** actions/discovery.lua: returns a table of action name to {disabled=...}. */
  discovery?: string;
  /** actions/<name>/action.lua by name. */
  scripts: Record<string, string>;
}

/** One kind's directory. */
export interface LibraryKind {
  /** The override key, `<group>/<kind>` or `<kind>`. */
  key: string;
  dir: string;
  health?: HealthCustomization;
  actions?: LibraryActions;
  /** health_test.yaml, when there is one. */
  healthTest?: string;
  /** actions/action_test.yaml, when there is one. */
  actionTest?: string;
}

export interface CustomizationsLibrary {
  kinds: LibraryKind[];
  /** One line per script that does not compile or directory that cannot be read. */
  warnings: string[];
}

export const EMPTY_LIBRARY: CustomizationsLibrary = { kinds: [], warnings: [] };

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

const readText = (p: string): string | undefined => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);

const isKindDir = (dir: string): boolean => existsSync(join(dir, 'health.lua')) || isDir(join(dir, 'actions'));

const subdirs = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => !name.startsWith('.') && isDir(join(dir, name)))
    .sort();

function readKind(key: string, dir: string, warnings: string[]): LibraryKind {
  const kind: LibraryKind = { key, dir };
  const health = readText(join(dir, 'health.lua'));
  if (health !== undefined) {
    kind.health = { script: health, useOpenLibs: true };
    const syntax = luaSyntaxError(health, key);
    if (syntax) warnings.push(`${join(dir, 'health.lua')} does not compile (its resources will be Unknown): ${syntax}`);
  }
  const testFile = join(dir, 'health_test.yaml');
  if (existsSync(testFile)) kind.healthTest = testFile;
  const actionsDir = join(dir, 'actions');
  if (isDir(actionsDir)) {
    const actions: LibraryActions = { scripts: {} };
    actions.discovery = readText(join(actionsDir, 'discovery.lua'));
    for (const name of subdirs(actionsDir)) {
      const script = readText(join(actionsDir, name, 'action.lua'));
      if (script !== undefined) actions.scripts[name] = script;
    }
    kind.actions = actions;
    const actionTest = join(actionsDir, 'action_test.yaml');
    if (existsSync(actionTest)) kind.actionTest = actionTest;
  }
  return kind;
}

/** The scripts under `dir`; a missing or unreadable directory is a warning and an empty library. */
export function readCustomizationsDir(dir: string): CustomizationsLibrary {
  const warnings: string[] = [];
  const kinds: LibraryKind[] = [];
  if (!isDir(dir)) return { kinds, warnings: [`${dir}: not a directory, no resource customizations read from it`] };
  try {
    for (const top of subdirs(dir)) {
      const topDir = join(dir, top);
      if (isKindDir(topDir)) kinds.push(readKind(top, topDir, warnings));
      else for (const kind of subdirs(topDir).filter((k) => isKindDir(join(topDir, k)))) kinds.push(readKind(`${top}/${kind}`, join(topDir, kind), warnings));
    }
  } catch (err) {
    warnings.push(`${dir}: ${(err as Error).message}`);
  }
  return { kinds, warnings };
}

/** argocd-cm's customizations with the library's health checks behind them. */
export function withLibrary(c: ResourceCustomizations, library: CustomizationsLibrary): ResourceCustomizations {
  const libraryHealth: Record<string, HealthCustomization> = {};
  for (const k of library.kinds) if (k.health) libraryHealth[k.key] = k.health;
  if (!Object.keys(libraryHealth).length) return c;
  return { ...c, libraryHealth };
}

/** The library's actions for a kind's override key. */
export const libraryActionsFor = (library: CustomizationsLibrary, key: string): LibraryActions | undefined => library.kinds.find((k) => k.key === key)?.actions;
