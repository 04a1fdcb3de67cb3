import type { KubeObject } from '@flotilla/api-types';
import { describeShared, sharedResources } from './shared-resources';

const cm = (name: string, trackingId?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'shop', ...(trackingId ? { annotations: { 'argocd.argoproj.io/tracking-id': trackingId } } : {}) },
});

describe('sharedResources', () => {
  const live = new Map<string, KubeObject>([
    ['/ConfigMap/shop/mine', cm('mine', 'web:/ConfigMap:shop/mine')],
    ['/ConfigMap/shop/theirs', cm('theirs', 'billing:/ConfigMap:shop/theirs')],
    ['/ConfigMap/shop/untracked', cm('untracked')],
    // A tracking id copied from another object does not make it another app's.
    ['/ConfigMap/shop/copied', cm('copied', 'billing:/ConfigMap:shop/elsewhere')],
  ]);
  const hook: KubeObject = { ...cm('theirs'), metadata: { ...cm('theirs').metadata, annotations: { 'argocd.argoproj.io/hook': 'PreSync' } } };

  it('finds desired objects another app tracks, and only those', () => {
    const desired = ['mine', 'theirs', 'untracked', 'copied', 'new'].map((n) => cm(n));
    const shared = sharedResources(desired, (k) => live.get(k), 'web');
    expect(shared).toEqual([{ key: '/ConfigMap/shop/theirs', kind: 'ConfigMap', name: 'theirs', otherApp: 'billing' }]);
    expect(describeShared(shared[0], 'web')).toBe('ConfigMap/theirs is part of applications web and billing');
    expect(sharedResources([hook], (k) => live.get(k), 'web')).toEqual([]);
  });
});
