// Types for the part of fengari (Lua 5.3 in JavaScript, https://github.com/fengari-lua/fengari) the
// Lua health checks use; the package ships none. Lua strings are byte arrays (Uint8Array).
declare module 'fengari' {
  /** An opaque lua_State. */
  export interface LuaState {
    readonly __luaState: unique symbol;
  }
  export type LuaString = Uint8Array;
  export type LuaCFunction = (L: LuaState) => number;
  export type LuaHook = (L: LuaState, ar: unknown) => void;
  export type LuaWriter = (L: LuaState, chunk: Uint8Array, size: number, ud: unknown) => number;

  export function to_luastring(s: string): LuaString;
  export function to_jsstring(s: LuaString): string;

  export const lua: {
    LUA_OK: number;
    LUA_MULTRET: number;
    LUA_MASKCOUNT: number;
    LUA_REGISTRYINDEX: number;
    LUA_TNONE: number;
    LUA_TNIL: number;
    LUA_TBOOLEAN: number;
    LUA_TNUMBER: number;
    LUA_TSTRING: number;
    LUA_TTABLE: number;
    LUA_TFUNCTION: number;
    LUA_OPLT: number;
    lua_call(L: LuaState, nargs: number, nresults: number): void;
    lua_checkstack(L: LuaState, n: number): boolean;
    lua_compare(L: LuaState, a: number, b: number, op: number): boolean;
    lua_createtable(L: LuaState, narr: number, nrec: number): void;
    lua_dump(L: LuaState, writer: LuaWriter, data: unknown, strip: boolean): number;
    lua_error(L: LuaState): never;
    lua_getfield(L: LuaState, idx: number, k: LuaString): number;
    lua_getglobal(L: LuaState, name: LuaString): number;
    lua_gettop(L: LuaState): number;
    lua_insert(L: LuaState, idx: number): void;
    lua_isinteger(L: LuaState, idx: number): boolean;
    lua_isnoneornil(L: LuaState, idx: number): boolean;
    lua_next(L: LuaState, idx: number): number;
    lua_pcall(L: LuaState, nargs: number, nresults: number, msgh: number): number;
    lua_pop(L: LuaState, n: number): void;
    lua_pushboolean(L: LuaState, b: boolean): void;
    lua_pushcfunction(L: LuaState, f: LuaCFunction): void;
    lua_pushinteger(L: LuaState, n: number): void;
    lua_pushnil(L: LuaState): void;
    lua_pushnumber(L: LuaState, n: number): void;
    lua_pushstring(L: LuaState, s: LuaString): void;
    lua_pushvalue(L: LuaState, idx: number): void;
    lua_rawlen(L: LuaState, idx: number): number;
    lua_rawget(L: LuaState, idx: number): number;
    lua_rawgeti(L: LuaState, idx: number, n: number): number;
    lua_rawseti(L: LuaState, idx: number, n: number): void;
    lua_remove(L: LuaState, idx: number): void;
    lua_replace(L: LuaState, idx: number): void;
    lua_setfield(L: LuaState, idx: number, k: LuaString): void;
    lua_setglobal(L: LuaState, name: LuaString): void;
    lua_sethook(L: LuaState, f: LuaHook | null, mask: number, count: number): void;
    lua_settop(L: LuaState, idx: number): void;
    lua_toboolean(L: LuaState, idx: number): boolean;
    lua_tonumber(L: LuaState, idx: number): number;
    lua_topointer(L: LuaState, idx: number): unknown;
    lua_tocfunction(L: LuaState, idx: number): LuaCFunction | null;
    lua_tojsstring(L: LuaState, idx: number): string;
    lua_type(L: LuaState, idx: number): number;
    lua_typename(L: LuaState, t: number): LuaString;
  };

  export const lauxlib: {
    luaL_checkstack(L: LuaState, space: number, msg: LuaString | null): void;
    luaL_checknumber(L: LuaState, arg: number): number;
    luaL_checkstring(L: LuaState, arg: number): LuaString;
    luaL_checktype(L: LuaState, arg: number, t: number): void;
    luaL_loadbufferx(L: LuaState, buff: LuaString, size: number | null, name: LuaString, mode: LuaString | null): number;
    luaL_newstate(): LuaState;
    luaL_requiref(L: LuaState, modname: LuaString, openf: LuaCFunction, glb: number): void;
  };

  export const lualib: {
    luaL_openlibs(L: LuaState): void;
    luaopen_base: LuaCFunction;
    luaopen_math: LuaCFunction;
    luaopen_string: LuaCFunction;
    luaopen_os: LuaCFunction;
    luaopen_package: LuaCFunction;
    luaopen_table: LuaCFunction;
  };
}

// fengari's number conversions, which the Lua 5.1 layer replaces so numbers behave as in Argo CD's VM.
declare module 'fengari/src/lobject.js' {
  /** A TValue: a Lua value cell. */
  interface TValue {
    value: number;
    ttisinteger(): boolean;
    setfltvalue(n: number): void;
    setsvalue(s: unknown): void;
  }
  const lobject: {
    luaO_tostring: (L: unknown, obj: TValue) => void;
    luaO_str2num: (s: Uint8Array, o: TValue) => number;
    luaO_pushvfstring: (L: unknown, fmt: Uint8Array, argp: unknown[]) => Uint8Array;
  };
  export = lobject;
}

declare module 'fengari/src/lstring.js' {
  export function luaS_bless(L: unknown, s: Uint8Array): unknown;
}
