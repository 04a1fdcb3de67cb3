import { unifiedResourceDiff } from './unified-diff';

const deployment = (replicas: number) => ({
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { replicas, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
});
const ref = { group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' };

describe('unifiedResourceDiff', () => {
  it('shows the changed field in a unified diff under argocd’s header, keys sorted', () => {
    expect(unifiedResourceDiff({ ref, live: deployment(5), target: deployment(1) })).toBe(
      [
        '===== apps/Deployment shop/web ======',
        '--- web-live.yaml',
        '+++ web',
        '@@ -4,7 +4,7 @@',
        '   name: web',
        '   namespace: shop',
        ' spec:',
        '-  replicas: 5',
        '+  replicas: 1',
        '   template:',
        '     spec:',
        '       containers:',
        '',
      ].join('\n'),
    );
  });

  it('is empty when live and target are the same, whatever their key order', () => {
    const reordered = { metadata: { namespace: 'shop', name: 'web' }, spec: deployment(1).spec, kind: 'Deployment', apiVersion: 'apps/v1' };
    expect(unifiedResourceDiff({ ref, live: deployment(1), target: reordered })).toBe('');
  });

  it('diffs a resource not created yet against nothing', () => {
    const text = unifiedResourceDiff({ ref: { kind: 'ConfigMap', namespace: 'shop', name: 'c' }, target: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } } });
    expect(text.split('\n').slice(0, 4)).toEqual(['===== /ConfigMap shop/c ======', '--- c-live.yaml', '+++ c', '@@ -0,0 +1,6 @@']);
    expect(text).toContain('\n+data:\n+  a: "1"\n');
  });

  it('diffs a resource to prune against nothing, without what the server owns', () => {
    const live = { ...deployment(2), metadata: { ...deployment(2).metadata, uid: 'u-1', resourceVersion: '7', managedFields: [{ manager: 'kubectl' }] }, status: { replicas: 2 } };
    const text = unifiedResourceDiff({ ref, live });
    expect(text).toContain('@@ -1,12 +0,0 @@\n-apiVersion: apps/v1\n');
    expect(text).not.toMatch(/uid|resourceVersion|managedFields|status/);
  });

  it('never shows Secret values, yet shows that one changed', () => {
    const secret = (token: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { token, same: 'c2FtZQ==' } });
    const text = unifiedResourceDiff({ ref: { kind: 'Secret', name: 's' }, live: secret('b2xk'), target: secret('bmV3') });
    expect(text).not.toMatch(/b2xk|bmV3|c2FtZQ/);
    expect(text).toContain('-  token: ++++++++++++\n+  token: ++++++++\n');
    expect(unifiedResourceDiff({ ref: { kind: 'Secret', name: 's' }, target: secret('bmV3') })).not.toContain('bmV3');
  });
});
