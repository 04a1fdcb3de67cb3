import { ControllerContext, ObjectKey, Reconciler } from './controller-runtime';

/**
 * What every live namespace gets from kube-controller-manager: the `default` ServiceAccount
 * and the `kube-root-ca.crt` ConfigMap with the cluster's CA.
 */
export class NamespaceDefaultsReconciler implements Reconciler {
  readonly name = 'namespace-defaults';
  readonly primary = { group: '', plural: 'namespaces' };

  constructor(private readonly caPem: string) {}

  mapEvent(e: { resource: string; type: string; object: { namespace: string; name: string } }): ObjectKey[] {
    const watched = e.resource === '/serviceaccounts' || e.resource === '/configmaps';
    return watched && e.type === 'DELETED' ? [{ namespace: '', name: e.object.namespace }] : [];
  }

  reconcile(key: ObjectKey, ctx: ControllerContext): void {
    const ns = ctx.api.find(ctx.resource('', 'namespaces'), '', key.name);
    if (!ns || ns.metadata.deletionTimestamp) return;
    const sa = ctx.resource('', 'serviceaccounts');
    if (!ctx.api.find(sa, key.name, 'default')) {
      ctx.api.create(sa, key.name, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } }, { fieldManager: 'kube-controller-manager' });
    }
    const cm = ctx.resource('', 'configmaps');
    if (!ctx.api.find(cm, key.name, 'kube-root-ca.crt')) {
      ctx.api.create(
        cm,
        key.name,
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'kube-root-ca.crt', annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
          data: { 'ca.crt': this.caPem },
        },
        { fieldManager: 'kube-controller-manager' },
      );
    }
  }
}
