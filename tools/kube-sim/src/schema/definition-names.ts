/** Upstream definition name prefixes of kubernetes-types modules, e.g. `apps/v1` → `io.k8s.api.apps.v1`. */
export function definitionPrefix(module: string): string {
  if (module === 'meta/v1') return 'io.k8s.apimachinery.pkg.apis.meta.v1';
  if (module === 'api/resource') return 'io.k8s.apimachinery.pkg.api.resource';
  if (module === 'runtime') return 'io.k8s.apimachinery.pkg.runtime';
  if (module === 'apiextensions/v1') return 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1';
  if (module.startsWith('apiregistration/')) return `io.k8s.kube-aggregator.pkg.apis.${module.replace(/\//g, '.')}`;
  return `io.k8s.api.${module.replace(/\//g, '.')}`;
}

/** The kubernetes-types module of an API group version: `apps`,`v1` → `apps/v1`, core → `core/v1`. */
export function moduleOf(group: string, version: string): string {
  return `${group === '' ? 'core' : group.replace(/\.k8s\.io$/, '').replace('rbac.authorization', 'rbac').replace('flowcontrol.apiserver', 'flowcontrol')}/${version}`;
}
