// Lua 5.1 as Argo CD's VM (gopher-lua) runs it, on top of fengari's Lua 5.3.
//
// Numbers: gopher-lua has one number type, a float64, printed as an integer when it has an integer
// value that fits int64 and otherwise as Go's fmt prints a float64 (shortest digits, an exponent from
// 1e+06 up and below 1e-04). fengari has 32-bit integers and floats printed as "5.0". So every number
// literal and every string converted to a number becomes a float, and every number prints as gopher-lua
// prints it. These two are fengari module functions its VM calls through the module object, so
// replacing them once changes every state in the process (only the Lua health and action checks use it).
//
// Functions: the 5.1 names that 5.3 dropped (table.getn, table.maxn, unpack, loadstring, math.pow,
// math.mod, math.log10, math.ldexp, math.frexp, math.cosh/sinh/tanh, math.atan2, string.gfind), and a
// table.sort that, like gopher-lua's, accepts a comparator that is not a strict order.
import { lauxlib, lua, type LuaCFunction, type LuaState } from 'fengari';
import lobject from 'fengari/src/lobject.js';
import { luaS_bless } from 'fengari/src/lstring.js';
import { ls } from './lua-names';

const TWO_63 = 2 ** 63;

/** A number as gopher-lua's LNumber.String() prints it. */
export function formatLuaNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (Number.isInteger(n) && n >= -TWO_63 && n < TWO_63) return BigInt(n).toString();
  // Go's %v of a float64: strconv 'g' with the shortest digits, an exponent when it is < -4 or >= 6.
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

let installed = false;

/** Makes fengari's numbers gopher-lua's: float literals and conversions, gopher-lua's printing. */
export function installLua51Numbers(): void {
  if (installed) return;
  installed = true;
  const str2num = lobject.luaO_str2num;
  lobject.luaO_str2num = (s, o) => {
    const size = str2num(s, o);
    if (size !== 0 && o.ttisinteger()) o.setfltvalue(o.value);
    return size;
  };
  const encoder = new TextEncoder();
  lobject.luaO_tostring = (L, obj) => {
    obj.setsvalue(luaS_bless(L, encoder.encode(formatLuaNumber(obj.value))));
  };
  // tostring() and string.format's %s print a number through lua_pushfstring("%I" or "%f", n),
  // whose formatter calls fengari's own printing directly.
  const pushvfstring = lobject.luaO_pushvfstring;
  const percentS = encoder.encode('%s');
  lobject.luaO_pushvfstring = (L, fmt, argp) => {
    if (fmt.length === 2 && fmt[0] === 37 && (fmt[1] === 73 || fmt[1] === 102) && typeof argp[0] === 'number') {
      return pushvfstring(L, percentS, [encoder.encode(formatLuaNumber(argp[0]))]);
    }
    return pushvfstring(L, fmt, argp);
  };
}

/** The C function in field `name` of the table at `idx`. */
function field(L: LuaState, idx: number, name: string): LuaCFunction | undefined {
  lua.lua_getfield(L, idx, ls(name));
  const fn = lua.lua_tocfunction(L, -1);
  lua.lua_pop(L, 1);
  return fn ?? undefined;
}

function setField(L: LuaState, name: string, fn: LuaCFunction): void {
  lua.lua_pushcfunction(L, fn);
  lua.lua_setfield(L, -2, ls(name));
}

/** A library function whose number result is always a float (so products do not wrap at 2^31). */
export const asFloat =
  (fn: LuaCFunction): LuaCFunction =>
  (L) => {
    const n = fn(L);
    if (n === 1 && lua.lua_type(L, -1) === lua.LUA_TNUMBER) {
      const v = lua.lua_tonumber(L, -1);
      lua.lua_pop(L, 1);
      lua.lua_pushnumber(L, v);
    }
    return n;
  };

/** Stable merge sort of `items` by `less`; ends whatever `less` answers, as gopher-lua's sort does. */
function mergeSort(items: number[], less: (a: number, b: number) => boolean): number[] {
  if (items.length < 2) return items;
  const mid = items.length >> 1;
  const left = mergeSort(items.slice(0, mid), less);
  const right = mergeSort(items.slice(mid), less);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(less(right[j], left[i]) ? right[j++] : left[i++]);
  return out.concat(left.slice(i), right.slice(j));
}

/** table.sort(t [, comp]) over t[1..#t]. Only the comparator's answers decide the order; none is an error. */
const sort: LuaCFunction = (L) => {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  const withComparator = !lua.lua_isnoneornil(L, 2);
  if (withComparator) lauxlib.luaL_checktype(L, 2, lua.LUA_TFUNCTION);
  lua.lua_settop(L, 2);
  const n = lua.lua_rawlen(L, 1);
  const less = (a: number, b: number): boolean => {
    if (withComparator) lua.lua_pushvalue(L, 2);
    lua.lua_rawgeti(L, 1, a);
    lua.lua_rawgeti(L, 1, b);
    if (withComparator) lua.lua_call(L, 2, 1);
    const result = withComparator ? lua.lua_toboolean(L, -1) : lua.lua_compare(L, -2, -1, lua.LUA_OPLT);
    lua.lua_pop(L, withComparator ? 1 : 2);
    return result;
  };
  const order = mergeSort(
    Array.from({ length: n }, (_, i) => i + 1),
    less,
  );
  lua.lua_createtable(L, n, 0);
  order.forEach((from, i) => {
    lua.lua_rawgeti(L, 1, from);
    lua.lua_rawseti(L, 3, i + 1);
  });
  for (let i = 1; i <= n; i++) {
    lua.lua_rawgeti(L, 3, i);
    lua.lua_rawseti(L, 1, i);
  }
  return 0;
};

/** table.maxn: the largest positive number key, 0 when there is none. */
const maxn: LuaCFunction = (L) => {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  let max = 0;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, 1) !== 0) {
    lua.lua_pop(L, 1);
    if (lua.lua_type(L, -1) === lua.LUA_TNUMBER) max = Math.max(max, lua.lua_tonumber(L, -1));
  }
  lua.lua_pushnumber(L, max);
  return 1;
};

/** table.getn: the length of t, as # gives it. */
const getn: LuaCFunction = (L) => {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  lua.lua_pushnumber(L, lua.lua_rawlen(L, 1));
  return 1;
};

const mathFunctions: Record<string, (...xs: number[]) => number> = {
  pow: (x, y) => x ** y,
  mod: (x, y) => x % y,
  log10: (x) => Math.log10(x),
  ldexp: (m, e) => m * 2 ** e,
  cosh: (x) => Math.cosh(x),
  sinh: (x) => Math.sinh(x),
  tanh: (x) => Math.tanh(x),
  atan2: (y, x) => Math.atan2(y, x),
};

/** math.frexp: m and e with x = m * 2^e and 0.5 <= |m| < 1 (m = x, e = 0 for 0, inf and nan). */
const frexp: LuaCFunction = (L) => {
  const x = lauxlib.luaL_checknumber(L, 1);
  let e = 0;
  let m = x;
  if (x !== 0 && Number.isFinite(x)) {
    e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
    m = x * 2 ** -e;
    for (; Math.abs(m) < 0.5; e--) m *= 2;
    for (; Math.abs(m) >= 1; e++) m /= 2;
  }
  lua.lua_pushnumber(L, m);
  lua.lua_pushnumber(L, e);
  return 2;
};

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, width = 2, fill = '0'): string => String(n).padStart(width, fill);

/** strftime in UTC, for os.date("!..."), whose "!" fengari copies into its output instead of obeying. */
export function strftimeUtc(format: string, seconds: number): string {
  const d = new Date(seconds * 1000);
  const yday = Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  const h = d.getUTCHours();
  const conv: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()].slice(0, 3),
    A: () => DAYS[d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()].slice(0, 3),
    B: () => MONTHS[d.getUTCMonth()],
    c: () => `${conv.a()} ${conv.b()} ${pad(d.getUTCDate(), 2, ' ')} ${conv.X()} ${d.getUTCFullYear()}`,
    d: () => pad(d.getUTCDate()),
    e: () => pad(d.getUTCDate(), 2, ' '),
    H: () => pad(h),
    I: () => pad(h % 12 || 12),
    j: () => pad(yday, 3),
    m: () => pad(d.getUTCMonth() + 1),
    M: () => pad(d.getUTCMinutes()),
    p: () => (h < 12 ? 'AM' : 'PM'),
    S: () => pad(d.getUTCSeconds()),
    w: () => String(d.getUTCDay()),
    x: () => `${conv.m()}/${conv.d()}/${conv.y()}`,
    X: () => `${conv.H()}:${conv.M()}:${conv.S()}`,
    y: () => pad(d.getUTCFullYear() % 100),
    Y: () => String(d.getUTCFullYear()),
    Z: () => 'UTC',
    z: () => '+0000',
    '%': () => '%',
  };
  return format.replace(/%(.?)/g, (all, c: string) => conv[c]?.() ?? all);
}

/** os.date that obeys a leading "!" in a format other than "*t" (which fengari already handles). */
export const utcAwareDate =
  (date: LuaCFunction): LuaCFunction =>
  (L) => {
    if (lua.lua_type(L, 1) === lua.LUA_TSTRING) {
      const format = lua.lua_tojsstring(L, 1);
      if (format.startsWith('!') && !format.startsWith('!*t')) {
        const seconds = lua.lua_isnoneornil(L, 2) ? Math.floor(Date.now() / 1000) : lauxlib.luaL_checknumber(L, 2);
        lua.lua_pushstring(L, new TextEncoder().encode(strftimeUtc(format.slice(1), seconds)));
        return 1;
      }
    }
    return date(L);
  };

/** The 5.1 names in table (always open, as in Argo's safe set) and the base library. */
export function openLua51Base(L: LuaState, load: LuaCFunction): void {
  lua.lua_getglobal(L, ls('table'));
  const unpack = field(L, -1, 'unpack');
  setField(L, 'getn', getn);
  setField(L, 'maxn', maxn);
  setField(L, 'sort', sort);
  lua.lua_pop(L, 1);
  if (unpack) {
    lua.lua_pushcfunction(L, unpack);
    lua.lua_setglobal(L, ls('unpack'));
  }
  // loadstring(s [, chunkname]): load() of text, so it is as sandboxed as load is.
  lua.lua_pushcfunction(L, (S) => {
    lauxlib.luaL_checkstring(S, 1);
    lua.lua_settop(S, 2);
    return load(S);
  });
  lua.lua_setglobal(L, ls('loadstring'));
}

/** The 5.1 names in math, string and os, for states with every library open. */
export function openLua51Libs(L: LuaState): void {
  lua.lua_getglobal(L, ls('math'));
  for (const [name, fn] of Object.entries(mathFunctions)) {
    setField(L, name, (S) => {
      const args = Array.from({ length: fn.length }, (_, i) => lauxlib.luaL_checknumber(S, i + 1));
      lua.lua_pushnumber(S, fn(...args));
      return 1;
    });
  }
  setField(L, 'frexp', frexp);
  for (const name of ['floor', 'ceil']) {
    const fn = field(L, -1, name);
    if (fn) setField(L, name, asFloat(fn));
  }
  lua.lua_pop(L, 1);
  lua.lua_getglobal(L, ls('string'));
  const gmatch = field(L, -1, 'gmatch');
  if (gmatch) setField(L, 'gfind', gmatch);
  lua.lua_pop(L, 1);
  lua.lua_getglobal(L, ls('os'));
  const time = field(L, -1, 'time');
  if (time) setField(L, 'time', asFloat(time));
  const date = field(L, -1, 'date');
  if (date) setField(L, 'date', utcAwareDate(date));
  lua.lua_pop(L, 1);
}
