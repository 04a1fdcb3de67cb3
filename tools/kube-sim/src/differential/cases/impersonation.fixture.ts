import { DifferentialCase } from '../differential-case';
import { expectOk, statusOf } from '../observation.harness';

// A user nobody bound a role to: kubectl --as must be refused as that user, not served as the admin asking.
const headers = { 'Impersonate-User': 'diff-nobody' };

export const impersonationCase: DifferentialCase = {
  name: 'impersonation of a user without RBAC is denied',
  async observe(t) {
    // kubectl auth can-i list pods -n default --as=diff-nobody
    const review = await t.request('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      headers,
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { namespace: 'default', verb: 'list', resource: 'pods' } },
      },
    });
    const reviewed = expectOk(review, 'SelfSubjectAccessReview');
    const list = await t.request('GET', '/api/v1/namespaces/default/pods', { headers });
    const get = await t.request('GET', '/api/v1/namespaces/kube-system/configmaps/diff-missing', { headers });
    const clusterScoped = await t.request('GET', '/api/v1/nodes', { headers });
    return {
      canI: {
        code: review.status,
        allowed: reviewed.status?.allowed ?? null,
        denied: reviewed.status?.denied ?? null,
        reason: reviewed.status?.reason || null,
      },
      listPods: statusOf(list),
      getConfigMap: statusOf(get),
      listNodes: statusOf(clusterScoped),
    };
  },
};
