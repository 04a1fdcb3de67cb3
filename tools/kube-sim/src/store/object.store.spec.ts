import { parseFieldSelector } from './field-selector';
import { KubeObject } from './kube-object';
import { parseLabelSelector } from './label-selector';
import { ObjectStore, ResourceVersionTooOldError, WatchEventType } from './object.store';

const cm = (ns: string, name: string, labels?: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: ns, name, labels } });

describe('ObjectStore', () => {
  it('lists in key order with label and field selectors', () => {
    const s = new ObjectStore();
    s.put('/configmaps', cm('b', 'x', { app: 'web' }));
    s.put('/configmaps', cm('a', 'y', { app: 'api' }));
    s.put('/configmaps', cm('a', 'x', { app: 'web' }));
    expect(s.list('/configmaps').items.map((o) => `${o.namespace}/${o.name}`)).toEqual(['a/x', 'a/y', 'b/x']);
    expect(s.list('/configmaps', { labels: parseLabelSelector('app=web') }).items).toHaveLength(2);
    expect(s.list('/configmaps', { namespace: 'a', fields: parseFieldSelector('metadata.name!=x') }).items.map((o) => o.name)).toEqual(['y']);
  });

  it('pages with limit and continue, reporting what remains', () => {
    const s = new ObjectStore();
    for (let i = 0; i < 5; i++) s.put('/configmaps', cm('ns', `cm-${i}`));
    const first = s.list('/configmaps', { limit: 2 });
    expect(first.items.map((o) => o.name)).toEqual(['cm-0', 'cm-1']);
    expect(first.remainingItemCount).toBe(3);
    const second = s.list('/configmaps', { limit: 2, continueToken: first.continueToken });
    expect(second.items.map((o) => o.name)).toEqual(['cm-2', 'cm-3']);
    expect(second.resourceVersion).toBe(first.resourceVersion);
    const last = s.list('/configmaps', { limit: 2, continueToken: second.continueToken });
    expect(last.items.map((o) => o.name)).toEqual(['cm-4']);
    expect(last.continueToken).toBeUndefined();
  });

  it('stamps increasing resourceVersions and replays history to watchers', () => {
    const s = new ObjectStore();
    const a = s.put('/configmaps', cm('ns', 'a'));
    const b = s.put('/configmaps', cm('ns', 'b'));
    expect(b.rv).toBeGreaterThan(a.rv);
    expect(JSON.parse(b.json).metadata.resourceVersion).toBe(String(b.rv));
    const seen: Array<[WatchEventType, string]> = [];
    const sub = s.watch('/configmaps', a.rv, {}, (type, o) => seen.push([type, o.name]));
    s.put('/configmaps', cm('ns', 'a', { x: '1' }));
    s.remove('/configmaps', 'ns', 'b');
    sub.unsubscribe();
    s.put('/configmaps', cm('ns', 'c'));
    expect(seen).toEqual([
      ['ADDED', 'b'],
      ['MODIFIED', 'a'],
      ['DELETED', 'b'],
    ]);
  });

  it('turns selector moves into ADDED and DELETED for filtered watchers', () => {
    const s = new ObjectStore();
    s.put('/configmaps', cm('ns', 'a', { app: 'web' }));
    const seen: string[] = [];
    s.watch('/configmaps', s.resourceVersion, { labels: parseLabelSelector('app=web') }, (type) => seen.push(type));
    s.put('/configmaps', cm('ns', 'a', { app: 'api' }));
    s.put('/configmaps', cm('ns', 'a', { app: 'web' }));
    expect(seen).toEqual(['DELETED', 'ADDED']);
  });

  it('answers a watch from compacted history with 410-style errors', () => {
    const s = new ObjectStore(3);
    const first = s.put('/configmaps', cm('ns', 'a'));
    for (let i = 0; i < 5; i++) s.put('/configmaps', cm('ns', `b${i}`));
    expect(() => s.watch('/configmaps', first.rv, {}, () => undefined)).toThrow(ResourceVersionTooOldError);
  });
});
