import { formatAppDiff, resourceDiffItems } from './app-diff.printer';

const deploymentDiff = '===== apps/Deployment demo/web ======\n--- web-live.yaml\n+++ web\n@@ -4,1 +4,1 @@\n-  replicas: 5\n+  replicas: 1\n';
const newConfigMap = '===== /ConfigMap demo/settings ======\n--- settings-live.yaml\n+++ settings\n@@ -0,0 +1,2 @@\n+apiVersion: v1\n+kind: ConfigMap\n';

describe('app diff printer', () => {
  it('prints each resource that differs after a blank line, in the order the server gives them', () => {
    const items = resourceDiffItems({
      items: [
        { group: 'apps', kind: 'Deployment', namespace: 'demo', name: 'web', hook: false, modified: true, unifiedDiff: deploymentDiff },
        { group: '', kind: 'Service', namespace: 'demo', name: 'web', hook: false, modified: false },
        { group: '', kind: 'ConfigMap', namespace: 'demo', name: 'settings', hook: false, modified: true, unifiedDiff: newConfigMap },
      ],
    });
    expect(formatAppDiff(items)).toBe(`\n${deploymentDiff}\n${newConfigMap}`);
  });

  it('prints nothing when every resource is in sync, and never a hook', () => {
    const items = resourceDiffItems({
      items: [
        { group: '', kind: 'Service', namespace: 'demo', name: 'web', hook: false, modified: false },
        { group: 'batch', kind: 'Job', namespace: 'demo', name: 'migrate', hook: true, unifiedDiff: '===== batch/Job demo/migrate ======\n' },
      ],
    });
    expect(formatAppDiff(items)).toBe('');
  });

  it('ends every diff with a newline, and reads an answer without items as none', () => {
    expect(formatAppDiff([{ group: '', kind: 'ConfigMap', namespace: 'demo', name: 'c', hook: false, unifiedDiff: '===== /ConfigMap demo/c ======\n-a' }])).toBe('\n===== /ConfigMap demo/c ======\n-a\n');
    expect(resourceDiffItems({})).toEqual([]);
  });
});
