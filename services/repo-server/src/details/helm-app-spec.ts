import { parse } from 'yaml';
import type { HelmSourceOptions } from '../helm/helm-values';
import { flattenValues } from '../helm/helm-values';
import { ManifestError } from '../render/directory.renderer';

export interface HelmParameter {
  name: string;
  value: string;
}

/** Argo's HelmAppSpec as GetAppDetails fills it; empty fields are left out. */
export interface HelmAppSpec {
  valueFiles?: string[];
  parameters?: HelmParameter[];
  /** The chart's values.yaml, as written. */
  values?: string;
  fileParameters?: { name: string; path: string }[];
}

/** Component by component, as a walk of the directory tree meets paths (`a/x` before `a-b`). */
const walkOrder = (a: string, b: string): number => {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  return pa.length - pb.length;
};

/** Value files as Argo lists them for the UI: any file under the chart whose name holds `values` and ends .yaml or .yml. */
export function chartValueFiles(files: string[]): string[] {
  return files.filter((f) => /values/.test(f.slice(f.lastIndexOf('/') + 1)) && /\.ya?ml$/i.test(f)).sort(walkOrder);
}

const isRemote = (f: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(f);

/**
 * A chart's details: its value files, values.yaml's text, and the parameters Argo offers: the
 * flattened values.yaml, then each of the source's value files in turn setting the keys it has
 * (as Argo overlays them, key by key). A value file that is missing, another source's (`$ref/…`)
 * or remote is skipped, as Argo skips what it cannot read; a file that does not parse is named.
 * `files` are the chart's files relative to it; `read` gives one (undefined when absent or outside).
 */
export async function helmAppSpec(opts: HelmSourceOptions | undefined, files: string[], read: (name: string) => Promise<Buffer | undefined>): Promise<HelmAppSpec> {
  const spec: HelmAppSpec = {};
  const valueFiles = chartValueFiles(files);
  if (valueFiles.length) spec.valueFiles = valueFiles;
  const params = new Map<string, string>();
  const values = await read('values.yaml');
  if (values !== undefined) {
    spec.values = values.toString('utf8');
    overlay(params, spec.values, 'values.yaml');
  }
  for (const file of opts?.valueFiles ?? []) {
    if (file.startsWith('$') || isRemote(file)) continue;
    const text = await read(file);
    if (text !== undefined) overlay(params, text.toString('utf8'), file);
  }
  if (params.size) spec.parameters = [...params].map(([name, value]) => ({ name, value }));
  const fileParameters = (opts?.fileParameters ?? []).map((p) => ({ name: p.name, path: p.path }));
  if (fileParameters.length) spec.fileParameters = fileParameters;
  return spec;
}

function overlay(params: Map<string, string>, text: string, file: string): void {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new ManifestError(`failed to parse values: ${file}: ${(err as Error).message}`);
  }
  if (doc !== null && doc !== undefined && (typeof doc !== 'object' || Array.isArray(doc))) throw new ManifestError(`failed to parse values: ${file}: not a map of values`);
  for (const p of flattenValues(doc ?? {})) params.set(p.name, p.value);
}
