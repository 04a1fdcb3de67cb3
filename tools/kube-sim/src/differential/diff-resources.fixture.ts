import { DiffResponse, DiffTarget } from './diff-target.harness';
import { expectOk, within } from './observation.harness';

// Every name a case creates on the shared real cluster starts with diff-, and CRDs live in this group.
export const DIFF_GROUP = 'diff.flotilla.dev';

/** A namespace of the case's own, created afresh: one a failed earlier run left behind is removed first. */
export async function freshNamespace(t: DiffTarget, name: string): Promise<string> {
  if (!name.startsWith('diff-')) throw new Error(`namespace ${name} lacks the diff- prefix`);
  await removeAndWait(t, `/api/v1/namespaces/${name}`, 120_000);
  expectOk(
    await t.request('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } }),
    `create namespace ${name}`,
  );
  // A new namespace's default ServiceAccount comes a moment later; pods are refused until then.
  await within(10_000, async () => (await t.request('GET', `/api/v1/namespaces/${name}/serviceaccounts/default`)).status === 200);
  return name;
}

/** Deletes a case's namespace without waiting: the next run's freshNamespace waits if it must. */
export async function dropNamespace(t: DiffTarget, name: string): Promise<void> {
  await t.request('DELETE', `/api/v1/namespaces/${name}`);
}

/**
 * POSTs an object, retrying while the server answers ServerTimeout with retryAfterSeconds: a 1.20
 * server refuses pods until the token controller has made the namespace's ServiceAccount token,
 * a moment after the namespace, and tells the client to retry.
 */
export async function create(t: DiffTarget, path: string, body: unknown): Promise<DiffResponse> {
  for (let attempt = 0; ; attempt++) {
    const r = await t.request('POST', path, { body });
    const retryAfter = r.json?.reason === 'ServerTimeout' ? Number(r.json.details?.retryAfterSeconds ?? 1) : 0;
    if (!retryAfter || attempt >= 20) return r;
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  }
}

export interface CrdSpec {
  plural: string;
  kind: string;
  schema: object;
  statusSubresource?: boolean;
}

/** A namespaced v1 CRD in the diff group, created afresh and Established, so its kind is served. */
export async function freshCrd(t: DiffTarget, spec: CrdSpec): Promise<string> {
  const name = `${spec.plural}.${DIFF_GROUP}`;
  await removeAndWait(t, crdPath(name), 60_000);
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name },
    spec: {
      group: DIFF_GROUP,
      scope: 'Namespaced',
      names: { plural: spec.plural, singular: spec.kind.toLowerCase(), kind: spec.kind, listKind: `${spec.kind}List` },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: spec.schema },
          ...(spec.statusSubresource ? { subresources: { status: {} } } : {}),
        },
      ],
    },
  };
  expectOk(await t.request('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: crd }), `create CRD ${name}`);
  const established = await within(30_000, async () => {
    const got = (await t.request('GET', crdPath(name))).json;
    return got?.status?.conditions?.some((c: any) => c.type === 'Established' && c.status === 'True');
  });
  if (!established) throw new Error(`CRD ${name} not Established within 30 s`);
  // Established can precede the handler serving the kind by a moment on a real server.
  await within(10_000, async () => (await t.request('GET', `/apis/${DIFF_GROUP}/v1/${spec.plural}`)).status === 200);
  return name;
}

export function crdPath(name: string): string {
  return `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`;
}

/** Deletes an object if it exists and waits until it is gone (a namespace or CRD can take a while). */
export async function removeAndWait(t: DiffTarget, path: string, withinMs: number): Promise<void> {
  if ((await t.request('GET', path)).status === 404) return;
  await t.request('DELETE', path);
  const gone = await within(withinMs, async () => (await t.request('GET', path)).status === 404, 500);
  if (!gone) throw new Error(`${path} still exists ${withinMs / 1000} s after DELETE`);
}
