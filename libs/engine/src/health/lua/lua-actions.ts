// Resource actions as Argo CD's util/lua runs them: actions/discovery.lua returns a table of action
// name to {disabled=..., iconClass=..., displayName=...}; actions/<name>/action.lua returns the changed
// `obj` (a patch of the object) or a list of {operation="patch"|"create", resource=...}. Results leave
// Lua the way Argo's gopher-json encodes tables: consecutive keys from 1 are an array, an empty table
// an empty array (so Argo puts back an empty map where the object had one), anything else an object.
import { lua, to_jsstring, type LuaState } from 'fengari';
import type { KubeObject } from '@flotilla/api-types';
import { isRecord } from '../../object/json-value';
import { runLuaScript, type LuaHealthOptions } from './lua-script.health';
import { formatLuaNumber } from './lua51-compat';

/** A parameter an action takes (Argo's ResourceActionParam), as discovery describes it. */
export interface ActionParam {
  name: string;
  value?: string;
  type?: string;
  default?: string;
}

export interface DiscoveredAction {
  name: string;
  disabled: boolean;
  iconClass?: string;
  displayName?: string;
  params?: ActionParam[];
}

/** The params a discovery script lists for an action, those with a name. */
function paramsOf(value: unknown): ActionParam[] | undefined {
  if (!isRecord(value) || !Array.isArray(value.params)) return undefined;
  const params: ActionParam[] = [];
  for (const p of value.params) {
    if (!isRecord(p) || typeof p.name !== 'string') continue;
    const param: ActionParam = { name: p.name };
    for (const field of ['value', 'type', 'default'] as const) if (typeof p[field] === 'string') param[field] = p[field];
    params.push(param);
  }
  return params;
}

export interface ImpactedResource {
  operation: 'patch' | 'create';
  resource: KubeObject;
}

/** A table as JSON, as gopher-json encodes it; throws on functions, nested cycles and NaN. */
function luaToJson(L: LuaState, idx: number, visited: Set<unknown>): unknown {
  const t = lua.lua_type(L, idx);
  if (t === lua.LUA_TNIL || t === lua.LUA_TNONE) return null;
  if (t === lua.LUA_TBOOLEAN) return lua.lua_toboolean(L, idx);
  if (t === lua.LUA_TNUMBER) {
    const n = lua.lua_tonumber(L, idx);
    if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${formatLuaNumber(n)}`);
    return n;
  }
  if (t === lua.LUA_TSTRING) return lua.lua_tojsstring(L, idx);
  if (t !== lua.LUA_TTABLE) throw new Error(`cannot encode ${typeName(L, idx)} to JSON`);
  const table = idx < 0 ? lua.lua_gettop(L) + idx + 1 : idx;
  const pointer = lua.lua_topointer(L, table);
  if (visited.has(pointer)) throw new Error('cannot encode recursively nested tables to JSON');
  visited.add(pointer);
  // fengari's next() does not visit 1..n in order; gopher-lua's array part does. Keys 1..n are an array.
  const entries: [string | number, unknown][] = [];
  lua.lua_pushnil(L);
  while (lua.lua_next(L, table) !== 0) {
    const value = luaToJson(L, -1, visited);
    const keyType = lua.lua_type(L, -2);
    const key =
      keyType === lua.LUA_TNUMBER
        ? lua.lua_tonumber(L, -2)
        : keyType === lua.LUA_TSTRING
          ? lua.lua_tojsstring(L, -2)
          : keyType === lua.LUA_TBOOLEAN
            ? String(lua.lua_toboolean(L, -2))
            : typeName(L, -2);
    entries.push([key, value]);
    lua.lua_pop(L, 1);
  }
  const isArray = entries.every(([k]) => typeof k === 'number' && Number.isInteger(k) && k >= 1 && k <= entries.length);
  visited.delete(pointer);
  if (isArray) return entries.sort(([a], [b]) => (a as number) - (b as number)).map(([, v]) => v);
  return Object.fromEntries(entries.map(([k, v]) => [typeof k === 'number' ? formatLuaNumber(k) : k, v]));
}

const typeName = (L: LuaState, idx: number): string => to_jsstring(lua.lua_typename(L, lua.lua_type(L, idx)));

/** The result at the top of the stack as JSON, when it is a table; an error message otherwise. */
function tableResult(L: LuaState): { json: unknown } | { error: string } {
  const t = lua.lua_type(L, -1);
  if (t !== lua.LUA_TTABLE) {
    return { error: `expect table output from Lua script, not ${t === lua.LUA_TNONE ? 'nil' : typeName(L, -1)}` };
  }
  try {
    return { json: luaToJson(L, -1, new Set()) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** fengari's own failures (a string too large for JavaScript, say) as an error, not a throw. */
function guarded<T>(fn: () => T | { error: string }): T | { error: string } {
  try {
    return fn();
  } catch (err) {
    return { error: `the script failed: ${(err as Error).message}` };
  }
}

/** The actions discovery.lua offers for `obj`. */
export function luaActionDiscovery(
  script: string,
  obj: KubeObject,
  opts: LuaHealthOptions = {},
): { actions: DiscoveredAction[] } | { error: string } {
  const run = guarded(() => runLuaScript(script, obj, opts, 'actions/discovery.lua'));
  if ('error' in run) return run;
  const result = tableResult(run.L);
  if ('error' in result) return result;
  if (Array.isArray(result.json) && result.json.length === 0) return { actions: [] };
  if (!isRecord(result.json)) return { error: 'the discovery script must return a table of action names' };
  const actions = Object.entries(result.json).map(([name, value]): DiscoveredAction => {
    const action: DiscoveredAction = { name, disabled: isRecord(value) && value.disabled === true };
    if (isRecord(value) && typeof value.iconClass === 'string') action.iconClass = value.iconClass;
    if (isRecord(value) && typeof value.displayName === 'string') action.displayName = value.displayName;
    const params = paramsOf(value);
    if (params) action.params = params;
    return action;
  });
  return { actions: actions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}

/** Where the script turned a map of the original into an empty array (an empty Lua table), the map again. */
function cleanReturned(next: unknown, original: unknown): unknown {
  if (isRecord(next) && isRecord(original)) {
    const out: Record<string, unknown> = { ...next };
    for (const [k, v] of Object.entries(next)) {
      if (!(k in original)) continue;
      const before = original[k];
      if (Array.isArray(v) && v.length === 0 && isRecord(before)) out[k] = before;
      else out[k] = cleanReturned(v, before);
    }
    return out;
  }
  if (Array.isArray(next) && Array.isArray(original)) return next.map((v, i) => cleanReturned(v, original[i]));
  return next;
}

/** What action.lua does to `obj`: the resources it patches or creates. */
export function luaAction(
  script: string,
  obj: KubeObject,
  opts: LuaHealthOptions = {},
  params?: Record<string, string>,
): { impacted: ImpactedResource[] } | { error: string } {
  const run = guarded(() => runLuaScript(script, obj, opts, 'action.lua', params));
  if ('error' in run) return run;
  const result = tableResult(run.L);
  if ('error' in result) return result;
  const json = result.json;
  if (Array.isArray(json) && json.length > 0 && json.every((r) => isRecord(r) && 'operation' in r)) {
    const impacted: ImpactedResource[] = [];
    for (const r of json as Record<string, unknown>[]) {
      if (r.operation !== 'patch' && r.operation !== 'create') return { error: `unsupported operation: ${String(r.operation)}` };
      if (!isRecord(r.resource)) return { error: `a ${r.operation} needs a resource` };
      const resource = (r.operation === 'patch' ? cleanReturned(r.resource, obj) : r.resource) as KubeObject;
      impacted.push({ operation: r.operation, resource });
    }
    return { impacted };
  }
  if (!isRecord(json)) return { error: 'the action must return the changed object or a list of impacted resources' };
  return { impacted: [{ operation: 'patch', resource: cleanReturned(json, obj) as KubeObject }] };
}
