// Kubernetes JSON into Lua tables, and a health script's answer out of Lua, the way Argo CD's
// util/lua hands `obj` to scripts and reads their result (through JSON, so only status and message count).
import { lauxlib, lua, to_jsstring, to_luastring, type LuaState } from 'fengari';
import type { HealthStatus, HealthStatusCode } from '@flotilla/api-types';
import { isRecord } from '../../object/json-value';
import { ls } from './lua-sandbox';

/** What a health script said: a status, nothing (nil or an empty table), or an error to report. */
export interface ScriptHealth {
  health?: HealthStatus;
  error?: string;
}

const STATUSES: readonly HealthStatusCode[] = ['Healthy', 'Progressing', 'Degraded', 'Suspended', 'Missing', 'Unknown'];

/** Argo's message for a status outside the six it knows. */
export const INVALID_HEALTH_STATUS = 'Lua returned an invalid health status';

/** Pushes a JSON value: objects and arrays become tables (arrays from index 1), null becomes nil, numbers floats. */
export function pushJson(L: LuaState, value: unknown): void {
  lauxlib.luaL_checkstack(L, 3, null);
  if (value === null || value === undefined) lua.lua_pushnil(L);
  else if (typeof value === 'boolean') lua.lua_pushboolean(L, value);
  // One number type, as in Argo's VM: a float, which the 5.1 layer prints "3" when it is whole.
  else if (typeof value === 'number') lua.lua_pushnumber(L, value); else if (typeof value === 'string') lua.lua_pushstring(L, to_luastring(value));
  else if (Array.isArray(value)) {
    // Argo appends each item to the table and appending nil does nothing, so nulls close up:
    // [a, null, b] is {a, b}.
    lua.lua_createtable(L, value.length, 0);
    let n = 0;
    for (const item of value) {
      if (item === null || item === undefined) continue;
      pushJson(L, item);
      lua.lua_rawseti(L, -2, ++n);
    }
  } else if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
    lua.lua_createtable(L, 0, entries.length);
    for (const [k, v] of entries) {
      pushJson(L, v);
      lua.lua_setfield(L, -2, to_luastring(k));
    }
  } else lua.lua_pushnil(L);
}

const typeName = (L: LuaState, idx: number): string => to_jsstring(lua.lua_typename(L, lua.lua_type(L, idx)));

/** An error value as text, without running its metamethods. */
export function errorText(L: LuaState, idx: number): string {
  const t = lua.lua_type(L, idx);
  if (t === lua.LUA_TSTRING || t === lua.LUA_TNUMBER) return lua.lua_tojsstring(L, idx);
  return `(error object is a ${typeName(L, idx)} value)`;
}

/** Field `name` of the table at absolute index `table`, raw (no metamethods), left on the stack. */
function rawField(L: LuaState, table: number, name: string): number {
  lua.lua_pushstring(L, ls(name));
  return lua.lua_rawget(L, table);
}

/** True when the table has no string keys: Argo's JSON makes it an array, which reads as no health. */
function hasNoStringKeys(L: LuaState, table: number): boolean {
  lua.lua_pushnil(L);
  while (lua.lua_next(L, table) !== 0) {
    const stringKey = lua.lua_type(L, -2) === lua.LUA_TSTRING;
    lua.lua_pop(L, stringKey ? 2 : 1);
    if (stringKey) return false;
  }
  return true;
}

/** A string field's text; `mismatch` when it holds something else. */
function stringField(L: LuaState, table: number, name: string): { value?: string; mismatch?: boolean } {
  const t = rawField(L, table, name);
  try {
    if (t === lua.LUA_TNIL) return {};
    if (t !== lua.LUA_TSTRING) return { mismatch: true };
    return { value: lua.lua_tojsstring(L, -1) };
  } finally {
    lua.lua_pop(L, 1);
  }
}

/** Reads the script's return value at `idx`. */
export function readScriptHealth(L: LuaState, idx: number): ScriptHealth {
  const t = lua.lua_type(L, idx);
  if (t === lua.LUA_TNIL || t === lua.LUA_TNONE) return {};
  if (t !== lua.LUA_TTABLE) return { error: `expect table output from Lua script, not ${typeName(L, idx)}` };
  const table = idx < 0 ? lua.lua_gettop(L) + idx + 1 : idx;
  if (hasNoStringKeys(L, table)) return {};
  const status = stringField(L, table, 'status');
  const message = stringField(L, table, 'message');
  // Argo decodes the table's JSON into its HealthStatus and, on any type error (not only the array
  // its check is written for: errors.As matches every *json.UnmarshalTypeError), returns an empty
  // status. So a message or status that is not a string means no health, even beside a good status.
  if (status.mismatch || message.mismatch) return {};
  if (!STATUSES.includes(status.value as HealthStatusCode)) return { health: { status: 'Unknown', message: INVALID_HEALTH_STATUS } };
  const health: HealthStatus = { status: status.value as HealthStatusCode };
  if (message.value) health.message = message.value;
  return { health };
}
