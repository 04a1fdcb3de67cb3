// Lua strings for the fixed names the sandbox and its libraries set, each encoded once.
import { to_luastring } from 'fengari';

const names = new Map<string, Uint8Array>();

/** A Lua string for a fixed name, encoded once. */
export const ls = (s: string): Uint8Array => {
  let v = names.get(s);
  if (!v) names.set(s, (v = to_luastring(s)));
  return v;
};
