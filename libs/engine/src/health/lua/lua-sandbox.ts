// A fresh Lua state for one script run, with the libraries Argo CD's util/lua gives health scripts:
// base, package, table and a safe os (time and date only), or every standard library when the
// kind's useOpenLibs is set, with the Lua 5.1 names and numbers of Argo's VM (lua51-compat). Every run has an instruction budget, so an endless loop ends in an error.
import { lauxlib, lua, lualib, to_luastring, type LuaCFunction, type LuaHook, type LuaState } from 'fengari';
import { asFloat, installLua51Numbers, openLua51Base, openLua51Libs, utcAwareDate } from './lua51-compat';
import { ls } from './lua-names';

export { ls };

export interface SandboxOptions {
  /** All standard libraries (io, os, string, math, debug, ...) instead of the safe set. */
  useOpenLibs: boolean;
  /** Instructions a run may execute before it is stopped with an error. */
  instructionLimit: number;
  /** The clock os.time() and os.date() read, in milliseconds since the epoch. */
  now?: () => number;
}

export interface Sandbox {
  L: LuaState;
  /** True once the run went over its instruction budget. */
  exhausted: () => boolean;
}

// Before any chunk is compiled: number constants in a compiled chunk are floats from then on.
installLua51Numbers();

/** How many instructions pass between two looks at the budget. */
const HOOK_STEP = 1000;


function raise(L: LuaState, message: string): never {
  lua.lua_pushstring(L, to_luastring(message));
  return lua.lua_error(L);
}

function setGlobal(L: LuaState, name: string, fn: LuaCFunction | undefined): void {
  if (fn) lua.lua_pushcfunction(L, fn);
  else lua.lua_pushnil(L);
  lua.lua_setglobal(L, ls(name));
}

/** The C function in field `name` of the table on top of the stack. */
function fieldFunction(L: LuaState, name: string): LuaCFunction {
  lua.lua_getfield(L, -1, ls(name));
  const fn = lua.lua_tocfunction(L, -1);
  lua.lua_pop(L, 1);
  if (!fn) throw new Error(`fengari has no C function ${name}`);
  return fn;
}

/** load() of text only: binary chunks made by hand can break the VM. */
function textOnlyLoad(L: LuaState): LuaCFunction {
  lua.lua_getglobal(L, ls('_G'));
  const load = fieldFunction(L, 'load');
  lua.lua_pop(L, 1);
  return (S) => {
    if (lua.lua_gettop(S) < 3) lua.lua_settop(S, 3);
    lua.lua_pushstring(S, ls('t'));
    lua.lua_replace(S, 3);
    return load(S);
  };
}

/**
 * xpcall whose message handler runs after the error, as an ordinary call. Lua runs a handler inside
 * the erroring hook, where hooks are off, so a looping handler would escape the instruction budget.
 */
const xpcall: LuaCFunction = (L) => {
  const n = lua.lua_gettop(L);
  lauxlib.luaL_checktype(L, 2, lua.LUA_TFUNCTION);
  lua.lua_pushvalue(L, 2);
  lua.lua_remove(L, 2);
  lua.lua_insert(L, 1); // handler, f, args...
  if (lua.lua_pcall(L, n - 2, lua.LUA_MULTRET, 0) === lua.LUA_OK) {
    lua.lua_pushboolean(L, true);
    lua.lua_replace(L, 1);
    return lua.lua_gettop(L);
  }
  lua.lua_call(L, 1, 1); // handler(err)
  lua.lua_pushboolean(L, false);
  lua.lua_insert(L, 1);
  return 2;
};

/** Argo's safe os: time() and date() on the given clock, and nothing that reaches the host. */
function openSafeOs(L: LuaState, now: (() => number) | undefined): void {
  lua.lua_pushcfunction(L, lualib.luaopen_os);
  lua.lua_call(L, 0, 1);
  const time = fieldFunction(L, 'time');
  const date = utcAwareDate(fieldFunction(L, 'date'));
  lua.lua_pop(L, 1);
  const clockSeconds = (S: LuaState): number => {
    if (!now) return raise(S, 'os.time and os.date have no clock here');
    return Math.floor(now() / 1000);
  };
  lua.lua_createtable(L, 0, 2);
  lua.lua_pushcfunction(L, (S) => {
    if (!lua.lua_isnoneornil(S, 1)) return asFloat(time)(S);
    lua.lua_pushnumber(S, clockSeconds(S));
    return 1;
  });
  lua.lua_setfield(L, -2, ls('time'));
  lua.lua_pushcfunction(L, (S) => {
    if (lua.lua_isnoneornil(S, 2)) {
      if (lua.lua_isnoneornil(S, 1)) {
        lua.lua_settop(S, 0);
        lua.lua_pushstring(S, ls('%c'));
      }
      lua.lua_settop(S, 1);
      lua.lua_pushnumber(S, clockSeconds(S));
    }
    return date(S);
  });
  lua.lua_setfield(L, -2, ls('date'));
  // os as a global and for require("os"), as Argo preloads its safe os.
  lua.lua_pushvalue(L, -1);
  lua.lua_setglobal(L, ls('os'));
  lua.lua_getglobal(L, ls('package'));
  lua.lua_getfield(L, -1, ls('loaded'));
  lua.lua_pushvalue(L, -3);
  lua.lua_setfield(L, -2, ls('os'));
  lua.lua_pop(L, 3);
}

/** package with only the preload searcher: require() cannot reach files or JavaScript modules. */
function restrictPackage(L: LuaState): void {
  lua.lua_getglobal(L, ls('package'));
  lua.lua_getfield(L, -1, ls('searchers'));
  lua.lua_createtable(L, 1, 0);
  lua.lua_rawgeti(L, -2, 1);
  lua.lua_rawseti(L, -2, 1);
  lua.lua_setfield(L, -3, ls('searchers'));
  lua.lua_pop(L, 1);
  for (const field of ['loadlib', 'searchpath']) {
    lua.lua_pushnil(L);
    lua.lua_setfield(L, -2, ls(field));
  }
  lua.lua_pop(L, 1);
}

function openSafeLibs(L: LuaState, now: (() => number) | undefined): void {
  lauxlib.luaL_requiref(L, ls('_G'), lualib.luaopen_base, 1);
  lauxlib.luaL_requiref(L, ls('package'), lualib.luaopen_package, 1);
  lauxlib.luaL_requiref(L, ls('table'), lualib.luaopen_table, 1);
  lua.lua_pop(L, 3);
  restrictPackage(L);
  openSafeOs(L, now);
  // No files and no output: the engine does no I/O.
  setGlobal(L, 'dofile', undefined);
  setGlobal(L, 'loadfile', undefined);
  setGlobal(L, 'print', () => 0);
}

function openAllLibs(L: LuaState): void {
  lualib.luaL_openlibs(L);
  // Open libraries still may not lift the budget nor stop the controller.
  for (const [lib, field] of [
    ['debug', 'sethook'],
    ['os', 'exit'],
  ] as const) {
    lua.lua_getglobal(L, ls(lib));
    lua.lua_pushnil(L);
    lua.lua_setfield(L, -2, ls(field));
    lua.lua_pop(L, 1);
  }
}

export function newSandbox(opts: SandboxOptions): Sandbox {
  const L = lauxlib.luaL_newstate();
  if (opts.useOpenLibs) openAllLibs(L);
  else openSafeLibs(L, opts.now);
  const load = textOnlyLoad(L);
  setGlobal(L, 'load', load);
  openLua51Base(L, load);
  if (opts.useOpenLibs) openLua51Libs(L);
  setGlobal(L, 'xpcall', xpcall);
  let used = 0;
  let exhausted = false;
  const hook: LuaHook = (S) => {
    if (!exhausted) {
      used += HOOK_STEP;
      if (used <= opts.instructionLimit) return;
      exhausted = true;
      // From now on every instruction fails, so no pcall can swallow the stop.
      lua.lua_sethook(S, hook, lua.LUA_MASKCOUNT, 1);
    }
    raise(S, `stopped after ${opts.instructionLimit} instructions`);
  };
  lua.lua_sethook(L, hook, lua.LUA_MASKCOUNT, HOOK_STEP);
  return { L, exhausted: () => exhausted };
}
