// The web UI's built files (Vite's output), read once into memory at start with a gzip copy of each
// text file: a few hundred KB that every browser asks for, served without touching the disk again.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface UiAsset {
  readonly body: Buffer;
  readonly gzip?: Buffer;
  readonly contentType: string;
  /** Vite names the files under assets/ by their content's hash: a browser may keep them for ever. */
  readonly immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.map']);
/** A build's marker: Vite writes it with `build.manifest`, and a source tree's ui/ has none. */
const MANIFEST = join('.vite', 'manifest.json');

/** Where a build is looked for when FLOTILLA_UI_DIR is not set: beside the compiled code, or the repository's dist/ when running from source. */
export function defaultUiDirs(): string[] {
  // dist/services/api-server/src/ui → dist/ui; services/api-server/src/ui → dist/ui of the repository.
  const root = join(__dirname, '..', '..', '..', '..');
  return [join(root, 'ui'), join(root, 'dist', 'ui')];
}

export function findUiDir(candidates: readonly string[]): string | undefined {
  return candidates.find((dir) => existsSync(join(dir, MANIFEST)));
}

export class UiAssets {
  private readonly files = new Map<string, UiAsset>();

  constructor(readonly dir: string) {
    for (const file of walk(dir)) {
      const rel = relative(dir, file).split(sep).join('/');
      if (rel.startsWith('.vite/')) continue;
      const body = readFileSync(file);
      const ext = extname(file);
      this.files.set(`/${rel}`, {
        body,
        gzip: COMPRESSIBLE.has(ext) && body.length > 512 ? gzipSync(body) : undefined,
        contentType: TYPES[ext] ?? 'application/octet-stream',
        immutable: rel.startsWith('assets/'),
      });
    }
    if (!this.files.has('/index.html')) throw new Error(`the UI build in ${dir} has no index.html`);
  }

  /** The file at a URL path, looked up by exact name (nothing is resolved against the disk). */
  file(path: string): UiAsset | undefined {
    return this.files.get(path);
  }

  get index(): UiAsset {
    return this.files.get('/index.html')!;
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}
