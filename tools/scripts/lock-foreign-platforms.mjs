#!/usr/bin/env node
// The npm registry this project installs from does not serve every platform build of every
// optional native package (e.g. msgpackr-extract's darwin and win32 builds). `npm install` then
// leaves them out of package-lock.json and `npm ci` refuses the lock as out of sync. This script
// records each missing optional platform package in the lock with its os/cpu, so `npm ci` skips it
// on Linux as it would anyway. Run it after any `npm install` that changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const platformOf = (name) => {
  const m = /-(darwin|linux|win32|freebsd|android)-(arm64|x64|arm|ia32)(?:-(gnu|musl|msvc))?$/.exec(name);
  return m ? { os: m[1], cpu: m[2] } : undefined;
};

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const platform = platformOf(dep);
    if (!platform) continue;
    const base = path === '' ? '' : `${path}/`;
    const candidates = [`${base}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => lock.packages[c])) continue;
    lock.packages[`node_modules/${dep}`] = {
      version: version.replace(/^[\^~]/, ''),
      cpu: [platform.cpu],
      license: 'MIT',
      optional: true,
      os: [platform.os],
    };
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
lock.packages = sorted;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-foreign-platforms: recorded ${added} optional platform package(s)`);
