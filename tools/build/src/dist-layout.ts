import { join } from 'node:path';

/**
 * What `npm run build` puts under dist/. The tree mirrors the repository (dist/services/<name>/src/main.js
 * beside dist/libs/…), so every `join(__dirname, '..', …)` in the code finds its file at the same
 * relative place, and `@flotilla/*` imports are rewritten to relative paths between the compiled files.
 */
export interface DistLayout {
  /** Folders, relative to the repository, whose files are copied as they are (not compiled). */
  assetDirs: string[];
  /** Folder names never descended into under a package's src/ (fixtures only specs read). */
  skipDirs: string[];
  /** Command-line entry points, written at the bin path under dist/ to call `main(process.argv)` of the compiled main. */
  commands: { bin: string; main: string }[];
}

export const DIST_LAYOUT: DistLayout = {
  assetDirs: [
    // libs/contracts' load-contracts.ts: gRPC services are loaded from the .proto files at start-up.
    'proto',
    // libs/api-types' crds.ts: the api-server installs the CRDs on a fresh hub.
    join('charts', 'flotilla', 'crds'),
    // libs/api-types' notifications-catalog.ts: `flotilla admin notifications catalog apply` reads these files.
    'notifications-catalog',
    // kube-sim's schema and protobuf tables (schema/builtin-schemas.ts, protobuf/kube-protobuf.decoder.ts).
    join('tools', 'kube-sim', 'openapi'),
  ],
  skipDirs: ['node_modules', 'testdata', '__snapshots__'],
  // The source tree's bin scripts compile TypeScript on load; these take their place in dist/.
  commands: [
    { bin: join('cli', 'bin', 'flotilla.js'), main: join('cli', 'src', 'main.ts') },
    { bin: join('tools', 'kube-sim', 'bin', 'kube-sim.js'), main: join('tools', 'kube-sim', 'src', 'cli.ts') },
  ],
};

/** The compiled entry point of a service: `node <this>` starts it. */
export function serviceEntry(outDir: string, service: string): string {
  return join(outDir, 'services', service, 'src', 'main.js');
}
