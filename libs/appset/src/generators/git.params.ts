// The parameter sets Argo's git generator builds from a directory path or a JSON/YAML file, in both
// template modes. https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Git/
import { posix } from 'node:path';
import { goPathMatch } from '@flotilla/api-types';
import { parseAllDocuments } from 'yaml';
import { isPlainObject } from '../json/json-value';
import { normalizeName } from '../template/name.functions';
import { goValueString } from './generator-entry.transform';
import { GeneratorError, Params } from './generator.types';

export interface GitParamsOptions {
  goTemplate: boolean;
  /** `pathParamPrefix`: the path parameters go under `<prefix>.path` instead of `path`. */
  pathParamPrefix?: string;
}

export interface DirectoryItem {
  path: string;
  exclude?: boolean;
}

/** Paths some include pattern matches and no exclude pattern does, in the repository's order. */
export function filterDirectories(items: readonly DirectoryItem[], allPaths: readonly string[]): string[] {
  return allPaths.filter((dir) => {
    let included = false;
    for (const item of items) {
      if (!goPathMatch(item.path, dir)) continue;
      // An exclude wins over every include, whatever the order of the entries.
      if (item.exclude) return false;
      included = true;
    }
    return included;
  });
}

/** One parameter set per directory: `path`, `path.basename`, `path.basenameNormalized`, `path[N]` / `.path.segments`. */
export function directoryParams(dir: string, opts: GitParamsOptions): Params {
  return pathParams({ path: dir, basename: posix.basename(dir) }, opts);
}

/** One parameter set per object in the file (a file holding a list yields one per item), plus the path parameters. */
export function fileParams(filePath: string, content: Buffer | string, opts: GitParamsOptions): Params[] {
  const dir = posix.dirname(filePath);
  const filename = posix.basename(filePath);
  const path = { path: dir, basename: posix.basename(dir), filename };
  return parseParamsFile(content.toString()).map((object) => {
    const own: Params = opts.goTemplate ? { ...object } : stringifiedFlat(object);
    return { ...own, ...pathParams(path, opts) };
  });
}

/**
 * What sigs.k8s.io/yaml makes of the file: a map (an empty file or `null` is an empty map) or a list
 * of maps; anything else is an error. Only the first YAML document counts, as in Go.
 */
export function parseParamsFile(text: string): Record<string, unknown>[] {
  const value = parseJsonOrYaml(text);
  if (value === null || value === undefined) return [{}];
  if (isPlainObject(value)) return [value];
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      if (item === null) return {};
      if (isPlainObject(item)) return item;
      throw new GeneratorError(`unable to parse file: item ${i} of the list is ${describe(item)}, not a map`);
    });
  }
  throw new GeneratorError(`unable to parse file: the file holds ${describe(value)}, not a map or a list of maps`);
}

function parseJsonOrYaml(text: string): unknown {
  // JSON first: the common case, and tab-indented JSON is not valid YAML 1.1 block syntax.
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // not JSON; YAML below
  }
  const [doc] = parseAllDocuments(text, { version: '1.1', uniqueKeys: false });
  if (!doc) return null;
  if ('errors' in doc && doc.errors.length > 0) throw new GeneratorError(`unable to parse file: ${doc.errors[0].message}`);
  return doc.toJS({ maxAliasCount: 100 }) as unknown;
}

const describe = (value: unknown): string => (typeof value === 'string' ? `the string ${JSON.stringify(value)}` : `${typeof value} ${String(value)}`);

/** fasttemplate parameters: the object flattened to `a.b.0.c` keys (empty maps and lists vanish), every value `%v`. */
export function stringifiedFlat(object: Record<string, unknown>): Params {
  const out: Params = {};
  const walk = (value: unknown, key: string): void => {
    if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}.${k}` : k);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${key}.${i}`));
    else out[key] = goValueString(value);
  };
  walk(object, '');
  return out;
}

interface PathFacts {
  path: string;
  basename: string;
  filename?: string;
}

function pathParams(facts: PathFacts, opts: GitParamsOptions): Params {
  const prefix = opts.pathParamPrefix ?? '';
  if (opts.goTemplate) {
    const nested: Params = { path: facts.path, basename: facts.basename, basenameNormalized: normalizeName(facts.basename) };
    if (facts.filename !== undefined) {
      nested.filename = facts.filename;
      nested.filenameNormalized = normalizeName(facts.filename);
    }
    nested.segments = facts.path.split('/');
    return prefix ? { [prefix]: { path: nested } } : { path: nested };
  }
  const name = prefix ? `${prefix}.path` : 'path';
  const flat: Params = { [name]: facts.path, [`${name}.basename`]: facts.basename, [`${name}.basenameNormalized`]: normalizeName(facts.basename) };
  if (facts.filename !== undefined) {
    flat[`${name}.filename`] = facts.filename;
    flat[`${name}.filenameNormalized`] = normalizeName(facts.filename);
  }
  facts.path.split('/').forEach((segment, i) => {
    if (segment !== '') flat[`${name}[${i}]`] = segment;
  });
  return flat;
}
