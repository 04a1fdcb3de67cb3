import type { KubeObject } from '@flotilla/api-types';
import { resourceKeyOf } from '@flotilla/engine';
import { ObjectIndex } from './object.index';

const tracked = (kind: string, name: string, uid: string, app?: string, owner?: string): KubeObject => ({
  apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1',
  kind,
  metadata: {
    name,
    namespace: 'web',
    uid,
    ...(app ? { annotations: { 'argocd.argoproj.io/tracking-id': `${app}:${kind === 'Pod' ? '' : 'apps'}/${kind}:web/${name}` } } : {}),
    ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'X', name: 'x', uid: owner, controller: true }] } : {}),
  },
});

describe('ObjectIndex', () => {
  it('indexes tracked objects by app and tells which app a change belongs to, through owners', () => {
    const changed: string[] = [];
    const index = new ObjectIndex((o) => resourceKeyOf(o), (app) => changed.push(app));
    index.upsert(tracked('Deployment', 'web', 'd1', 'guestbook'));
    index.upsert(tracked('ReplicaSet', 'web-1', 'r1', undefined, 'd1'));
    index.upsert(tracked('Pod', 'web-1-a', 'p1', undefined, 'r1'));
    expect(changed).toEqual(['guestbook', 'guestbook', 'guestbook']);
    expect(index.trackedBy('guestbook').map((o) => o.metadata?.name)).toEqual(['web']);
    expect(index.childrenOf('r1').map((o) => o.metadata?.name)).toEqual(['web-1-a']);
    index.upsert(tracked('Deployment', 'web', 'd1', 'other'));
    expect(changed.slice(-2)).toEqual(['guestbook', 'other']);
    expect(index.trackedBy('guestbook')).toEqual([]);
    index.remove(tracked('Pod', 'web-1-a', 'p1', undefined, 'r1'));
    expect(index.childrenOf('r1')).toEqual([]);
    expect(index.size).toBe(2);
  });

  it('ignores a tracking id copied onto another object', () => {
    const index = new ObjectIndex((o) => resourceKeyOf(o), () => undefined);
    const copy = tracked('Pod', 'web-1-a', 'p1');
    copy.metadata!.annotations = { 'argocd.argoproj.io/tracking-id': 'guestbook:apps/Deployment:web/web' };
    index.upsert(copy);
    expect(index.trackedBy('guestbook')).toEqual([]);
  });

  it('lists a namespace\'s top-level objects, tracked or not, and none of their children', () => {
    const index = new ObjectIndex((o) => resourceKeyOf(o), () => undefined);
    const elsewhere = tracked('Deployment', 'api', 'd2');
    elsewhere.metadata!.namespace = 'api';
    for (const o of [tracked('Deployment', 'web', 'd1', 'guestbook'), tracked('Deployment', 'stray', 'd3'), tracked('ReplicaSet', 'web-1', 'r1', undefined, 'd1'), elsewhere]) index.upsert(o);
    expect(index.topLevelIn('web').map((o) => o.metadata?.name).sort()).toEqual(['stray', 'web']);
    expect(index.topLevelIn('api').map((o) => o.metadata?.name)).toEqual(['api']);
    expect(index.topLevelIn('none')).toEqual([]);
  });

  it('tells which namespace an object no app manages changed in, and not for a tracked object or its children', () => {
    const unmanaged: string[] = [];
    const index = new ObjectIndex((o) => resourceKeyOf(o), () => undefined, (ns) => unmanaged.push(ns));
    index.upsert(tracked('Deployment', 'web', 'd1', 'guestbook'));
    index.upsert(tracked('ReplicaSet', 'web-1', 'r1', undefined, 'd1'));
    expect(unmanaged).toEqual([]);
    index.upsert(tracked('Deployment', 'stray', 'd3'));
    index.upsert(tracked('ReplicaSet', 'stray-1', 'r3', undefined, 'd3'));
    index.remove(tracked('Deployment', 'stray', 'd3'));
    expect(unmanaged).toEqual(['web', 'web', 'web']);
    // Losing its tracking id makes an object a candidate too.
    index.upsert(tracked('Deployment', 'web', 'd1'));
    expect(unmanaged).toHaveLength(4);
  });
});
