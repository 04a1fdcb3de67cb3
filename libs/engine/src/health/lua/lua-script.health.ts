// Runs a custom Lua health check (argocd-cm resource.customizations.health.*) on a live object, as
// Argo CD's util/lua ExecuteHealthLua: a global `obj`, a returned {status=..., message=...}. A script
// that fails, runs too long or answers wrongly makes the resource Unknown and says why; it never throws.
import { lauxlib, lua, to_luastring, type LuaState } from 'fengari';
import type { KubeObject } from '@flotilla/api-types';
import { newSandbox } from './lua-sandbox';
import { errorText, pushJson, readScriptHealth, type ScriptHealth } from './lua-value';

export interface LuaHealthOptions {
  /** The kind's resource.customizations.useOpenLibs: all standard libraries instead of the safe set. */
  useOpenLibs?: boolean;
  /** Names the script in error messages, e.g. `cert-manager.io/Certificate`. */
  name?: string;
  /** Instructions a run may take; real checks need hundreds to a few thousand. */
  instructionLimit?: number;
  /** The clock os.time() and os.date() read, in milliseconds since the epoch. */
  now?: () => number;
}

// About 25 ms of fengari: a broken script costs each reconcile little, as Argo's 1 s timeout intends.
export const DEFAULT_INSTRUCTION_LIMIT = 250_000;

/** Compiled chunks by chunk name and script text; a changed script is a new key, so nothing goes stale. */
const compiled = new Map<string, Uint8Array>();
const MAX_COMPILED = 512;

const labelOf = (name: string | undefined, file = 'health.lua'): string => `${name ? `${name} ` : ''}${file}`;
const chunkNameOf = (name: string | undefined, file?: string): string => `=${labelOf(name, file)}`;

/** Loads the script as a function onto the stack, compiling it only the first time; an error message otherwise. */
function loadChunk(L: LuaState, script: string, chunkName: string): string | undefined {
  const key = `${chunkName}\n${script}`;
  const binary = compiled.get(key);
  if (binary) {
    compiled.delete(key);
    compiled.set(key, binary); // most recently used last
    if (lauxlib.luaL_loadbufferx(L, binary, binary.length, to_luastring(chunkName), to_luastring('b')) === lua.LUA_OK) return undefined;
    return errorText(L, -1);
  }
  if (lauxlib.luaL_loadbufferx(L, to_luastring(script), null, to_luastring(chunkName), to_luastring('t')) !== lua.LUA_OK) return errorText(L, -1);
  const parts: Uint8Array[] = [];
  lua.lua_dump(L, (_L, chunk, size) => (parts.push(chunk.slice(0, size)), 0), null, false);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, out);
  return undefined;
}

/** The script's syntax error, if it has one (for reporting a bad argocd-cm key early). */
export function luaSyntaxError(script: string, name?: string): string | undefined {
  const L = lauxlib.luaL_newstate();
  return loadChunk(L, script, chunkNameOf(name));
}

const unknown = (error: string): ScriptHealth => ({ health: { status: 'Unknown', message: error }, error });

/**
 * Runs `script` in a fresh sandbox with the global `obj` (and `actionParams` when given), leaving its
 * first result on the returned state's stack; or the error. `file` names the script in messages.
 */
export function runLuaScript(script: string, obj: KubeObject, opts: LuaHealthOptions, file: string, params?: Record<string, string>): { L: LuaState } | { error: string } {
  const limit = opts.instructionLimit ?? DEFAULT_INSTRUCTION_LIMIT;
  const { L, exhausted } = newSandbox({ useOpenLibs: !!opts.useOpenLibs, instructionLimit: limit, now: opts.now });
  const loadError = loadChunk(L, script, chunkNameOf(opts.name, file));
  if (loadError) return { error: loadError };
  pushJson(L, obj);
  lua.lua_setglobal(L, to_luastring('obj'));
  if (params) {
    pushJson(L, params);
    lua.lua_setglobal(L, to_luastring('actionParams'));
  }
  if (lua.lua_pcall(L, 0, 1, 0) !== lua.LUA_OK) {
    if (exhausted()) return { error: `${labelOf(opts.name, file)}: stopped after ${limit} instructions; does it loop forever?` };
    return { error: errorText(L, -1) };
  }
  return { L };
}

/** Health of `obj` by the script; a failure is Unknown health plus the error. */
export function luaHealth(script: string, obj: KubeObject, opts: LuaHealthOptions = {}): ScriptHealth {
  try {
    const run = runLuaScript(script, obj, opts, 'health.lua');
    if ('error' in run) return unknown(run.error);
    const result = readScriptHealth(run.L, -1);
    return result.error ? unknown(result.error) : result;
  } catch (err) {
    // fengari itself failed (e.g. a string too large for JavaScript): still only this resource's problem.
    return unknown(`the health script failed: ${(err as Error).message}`);
  }
}
