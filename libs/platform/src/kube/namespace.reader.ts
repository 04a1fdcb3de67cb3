// Read-only access to one namespace of a cluster, shaped for code that must not hold a KubeClient
// (ApplicationSet generators): a Secret's or ConfigMap's data by name, and a list of any kind by label.
import type { KubeObject } from '@flotilla/api-types';
import { KubeApiError } from './kube-api.error';
import type { KubeClient } from './kube.client';

export interface NamespaceReader {
  /** The namespace every read is in. */
  readonly namespace: string;
  /** A Secret's data, base64-decoded; undefined when there is no such Secret. */
  secretData(name: string): Promise<Record<string, string> | undefined>;
  /** A Secret's data (base64-decoded) and labels, for callers that must check a label before using it; undefined when there is none. */
  secret(name: string): Promise<{ data: Record<string, string>; labels: Record<string, string> } | undefined>;
  /** A ConfigMap's data; undefined when there is no such ConfigMap. */
  configMapData(name: string): Promise<Record<string, string> | undefined>;
  /** Every object of a kind in the namespace, optionally narrowed by a label selector. */
  list(apiVersion: string, kind: string, labelSelector?: string): Promise<KubeObject[]>;
}

/**
 * The Kind a name stands for: a Kind the server serves as it is, or else a plural resource name
 * (`placementdecisions`, as Argo's duck-typed resources are named) of the same group and version.
 */
async function kindNamed(kube: KubeClient, apiVersion: string, name: string): Promise<string> {
  try {
    return (await kube.resourceFor(apiVersion, name)).kind;
  } catch (err) {
    if (!(err instanceof KubeApiError && err.code === 404)) throw err;
    const plural = (await kube.resources()).find((r) => r.apiVersion === apiVersion && r.name === name.toLowerCase());
    if (!plural) throw err;
    return plural.kind;
  }
}

export function namespaceReader(kube: KubeClient, namespace: string): NamespaceReader {
  const get = async (kind: string, name: string): Promise<KubeObject | undefined> => {
    try {
      return await kube.get<KubeObject>({ apiVersion: 'v1', kind, metadata: { name, namespace } });
    } catch (err) {
      if (err instanceof KubeApiError && err.code === 404) return undefined;
      throw err;
    }
  };
  const secretOf = async (name: string): Promise<{ data: Record<string, string>; labels: Record<string, string> } | undefined> => {
    const secret = await get('Secret', name);
    if (!secret) return undefined;
    const data = (secret as { data?: Record<string, string> }).data ?? {};
    return {
      data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')])),
      labels: { ...(secret.metadata?.labels ?? {}) },
    };
  };
  return {
    namespace,
    async secretData(name) {
      return (await secretOf(name))?.data;
    },
    secret: secretOf,
    async configMapData(name) {
      const map = await get('ConfigMap', name);
      return map ? { ...((map as { data?: Record<string, string> }).data ?? {}) } : undefined;
    },
    async list(apiVersion, kind, labelSelector) {
      return (await kube.listAll(apiVersion, await kindNamed(kube, apiVersion, kind), { namespace, labelSelector })).items;
    },
  };
}
