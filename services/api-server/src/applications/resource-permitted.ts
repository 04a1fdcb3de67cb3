import type { AppProject, GroupKind } from '@flotilla/api-types';
import { globMatch } from '@flotilla/engine';
import { destinationPermitted } from './project-permissions';

// Whether an AppProject lets its apps manage a resource (Argo's AppProject.IsResourcePermitted): the
// kind passes the project's resource allow and deny lists, and a namespaced resource's namespace is
// one of the project's destinations on the app's cluster.

const listed = (list: GroupKind[], group: string, kind: string): boolean =>
  list.some((gk) => globMatch(gk.group ?? '', group) && globMatch(gk.kind ?? '', kind));

/** The allow and deny lists: namespaced kinds are all allowed when no allow list is set, cluster-scoped ones none. */
export function groupKindPermitted(project: AppProject, group: string, kind: string, namespaced: boolean): boolean {
  const spec = project.spec;
  if (namespaced) {
    const allow = spec.namespaceResourceWhitelist;
    const allowed = allow === undefined || allow === null || listed(allow, group, kind);
    return allowed && !listed(spec.namespaceResourceBlacklist ?? [], group, kind);
  }
  return listed(spec.clusterResourceWhitelist ?? [], group, kind) && !listed(spec.clusterResourceBlacklist ?? [], group, kind);
}

export function resourcePermitted(
  project: AppProject,
  resource: { group: string; kind: string; namespace: string },
  cluster: { server: string; name: string },
): boolean {
  if (!groupKindPermitted(project, resource.group, resource.kind, resource.namespace !== '')) return false;
  return resource.namespace === '' || destinationPermitted(project, cluster.server, cluster.name, resource.namespace);
}
