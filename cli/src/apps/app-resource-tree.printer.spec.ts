import { branchPrefix, formatAppResources, humanDuration, type TreeNode } from './app-resource-tree.printer';

const nodes: TreeNode[] = [
  { group: 'apps', kind: 'Deployment', namespace: 'web', name: 'guestbook', uid: 'd1', createdAt: '2024-05-01T10:00:00Z', health: { status: 'Healthy' } },
  { group: 'apps', kind: 'ReplicaSet', namespace: 'web', name: 'guestbook-6d8', uid: 'r1', parentRefs: [{ uid: 'd1' }], createdAt: '2024-05-01T10:00:01Z', health: { status: 'Healthy' } },
  { kind: 'Pod', namespace: 'web', name: 'guestbook-6d8-a', uid: 'p1', parentRefs: [{ uid: 'r1' }], health: { status: 'Progressing', message: 'pulling image' } },
  { kind: 'Pod', namespace: 'web', name: 'guestbook-6d8-b', uid: 'p2', parentRefs: [{ uid: 'r1' }] },
  { kind: 'Service', namespace: 'web', name: 'guestbook', uid: 's1' },
];
const now = Date.parse('2024-05-01T10:05:00Z');

describe('app resources', () => {
  it('lists the top-level resources, then the orphaned ones, aligned as argocd does', () => {
    const text = formatAppResources({ nodes, orphanedNodes: [{ kind: 'ConfigMap', namespace: 'web', name: 'stray' }] }, { output: '' });
    expect(text).toBe(
      [
        'GROUP  KIND        NAMESPACE  NAME       ORPHANED',
        'apps   Deployment  web        guestbook  No',
        '       Service     web        guestbook  No',
        '       ConfigMap   web        stray      Yes',
        '',
      ].join('\n'),
    );
  });

  it('--orphaned lists only orphaned resources, --orphaned=false only managed ones', () => {
    const tree = { nodes, orphanedNodes: [{ kind: 'ConfigMap', namespace: 'web', name: 'stray' }] };
    expect(formatAppResources(tree, { orphaned: true, output: '' }).split('\n').slice(1, -1)).toEqual([expect.stringMatching(/^\s+ConfigMap\s+web\s+stray\s+Yes$/)]);
    expect(formatAppResources(tree, { orphaned: false, output: '' })).not.toContain('stray');
  });

  it('draws owned resources under their owner with --output tree', () => {
    expect(formatAppResources({ nodes, orphanedNodes: [] }, { output: 'tree' })).toBe(
      [
        'GROUP   KIND        NAMESPACE  NAME             ORPHANED',
        'apps    Deployment  web        guestbook        No',
        '└─apps  ReplicaSet  web        guestbook-6d8    No',
        '  ├─    Pod         web        guestbook-6d8-a  No',
        '  └─    Pod         web        guestbook-6d8-b  No',
        '        Service     web        guestbook        No',
        '',
      ].join('\n'),
    );
  });

  it('adds age, health and reason with --output tree=detailed', () => {
    const lines = formatAppResources({ nodes, orphanedNodes: [] }, { output: 'tree=detailed', now }).split('\n');
    expect(lines[0]).toMatch(/^GROUP\s+KIND\s+NAMESPACE\s+NAME\s+ORPHANED\s+AGE\s+HEALTH\s+REASON$/);
    expect(lines[1]).toMatch(/^apps\s+Deployment\s+web\s+guestbook\s+No\s+5m\s+Healthy\s*$/);
    expect(lines[3]).toMatch(/^ {2}├─\s+Pod\s+web\s+guestbook-6d8-a\s+No\s+<unknown>\s+Progressing\s+pulling image$/);
  });

  it('keeps the pipe of an ancestor that has more children below', () => {
    expect(branchPrefix('├─├─')).toBe('│ ├─');
    expect(branchPrefix('├─└─')).toBe('│ └─');
    expect(branchPrefix('└─├─')).toBe('  ├─');
    expect(branchPrefix('')).toBe('');
  });

  it('words ages as kubectl does', () => {
    expect(humanDuration(45_000)).toBe('45s');
    expect(humanDuration(200_000)).toBe('3m20s');
    expect(humanDuration(3 * 3600_000)).toBe('3h');
    expect(humanDuration(50 * 3600_000)).toBe('2d2h');
    expect(humanDuration(400 * 86400_000)).toBe('400d');
  });
});
