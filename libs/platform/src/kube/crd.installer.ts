import type { KubeObject } from '@flotilla/api-types';
import { isNotFound } from './kube-api.error';
import type { KubeClient } from './kube.client';

interface Crd extends KubeObject {
  metadata: { name: string; resourceVersion?: string; labels?: Record<string, string> };
  spec: { group: string; names: { kind: string }; versions: { name: string; served?: boolean; storage?: boolean }[] };
}

const CRD_API = 'apiextensions.k8s.io/v1';
const SERVED_TIMEOUT_MS = 30_000;

export interface CrdInstallResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

/**
 * Creates the CRDs the hub lacks and updates those whose spec differs, then waits until every kind
 * is served — so the first write of an Application after start-up cannot hit a 404.
 */
export async function installCrds(kube: KubeClient, crds: readonly object[]): Promise<CrdInstallResult> {
  const result: CrdInstallResult = { created: [], updated: [], unchanged: [] };
  for (const crd of crds as Crd[]) {
    const ref = { apiVersion: CRD_API, kind: 'CustomResourceDefinition', metadata: { name: crd.metadata.name } };
    const live = await kube.get<Crd>(ref).catch((err: unknown) => (isNotFound(err) ? undefined : Promise.reject(err as Error)));
    if (!live) {
      await kube.create({ ...crd, apiVersion: CRD_API, kind: 'CustomResourceDefinition' });
      result.created.push(crd.metadata.name);
    } else if (JSON.stringify(canonical(live.spec, crd.spec)) !== JSON.stringify(canonical(crd.spec, crd.spec))) {
      await kube.replace({
        ...crd,
        apiVersion: CRD_API,
        kind: 'CustomResourceDefinition',
        metadata: { ...crd.metadata, resourceVersion: live.metadata.resourceVersion },
      });
      result.updated.push(crd.metadata.name);
    } else {
      result.unchanged.push(crd.metadata.name);
    }
  }
  const deadline = Date.now() + SERVED_TIMEOUT_MS;
  for (const crd of crds as Crd[]) {
    const version = crd.spec.versions.find((v) => v.storage)?.name ?? crd.spec.versions[0].name;
    for (;;) {
      const served = await kube.resourceFor(`${crd.spec.group}/${version}`, crd.spec.names.kind).then(
        () => true,
        () => false,
      );
      if (served) break;
      if (Date.now() > deadline) throw new Error(`CRD ${crd.metadata.name} was not served within ${SERVED_TIMEOUT_MS / 1000}s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return result;
}

/** The live spec limited to the fields the wanted spec sets (the server adds defaults such as conversion). */
function canonical(value: unknown, shape: unknown): unknown {
  if (Array.isArray(shape) && Array.isArray(value)) return value.map((v, i) => canonical(v, shape[i] ?? shape[0]));
  if (shape && typeof shape === 'object' && value && typeof value === 'object' && !Array.isArray(shape)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape).sort())
      out[key] = canonical((value as Record<string, unknown>)[key], (shape as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
