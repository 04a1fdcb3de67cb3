import { KubectlHarness, startKubectlHarness } from './kubectl.harness';

// kubectl (1.32, 1.33) picks the patch type of a re-apply from the PATCH operation of the kind's
// OpenAPI v3 path (kubectl/pkg/cmd/apply/patcher.go, gvkSupportsPatchOpenAPIV3): strategic merge only
// where the operation accepts application/strategic-merge-patch+json, otherwise a JSON merge patch.
// The real server publishes CR PATCH operations with json-patch, merge-patch and apply-patch only
// (apiextensions-apiserver/pkg/controller/openapi/builder/builder.go, buildRoute) and refuses
// strategic merge for CRs with 415, so `kubectl apply` of an edited CR works there with merge patch.
let k: KubectlHarness;

beforeAll(async () => {
  k = await startKubectlHarness();
  await k.ok(['apply', '-f', k.writeFile('crd.yaml', GIZMO_CRD)]);
  await k.ok(['wait', '--for=condition=Established', 'crd/gizmos.example.flotilla.dev', '--timeout=10s']);
});
afterAll(async () => {
  await k.stop();
});

const GIZMO_CRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: gizmos.example.flotilla.dev }
spec:
  group: example.flotilla.dev
  scope: Namespaced
  names: { plural: gizmos, singular: gizmo, kind: Gizmo }
  versions:
    - name: v1
      served: true
      storage: true
      subresources: { status: {} }
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: integer }
                tags: { type: array, items: { type: string } }
`;

const gizmo = (size: number, tags: string[]): string => `
apiVersion: example.flotilla.dev/v1
kind: Gizmo
metadata: { name: g1, namespace: default }
spec:
  size: ${size}
  tags: [${tags.join(', ')}]
`;

const configMap = (data: string): string => `
apiVersion: v1
kind: ConfigMap
metadata: { name: reapplied, namespace: default }
data: {${data}}
`;

/** The Content-Type of kubectl's PATCH request, read from its own request log (-v=8). */
function patchContentType(log: string): string | undefined {
  const patch = log.split('\n').findIndex((l) => /"Request" verb="PATCH"|PATCH https?:\/\//.test(l));
  if (patch < 0) return undefined;
  return /Content-Type[":=\s]+\[?"?([a-z+/-]+)/i.exec(log.split('\n').slice(patch, patch + 6).join('\n'))?.[1];
}

describe('kubectl apply, edited and applied again', () => {
  it('updates a custom resource with a JSON merge patch', async () => {
    expect((await k.ok(['apply', '-f', k.writeFile('g-1.yaml', gizmo(1, ['a', 'b']))])).trim()).toBe('gizmo.example.flotilla.dev/g1 created');
    const again = await k.run(['apply', '-v=8', '-f', k.writeFile('g-2.yaml', gizmo(2, ['c']))]);
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe('gizmo.example.flotilla.dev/g1 configured');
    expect(patchContentType(again.stderr)).toBe('application/merge-patch+json');
    const live = JSON.parse(await k.ok(['get', 'gizmo', 'g1', '-o', 'json'])) as { spec: { size: number; tags: string[] } };
    expect(live.spec).toEqual({ size: 2, tags: ['c'] });
  });

  it('still updates a built-in kind with a strategic merge patch', async () => {
    await k.ok(['apply', '-f', k.writeFile('cm-1.yaml', configMap('a: "1", b: "2"'))]);
    const again = await k.run(['apply', '-v=8', '-f', k.writeFile('cm-2.yaml', configMap('a: "3"'))]);
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe('configmap/reapplied configured');
    expect(patchContentType(again.stderr)).toBe('application/strategic-merge-patch+json');
    const live = JSON.parse(await k.ok(['get', 'configmap', 'reapplied', '-o', 'json'])) as { data: Record<string, string> };
    expect(live.data).toEqual({ a: '3' });
  });
});
