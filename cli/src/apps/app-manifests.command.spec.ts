import { formatManifests, managedObjects } from './app-manifests.command';

describe('app manifests output', () => {
  const managed = {
    items: [
      { targetState: '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"a"}}', liveState: 'null' },
      { targetState: '', liveState: '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"pruned"}}' },
    ],
  };

  it('prints each object after ---, keys sorted, with a blank line after it, as argocd does', () => {
    expect(formatManifests(managedObjects(managed, 'targetState'))).toBe('---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n\n---\nnull\n\n');
  });

  it('prints null for a resource that has no object on that side, as argocd does', () => {
    expect(formatManifests(managedObjects(managed, 'liveState'))).toBe('---\nnull\n\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pruned\n\n');
  });
});
