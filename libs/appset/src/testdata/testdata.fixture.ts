// Loads the YAML fixtures beside this file: cluster Secrets as the API server returns them (data
// base64-encoded) and ApplicationSets exactly as written in the seed articles.
import type { ApplicationSet, KubeObject } from '@flotilla/api-types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const dir = __dirname;

export function loadAppSet(file: string): ApplicationSet {
  const appSet = parse(readFileSync(join(dir, file), 'utf8')) as ApplicationSet;
  // The API server defaults the namespace to the one the manifest is applied in.
  appSet.metadata.namespace ??= 'argocd';
  return appSet;
}

export function loadClusterSecrets(file = 'seed-clusters.yaml'): KubeObject[] {
  const secrets = parse(readFileSync(join(dir, file), 'utf8')) as KubeObject[];
  return secrets.map(asStoredSecret);
}

/** What the API server does with stringData on write: it lands base64-encoded in data. */
export function asStoredSecret(secret: KubeObject): KubeObject {
  const { stringData, ...rest } = secret as KubeObject & { stringData?: Record<string, string> };
  const data = Object.fromEntries(Object.entries(stringData ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return { ...rest, data };
}
