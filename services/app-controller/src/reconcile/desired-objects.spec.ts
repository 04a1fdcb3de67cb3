import { defaultIsNamespaced } from '@flotilla/engine';
import { prepareDesired } from './desired-objects';

describe('prepareDesired', () => {
  it('gives namespaced objects the destination namespace, drops it from cluster-scoped ones, and sets tracking ids', () => {
    const out = prepareDesired(
      [
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: 'elsewhere' } },
        { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader', namespace: 'web' } },
      ],
      'guestbook',
      'web',
      defaultIsNamespaced,
    );
    expect(out.map((o) => [o.metadata?.namespace, o.metadata?.annotations?.['argocd.argoproj.io/tracking-id']])).toEqual([
      ['web', 'guestbook:apps/Deployment:web/web'],
      ['elsewhere', 'guestbook:/ConfigMap:elsewhere/other'],
      [undefined, 'guestbook:rbac.authorization.k8s.io/ClusterRole:/reader'],
    ]);
  });

  it('puts namespaced objects in default when neither they nor the destination name a namespace', () => {
    const out = prepareDesired([{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'my-app' } }], 'my-app', undefined, defaultIsNamespaced);
    expect(out[0].metadata?.namespace).toBe('default');
  });
});
