import { isUtf8 } from 'node:buffer';
import { minimatch } from 'minimatch';
import { parseAllDocuments } from 'yaml';
import { invalidUtf8Offset } from './invalid-utf8';

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

const MANIFEST_FILE = /\.(ya?ml|json|jsonnet)$/i;

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
export function renderDirectory(files: SourceFile[], maxAliasCount = DEFAULT_MAX_ALIAS_COUNT): Manifest[] {
  const out: Manifest[] = [];
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) out.push(...parseManifestText(manifestText(f.content, f.path), f.path, maxAliasCount));
  return out;
}

/**
 * A manifest's bytes as text. Invalid UTF-8 is refused, naming `where` and the first bad byte:
 * decoding would replace it with U+FFFD and apply something other than what was committed.
 */
export function manifestText(content: Buffer, where: string): string {
  if (isUtf8(content)) return content.toString('utf8');
  const offset = invalidUtf8Offset(content);
  const line = content.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
  throw new ManifestError(`${where}: invalid UTF-8 at byte offset ${offset} (line ${line}); manifests must be UTF-8`);
}

const DEFAULT_MAX_ALIAS_COUNT = 100;

/** A Kubernetes `List` (or `*List` with items) becomes its items, as Argo flattens them. */
function flattenLists(m: Manifest, where: string): Manifest[] {
  const items = (m as { items?: unknown }).items;
  if (!m.kind?.endsWith('List') || !Array.isArray(items)) return [checkManifest(m, where)];
  return items.flatMap((item, i) => flattenLists(item as Manifest, `${where} items[${i}]`));
}

/**
 * Parses one file's (or one tool's) output: JSON, or multi-document YAML with alias expansion
 * bounded, so an alias bomb fails naming the file instead of exhausting memory.
 */
export function parseManifestText(text: string, path: string, maxAliasCount = DEFAULT_MAX_ALIAS_COUNT): Manifest[] {
  if (/\.json$/i.test(path)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new ManifestError(`${path}: invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    return (Array.isArray(parsed) ? parsed : [parsed]).flatMap((m, i) => {
      const where = `${path}${Array.isArray(parsed) ? ` [${i}]` : ''}`;
      return m && typeof m === 'object' && !Array.isArray(m) ? flattenLists(m as Manifest, where) : [checkManifest(m, where)];
    });
  }
  const docs = parseAllDocuments(text, { prettyErrors: true });
  const out: Manifest[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0];
      throw new ManifestError(`${path}${line ? `:${line.line}:${line.col}` : ''}: invalid YAML: ${err.message.split('\n')[0]}`);
    }
    const line = doc.contents?.range ? text.slice(0, doc.contents.range[0]).split('\n').length : undefined;
    const where = `${path}${line ? `:${line}` : ''}`;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount }) as unknown;
    } catch (e) {
      if (/alias/i.test(e instanceof Error ? e.message : '')) throw new ManifestError(`${where}: YAML aliases expand beyond ${maxAliasCount} (an alias bomb); refusing to render`);
      throw e;
    }
    if (value === null || value === undefined) continue;
    // A top-level array (Jsonnet's usual output) is a list of objects.
    const values = Array.isArray(value) ? value : [value];
    values.forEach((v, i) => out.push(...(v && typeof v === 'object' && !Array.isArray(v) ? flattenLists(v as Manifest, Array.isArray(value) ? `${where} [${i}]` : where) : [checkManifest(v, where)])));
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
