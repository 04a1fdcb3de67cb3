import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Where the chart keeps the CRDs; the hub gets them installed from here at start. */
export const CRD_DIR = join(__dirname, '../../../charts/flotilla/crds');

export interface CustomResourceDefinition {
  apiVersion: 'apiextensions.k8s.io/v1';
  kind: 'CustomResourceDefinition';
  metadata: { name: string; labels?: Record<string, string> };
  spec: { group: string; names: { kind: string; plural: string }; versions: Array<{ name: string }> };
}

/** The CRDs of Application, ApplicationSet and AppProject, as the chart ships them. */
export function flotillaCrds(dir = CRD_DIR): CustomResourceDefinition[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const crd = parse(readFileSync(join(dir, f), 'utf8')) as CustomResourceDefinition;
      if (crd?.kind !== 'CustomResourceDefinition') throw new Error(`${join(dir, f)} is not a CustomResourceDefinition`);
      return crd;
    });
}
