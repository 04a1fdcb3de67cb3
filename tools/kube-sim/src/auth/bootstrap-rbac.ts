import { KubeObject } from '../store/kube-object';

const RBAC_V1 = 'rbac.authorization.k8s.io/v1';
const meta = (name: string) => ({ name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } });
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

const EDIT_GROUPS = { '': ['pods', 'pods/attach', 'pods/eviction', 'pods/exec', 'pods/portforward', 'pods/proxy', 'configmaps', 'endpoints', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'serviceaccounts/token', 'services', 'services/proxy'], apps: ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'], autoscaling: ['horizontalpodautoscalers'], batch: ['cronjobs', 'jobs'], 'networking.k8s.io': ['ingresses', 'networkpolicies'], policy: ['poddisruptionbudgets'], 'coordination.k8s.io': ['leases'] };
const VIEW_GROUPS = { '': ['configmaps', 'endpoints', 'persistentvolumeclaims', 'pods', 'pods/log', 'pods/status', 'replicationcontrollers', 'services', 'services/status', 'serviceaccounts', 'events', 'limitranges', 'namespaces', 'namespaces/status', 'resourcequotas'], apps: ['controllerrevisions', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'deployments/status', 'statefulsets/status'], autoscaling: ['horizontalpodautoscalers'], batch: ['cronjobs', 'jobs'], 'networking.k8s.io': ['ingresses', 'networkpolicies'], policy: ['poddisruptionbudgets'], 'discovery.k8s.io': ['endpointslices'] };

const rulesOf = (groups: Record<string, string[]>, verbs: string[]) => Object.entries(groups).map(([g, resources]) => ({ apiGroups: [g], resources, verbs }));

function clusterRole(name: string, rules: object[]): KubeObject {
  return { apiVersion: RBAC_V1, kind: 'ClusterRole', metadata: meta(name), rules };
}

function clusterRoleBinding(name: string, role: string, groups: string[]): KubeObject {
  return {
    apiVersion: RBAC_V1,
    kind: 'ClusterRoleBinding',
    metadata: meta(name),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: groups.map((g) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: g })),
  };
}

/** The default roles every cluster starts with (no aggregation: admin/edit/view carry their rules directly). */
export function bootstrapRbac(): KubeObject[] {
  return [
    clusterRole('cluster-admin', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }]),
    clusterRole('admin', [...rulesOf(EDIT_GROUPS, [...READ, ...WRITE]), ...rulesOf(VIEW_GROUPS, READ), { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: [...READ, ...WRITE] }, { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] }]),
    clusterRole('edit', [...rulesOf(EDIT_GROUPS, [...READ, ...WRITE]), ...rulesOf(VIEW_GROUPS, READ)]),
    clusterRole('view', rulesOf(VIEW_GROUPS, READ)),
    clusterRole('system:discovery', [{ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] }]),
    clusterRole('system:basic-user', [
      { apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], verbs: ['create'] },
      { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
    ]),
    clusterRole('system:public-info-viewer', [{ nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] }]),
    clusterRoleBinding('cluster-admin', 'cluster-admin', ['system:masters']),
    clusterRoleBinding('system:discovery', 'system:discovery', ['system:authenticated']),
    clusterRoleBinding('system:basic-user', 'system:basic-user', ['system:authenticated']),
    clusterRoleBinding('system:public-info-viewer', 'system:public-info-viewer', ['system:authenticated', 'system:unauthenticated']),
  ];
}
