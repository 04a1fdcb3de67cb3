import { DifferentialCase } from '../differential-case';
import { expectOk } from '../observation.harness';

// Groups from CRDs or aggregated APIs (ours, or an e2e run's argoproj.io on the shared real cluster)
// are not the server's own: only built-in groups, which carry no dot or end in .k8s.io, are compared.
const builtIn = (group: string): boolean => !group.includes('.') || group.endsWith('.k8s.io');

export const discoveryCase: DifferentialCase = {
  name: 'discovery lists the built-in groups and core v1 resources of the server version',
  async observe(t) {
    const core = expectOk(await t.request('GET', '/api'), 'GET /api');
    const groups = expectOk(await t.request('GET', '/apis'), 'GET /apis');
    const v1 = expectOk(await t.request('GET', '/api/v1'), 'GET /api/v1');
    const resources = v1.resources as any[];
    return {
      coreVersions: core.versions,
      // kubectl api-versions (sorted): every group/version; the preferred one decides what `kubectl get` shows.
      // Group order only ranks a resource two groups serve, and both orders put networking.k8s.io before extensions.
      groups: (groups.groups as any[])
        .filter((g) => builtIn(g.name))
        .map((g) => ({
          name: g.name,
          versions: g.versions.map((v: any) => String(v.version)).sort(),
          preferred: g.preferredVersion?.version ?? null,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      // kubectl api-resources columns (sorted by name), and the verbs and categories kubectl get/delete/`get all` rely on.
      coreResources: resources
        .filter((r) => !r.name.includes('/'))
        .sort((a, b) => String(a.name).localeCompare(String(b.name)))
        .map((r) => ({
          name: r.name,
          kind: r.kind,
          namespaced: r.namespaced,
          shortNames: r.shortNames ?? [],
          verbs: [...r.verbs].sort(),
          categories: r.categories ?? [],
        })),
      coreSubresources: resources
        .filter((r) => r.name.includes('/'))
        .map((r) => String(r.name))
        .sort(),
    };
  },
};
