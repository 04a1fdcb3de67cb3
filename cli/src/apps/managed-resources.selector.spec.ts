import { CliError } from '../output/cli.error';
import { liveObjects, resourceRef, selectResources } from './managed-resources.selector';

const managed = {
  items: [
    { kind: 'Deployment', liveState: JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'demo' } }) },
    { kind: 'Deployment', liveState: JSON.stringify({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'old', namespace: 'demo' } }) },
    { kind: 'ConfigMap', liveState: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', namespace: 'other' } }) },
    // Not created yet: nothing live to act on.
    { kind: 'Service', liveState: 'null', targetState: '{"apiVersion":"v1","kind":"Service"}' },
  ],
};

describe('picking the live resources patch-resource and delete-resource act on', () => {
  it('reads only resources that exist', () => {
    expect(liveObjects(managed).map((o) => o.metadata?.name)).toEqual(['web', 'old', 'web']);
  });

  it('matches on the group only when --group is given, the empty group being the core one', () => {
    const objs = liveObjects(managed);
    expect(() => selectResources(objs, { kind: 'Deployment' }, 'patch')).toThrow(new CliError('multiple resources match inputs, use the --all flag to patch multiple resources'));
    expect(selectResources(objs, { kind: 'Deployment', group: 'apps' }, 'patch').map((o) => o.metadata?.name)).toEqual(['web']);
    expect(selectResources(objs, { kind: 'Deployment', all: true }, 'patch')).toHaveLength(2);
    expect(() => selectResources(objs, { kind: 'ConfigMap', group: 'apps' }, 'patch')).toThrow('no matching resource found');
    expect(selectResources(objs, { kind: 'ConfigMap', group: '' }, 'patch')).toHaveLength(1);
  });

  it('matches namespace and name when given', () => {
    const objs = liveObjects(managed);
    expect(() => selectResources(objs, { kind: 'ConfigMap', namespace: 'demo' }, 'patch')).toThrow('no matching resource found');
    expect(selectResources(objs, { kind: 'Deployment', resourceName: 'old' }, 'patch')).toHaveLength(1);
  });

  it('names the resource by group, version, kind, namespace and name', () => {
    const [dep] = selectResources(liveObjects(managed), { kind: 'Deployment', group: 'apps' }, 'patch');
    expect(resourceRef('guestbook', dep, 'default')).toEqual({ name: 'guestbook', namespace: 'demo', resourceName: 'web', version: 'v1', group: 'apps', kind: 'Deployment', project: 'default' });
  });
});
