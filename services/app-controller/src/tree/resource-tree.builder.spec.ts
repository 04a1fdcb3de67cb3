import type { KubeObject } from '@flotilla/api-types';
import { compareAppState, LAST_APPLIED_ANNOTATION } from '@flotilla/engine';
import { buildManagedResources, buildResourceTree } from './resource-tree.builder';

const deploy: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'web', uid: 'd1', resourceVersion: '5', annotations: { 'argocd.argoproj.io/tracking-id': 'app:apps/Deployment:web/web' } },
  spec: { replicas: 1 },
  status: { replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 0 },
};
const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'web', uid: 'r1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true }] } };
const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1-x', namespace: 'web', uid: 'p1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'r1', controller: true }] },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
  status: { phase: 'Running', containerStatuses: [{ ready: true }], conditions: [{ type: 'Ready', status: 'True' }] },
};

describe('buildResourceTree', () => {
  it('follows ownerReferences from managed objects: Deployment → ReplicaSet → Pod', () => {
    const children: Record<string, KubeObject[]> = { d1: [rs], r1: [pod] };
    const tree = buildResourceTree([deploy], (uid) => children[uid] ?? []);
    expect(tree.orphanedNodes).toEqual([]);
    expect(tree.nodes.map((n) => [n.kind, n.parentRefs?.[0]?.kind])).toEqual([
      ['Pod', 'ReplicaSet'],
      ['Deployment', undefined],
      ['ReplicaSet', 'Deployment'],
    ]);
    expect(tree.nodes[0]).toMatchObject({
      group: '',
      version: 'v1',
      uid: 'p1',
      images: ['nginx:1.27'],
      info: [
        { name: 'Status Reason', value: 'Running' },
        { name: 'Containers', value: '1/1' },
      ],
      parentRefs: [{ group: 'apps', kind: 'ReplicaSet', namespace: 'web', name: 'web-1', uid: 'r1' }],
    });
    expect(tree.nodes[1]).toMatchObject({ group: 'apps', kind: 'Deployment', resourceVersion: '5', health: { status: 'Healthy' } });
  });

  it('gives nodes their networkingInfo: a Pod its labels, a Service its selector', () => {
    const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'web', uid: 's1' }, spec: { selector: { app: 'web' } } };
    const labelled = { ...pod, metadata: { ...pod.metadata, labels: { app: 'web' } } };
    const tree = buildResourceTree([svc, rs], (uid) => (uid === 'r1' ? [labelled] : []));
    expect(tree.nodes.map((n) => [n.kind, n.networkingInfo])).toEqual([
      ['Pod', { labels: { app: 'web' } }],
      ['Service', { targetLabels: { app: 'web' } }],
      ['ReplicaSet', undefined],
    ]);
  });

  it('lists orphaned objects with their children in orphanedNodes, leaving out a child another app tracks', () => {
    const stray: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'stray', namespace: 'web', uid: 'o1' } };
    const strayRs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'stray-1', namespace: 'web', uid: 'o2', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'stray', uid: 'o1' }] } };
    const adopted: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'adopted', namespace: 'web', uid: 'o3', annotations: { 'argocd.argoproj.io/tracking-id': 'other:/ConfigMap:web/adopted' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'stray', uid: 'o1' }] },
    };
    const children: Record<string, KubeObject[]> = { d1: [rs], o1: [strayRs, adopted] };
    const tree = buildResourceTree([deploy], (uid) => children[uid] ?? [], undefined, [stray]);
    expect(tree.nodes.map((n) => n.name)).toEqual(['web', 'web-1']);
    expect(tree.orphanedNodes.map((n) => [n.kind, n.name, n.parentRefs?.[0]?.name])).toEqual([
      ['Deployment', 'stray', undefined],
      ['ReplicaSet', 'stray-1', 'stray'],
    ]);
  });

  it('visits an object once even if ownerReferences loop', () => {
    const a = { ...rs, metadata: { ...rs.metadata, uid: 'a' } };
    expect(buildResourceTree([a], () => [a]).nodes).toHaveLength(1);
  });
});

describe('buildManagedResources', () => {
  it('lists target and live state as JSON, with Secret values masked', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'web' }, data: { password: 'c2VjcmV0' } };
    const compare = compareAppState({ appName: 'app', desired: [secret], live: [], namespace: 'web' });
    const { items } = buildManagedResources(compare.managed);
    expect(items).toEqual([{ group: '', kind: 'Secret', namespace: 'web', name: 's', targetState: expect.any(String), hook: false, modified: true }]);
    expect(items[0].targetState).not.toContain('c2VjcmV0');
  });

  it('masks target, live and live\'s last-applied annotation together: a changed value shows, no value does', () => {
    const desired = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'web' }, stringData: { password: 'new-canary' } };
    const applied = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'web' }, stringData: { password: 'old-canary' } };
    const live = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'web', uid: 'u1', resourceVersion: '3', annotations: { [LAST_APPLIED_ANNOTATION]: JSON.stringify(applied) } },
      data: { password: Buffer.from('old-canary').toString('base64') },
    };
    const compare = compareAppState({ appName: 'app', desired: [desired], live: [live], namespace: 'web' });
    const { items } = buildManagedResources(compare.managed);
    expect(JSON.stringify(items)).not.toMatch(/canary|Y2FuYXJ5/);
    const target = JSON.parse(items[0].targetState!) as { data: Record<string, string> };
    const liveState = JSON.parse(items[0].liveState!) as { data: Record<string, string>; metadata: { annotations: Record<string, string> } };
    expect(target.data.password).toBe('++++++++');
    expect(liveState.data.password).toBe('++++++++++++');
    expect(JSON.parse(liveState.metadata.annotations[LAST_APPLIED_ANNOTATION])).toMatchObject({ data: { password: '++++++++++++' } });
    expect(items[0].modified).toBe(true);
  });
});
