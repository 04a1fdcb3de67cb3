import { minimatch } from 'minimatch';
import { parseAllDocuments } from 'yaml';

/** `spec.source.directory` of an Application. */
export interface DirectoryOptions {
  recurse?: boolean;
  include?: string;
  exclude?: string;
}

export interface SourceFile {
  /** Path relative to the repository root. */
  path: string;
  content: Buffer;
}

export type Manifest = Record<string, unknown> & { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };

/** A manifest that cannot be rendered; the message names the file and where in it. */
export class ManifestError extends Error {}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** Argo's globs: `*.yaml`, or several in braces `{a.yaml,env/*}`. */
function matches(pattern: string | undefined, path: string): boolean {
  if (!pattern) return false;
  return minimatch(path, pattern, { dot: true, matchBase: !pattern.includes('/') && !pattern.startsWith('{') }) || minimatch(path.split('/').pop()!, pattern, { dot: true });
}

/** The files a directory source renders: under `appPath`, recursive or not, filtered by include/exclude. */
export function selectDirectoryFiles<T extends { path: string }>(files: T[], appPath: string, opts: DirectoryOptions = {}): T[] {
  const base = appPath === '.' ? '' : appPath.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  return files.filter((f) => {
    if (base && !f.path.startsWith(`${base}/`)) return false;
    const rel = base ? f.path.slice(base.length + 1) : f.path;
    if (!opts.recurse && rel.includes('/')) return false;
    if (!MANIFEST_FILE.test(rel)) return false;
    if (opts.include && !matches(opts.include, rel)) return false;
    return !(opts.exclude && matches(opts.exclude, rel));
  });
}

/** Parses plain YAML and JSON manifests, in path order, failing with the file and line of the first error. */
export function renderDirectory(files: SourceFile[]): Manifest[] {
  const out: Manifest[] = [];
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) out.push(...parseManifestFile(f));
  return out;
}

function parseManifestFile(f: SourceFile): Manifest[] {
  const text = f.content.toString('utf8');
  if (/\.json$/i.test(f.path)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new ManifestError(`${f.path}: invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    return (Array.isArray(parsed) ? parsed : [parsed]).map((m, i) => checkManifest(m, `${f.path}${Array.isArray(parsed) ? ` [${i}]` : ''}`));
  }
  const docs = parseAllDocuments(text, { prettyErrors: true });
  const out: Manifest[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0];
      throw new ManifestError(`${f.path}${line ? `:${line.line}:${line.col}` : ''}: invalid YAML: ${err.message.split('\n')[0]}`);
    }
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    const line = doc.contents?.range ? text.slice(0, doc.contents.range[0]).split('\n').length : undefined;
    out.push(checkManifest(value, `${f.path}${line ? `:${line}` : ''}`));
  }
  return out;
}

function checkManifest(value: unknown, where: string): Manifest {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ManifestError(`${where}: expected a Kubernetes object, found ${Array.isArray(value) ? 'a list' : typeof value}`);
  const m = value as Manifest;
  if (!m.apiVersion || !m.kind) throw new ManifestError(`${where}: object has no ${!m.apiVersion ? 'apiVersion' : 'kind'}`);
  if (!m.metadata?.name && !(m.metadata as { generateName?: string } | undefined)?.generateName) throw new ManifestError(`${where}: ${m.kind} has no metadata.name`);
  return m;
}
