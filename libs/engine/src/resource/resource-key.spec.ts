import type { KubeObject } from '@flotilla/api-types';
import { parseResourceKey, resourceKeyOf } from './resource-key';

describe('resourceKeyOf', () => {
  it.each<[string, KubeObject, string]>([
    [
      'namespaced object without namespace gets the default',
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } },
      'apps/Deployment/shop/web',
    ],
    ['own namespace wins', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'other' } }, '/ConfigMap/other/c'],
    [
      'cluster-scoped kinds drop any namespace',
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', namespace: 'x' } },
      '/Namespace//shop',
    ],
    [
      'cluster-scoped RBAC',
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } },
      'rbac.authorization.k8s.io/ClusterRole//r',
    ],
  ])('%s', (_name, obj, key) => {
    expect(resourceKeyOf(obj, { defaultNamespace: 'shop' })).toBe(key);
  });

  it('asks the caller which kinds are namespaced', () => {
    const crd = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'ns' } };
    expect(resourceKeyOf(crd, { isNamespaced: () => false })).toBe('example.com/Widget//w');
  });

  it('parses keys back, names may hold slashes', () => {
    expect(parseResourceKey('apps/Deployment/shop/web')).toEqual({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' });
  });
});
