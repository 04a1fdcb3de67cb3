import type { AppProject, KubeObject } from '@flotilla/api-types';
import { orphanedWarning, selectOrphaned, type OrphanedResourcesSettings, type OrphanedScope } from './orphaned-resources';

const TRACKING = 'argocd.argoproj.io/tracking-id';
const obj = (apiVersion: string, kind: string, name: string, extra: Partial<NonNullable<KubeObject['metadata']>> = {}): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, namespace: 'web', ...extra },
});
const trackedBy = (app: string, group: string, kind: string, name: string): Record<string, string> => ({
  [TRACKING]: `${app}:${group}/${kind}:web/${name}`,
});

const project = (spec: AppProject['spec'] = {}): AppProject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AppProject',
  metadata: { name: 'p' },
  spec,
});
const names = (objs: KubeObject[]): string[] => objs.map((o) => `${o.kind}/${o.metadata?.name}`);
const scope = (
  settings: OrphanedResourcesSettings | undefined,
  topLevel: KubeObject[],
  extra: Partial<OrphanedScope> = {},
): OrphanedScope => ({
  settings,
  project: project(settings ? { orphanedResources: settings } : {}),
  topLevel,
  trackingName: 'mine',
  appExists: (name) => name === 'mine' || name === 'other',
  ...extra,
});

describe('selectOrphaned', () => {
  const stray = obj('v1', 'ConfigMap', 'stray');
  const mine = obj('apps/v1', 'Deployment', 'web', { annotations: trackedBy('mine', 'apps', 'Deployment', 'web') });
  const others = obj('v1', 'Service', 'theirs', { annotations: trackedBy('other', '', 'Service', 'theirs') });
  const deletedApps = obj('v1', 'Secret', 'left', { annotations: trackedBy('gone', '', 'Secret', 'left') });
  const owned = obj('apps/v1', 'ReplicaSet', 'web-1', {
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1' }],
  });
  const builtins = [obj('v1', 'ServiceAccount', 'default'), obj('v1', 'ConfigMap', 'kube-root-ca.crt')];

  it('lists nothing when the project has no orphanedResources', () => {
    expect(selectOrphaned(scope(undefined, [stray]))).toEqual([]);
  });

  it('with orphanedResources {}: lists what no existing app tracks, skipping owned objects and what every namespace holds', () => {
    expect(names(selectOrphaned(scope({}, [stray, mine, others, deletedApps, owned, ...builtins])))).toEqual([
      'ConfigMap/stray',
      'Secret/left',
    ]);
  });

  it("keeps the default namespace's kubernetes Service out, but not a Service of that name elsewhere", () => {
    const apiService = { ...obj('v1', 'Service', 'kubernetes'), metadata: { name: 'kubernetes', namespace: 'default' } };
    expect(names(selectOrphaned(scope({}, [apiService, obj('v1', 'Service', 'kubernetes')])))).toEqual(['Service/kubernetes']);
  });

  it('drops what an ignore rule matches: kind and name globs, group as written, empty kind or name matching any', () => {
    const objs = [
      stray,
      obj('v1', 'ConfigMap', 'cache-a'),
      obj('v1', 'Secret', 'token'),
      obj('apps/v1', 'Deployment', 'debug'),
      obj('batch/v1', 'Job', 'once'),
    ];
    const cases: [OrphanedResourcesSettings['ignore'], string[]][] = [
      [[{ kind: 'ConfigMap', name: 'cache-*' }], ['ConfigMap/stray', 'Secret/token', 'Deployment/debug', 'Job/once']],
      [[{ kind: 'Config*' }], ['Secret/token', 'Deployment/debug', 'Job/once']],
      [[{ group: 'apps' }], ['ConfigMap/stray', 'ConfigMap/cache-a', 'Secret/token', 'Job/once']],
      // A rule without group names the core group: apps/Deployment stays.
      [[{ name: 'debug' }], ['ConfigMap/stray', 'ConfigMap/cache-a', 'Secret/token', 'Deployment/debug', 'Job/once']],
      [
        [
          { group: '*', name: 'debug' },
          { group: 'batch', kind: 'Job' },
        ],
        ['ConfigMap/stray', 'ConfigMap/cache-a', 'Secret/token'],
      ],
    ];
    for (const [ignore, expected] of cases)
      expect({ ignore, got: names(selectOrphaned(scope({ ignore }, objs))) }).toEqual({ ignore, got: expected });
  });

  it('skips ignore entries that are not objects rather than failing', () => {
    const settings = { ignore: ['ConfigMap', null, { kind: 42 }, { kind: 'Secret' }] } as unknown as OrphanedResourcesSettings;
    expect(names(selectOrphaned(scope(settings, [stray, obj('v1', 'Secret', 'token')])))).toEqual(['ConfigMap/stray']);
  });

  it('leaves out kinds the project does not permit its apps', () => {
    const objs = [stray, obj('v1', 'Secret', 'token'), obj('apps/v1', 'Deployment', 'debug')];
    expect(
      names(
        selectOrphaned(
          scope({}, objs, { project: project({ orphanedResources: {}, namespaceResourceBlacklist: [{ group: '', kind: 'Secret' }] }) }),
        ),
      ),
    ).toEqual(['ConfigMap/stray', 'Deployment/debug']);
    expect(
      names(
        selectOrphaned(
          scope({}, objs, { project: project({ orphanedResources: {}, namespaceResourceWhitelist: [{ group: 'apps', kind: '*' }] }) }),
        ),
      ),
    ).toEqual(['Deployment/debug']);
  });
});

describe('orphanedWarning', () => {
  it('warns with the count unless warn is false, and never for none or without the setting', () => {
    expect(orphanedWarning({ warn: true }, 2)).toEqual({
      type: 'OrphanedResourceWarning',
      message: 'Application has 2 orphaned resources',
    });
    expect(orphanedWarning({}, 1)).toEqual({ type: 'OrphanedResourceWarning', message: 'Application has 1 orphaned resources' });
    expect(orphanedWarning({ warn: false }, 3)).toBeUndefined();
    expect(orphanedWarning({ warn: true }, 0)).toBeUndefined();
    expect(orphanedWarning(undefined, 3)).toBeUndefined();
  });
});
