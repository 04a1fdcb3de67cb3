import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Per source file (relative to the repository), the stamp it had when its output was written. */
export interface BuildManifest {
  /** Compiler version and options: a change rebuilds everything. */
  salt: string;
  stamps: Record<string, string>;
}

const FILE = '.build-manifest.json';

/** The last build's manifest in outDir, or an empty one when there is none or it was made with other options. */
export function readManifest(outDir: string, salt: string): BuildManifest {
  try {
    const manifest = JSON.parse(readFileSync(join(outDir, FILE), 'utf8')) as BuildManifest;
    if (manifest.salt === salt && manifest.stamps) return manifest;
  } catch {
    // No build yet, or an unreadable one: everything is built again.
  }
  return { salt, stamps: {} };
}

/** Written aside and renamed, so a build that is interrupted leaves the previous manifest, never half of one. */
export function writeManifest(outDir: string, manifest: BuildManifest): void {
  const path = join(outDir, FILE);
  const partial = `${path}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(manifest));
  renameSync(partial, path);
}
