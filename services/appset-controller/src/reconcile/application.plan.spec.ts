import { Application, ApplicationSet, RESOURCES_FINALIZER } from '@flotilla/api-types';
import { applyMergePatch } from '@flotilla/appset';
import { JqWasmClient } from '@flotilla/platform';
import { planDeletes, planWrites } from './application.plan';

const appSet = (extra: Partial<ApplicationSet['spec']> = {}): ApplicationSet =>
  ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'guestbook', namespace: 'argocd', uid: 'u-1' },
    spec: { generators: [], template: {}, ...extra },
  }) as ApplicationSet;
const ownerRef = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  name: 'guestbook',
  uid: 'u-1',
  controller: true,
  blockOwnerDeletion: true,
};
const app = (name: string, over: Partial<Application['metadata']> = {}, spec: Partial<Application['spec']> = {}): Application => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: 'argocd', finalizers: [RESOURCES_FINALIZER], ...over },
  spec: {
    project: 'default',
    source: { repoURL: 'https://git/x', path: name },
    destination: { server: 'https://dev', namespace: 'gb' },
    ...spec,
  },
});
const owned = (a: Application): Application => ({ ...a, metadata: { ...a.metadata, ownerReferences: [ownerRef] } });
const live = (...apps: Application[]) => new Map(apps.map((a) => [a.metadata.name, a]));

describe('planWrites', () => {
  it('creates missing Applications with a controller ownerReference, sorted by name', () => {
    const writes = planWrites(appSet(), [app('b'), app('a')], live());
    expect(writes.map((w) => [w.action, w.name])).toEqual([
      ['create', 'a'],
      ['create', 'b'],
    ]);
    expect(writes[0]).toMatchObject({
      object: { metadata: { name: 'a', namespace: 'argocd', ownerReferences: [ownerRef] }, spec: { project: 'default' } },
    });
  });

  it('writes nothing when the live Application already matches (defaults aside)', () => {
    const current = owned(app('a'));
    const desired = app('a', {}, { project: '', syncPolicy: {} });
    expect(planWrites(appSet(), [desired], live({ ...current, status: { sync: { status: 'Synced' } } }))).toEqual([]);
  });

  it('patches a changed spec, labels and annotations but keeps what others own', () => {
    const current = owned(
      app('a', {
        labels: { keep: 'me', old: 'x' },
        annotations: { 'argocd.argoproj.io/refresh': 'hard', 'notified.notifications.argoproj.io': '{}', mine: '1', gone: 'y' },
        finalizers: [RESOURCES_FINALIZER, 'pre-delete-finalizer.argocd.argoproj.io/cleanup'],
      }),
    );
    const withStatus = { ...current, status: { health: { status: 'Healthy' } }, operation: { sync: { revision: 'abc' } } } as Application;
    const desired = app(
      'a',
      { labels: { new: 'y' }, annotations: { mine: '2' } },
      { source: { repoURL: 'https://git/x', path: 'changed' } },
    );
    const spec = appSet({ preservedFields: { labels: ['keep'] } } as never);
    const [write] = planWrites(spec, [desired], live(withStatus));
    expect(write.action).toBe('update');
    const patched = applyMergePatch(withStatus, (write as { patch: object }).patch) as Application;
    expect(patched.spec.source?.path).toBe('changed');
    expect(patched.metadata.labels).toEqual({ keep: 'me', new: 'y' });
    expect(patched.metadata.annotations).toEqual({
      mine: '2',
      'argocd.argoproj.io/refresh': 'hard',
      'notified.notifications.argoproj.io': '{}',
    });
    expect(patched.metadata.finalizers).toEqual([RESOURCES_FINALIZER, 'pre-delete-finalizer.argocd.argoproj.io/cleanup']);
    expect(patched.status).toEqual({ health: { status: 'Healthy' } });
    expect(patched.operation).toEqual({ sync: { revision: 'abc' } });
  });

  it('adopts an Application of the same name that has no controller', () => {
    const [write] = planWrites(appSet(), [app('a')], live(app('a')));
    expect(write).toMatchObject({ action: 'update', patch: { metadata: { ownerReferences: [ownerRef] } } });
  });

  it('refuses an Application another controller owns', () => {
    const foreign = app('a', { ownerReferences: [{ ...ownerRef, name: 'other', uid: 'u-2' }] });
    expect(planWrites(appSet(), [app('a')], live(foreign))).toEqual([
      { action: 'error', name: 'a', message: 'Object argocd/a is already owned by another ApplicationSet controller other' },
    ]);
  });

  it.each([
    ['create-only', [], ['create b']],
    ['create-delete', [], ['create b']],
    ['create-update', [], ['update a', 'create b']],
    ['sync', [], ['update a', 'create b']],
  ] as const)('with applicationsSync %s only allowed writes happen', (policy, _x, expected) => {
    const spec = appSet({ syncPolicy: { applicationsSync: policy } });
    const writes = planWrites(spec, [app('a', {}, { project: 'changed' }), app('b')], live(owned(app('a'))));
    expect(writes.map((w) => `${w.action} ${w.name}`)).toEqual(expected);
  });
  it('leaves fields listed in ignoreApplicationDifferences as they are live', () => {
    const current = owned(app('a', {}, { source: { repoURL: 'https://git/x', path: 'a', targetRevision: 'pinned' } }));
    const desired = app('a', {}, { source: { repoURL: 'https://git/x', path: 'a', targetRevision: 'main' } });
    const rules = (ignore: object[]) => appSet({ ignoreApplicationDifferences: ignore });
    expect(planWrites(rules([{ jsonPointers: ['/spec/source/targetRevision'] }]), [desired], live(current))).toEqual([]);
    expect(planWrites(rules([{ name: 'other', jsonPointers: ['/spec/source/targetRevision'] }]), [desired], live(current))).toHaveLength(1);
  });

  describe('with jqPathExpressions, run by a real jq', () => {
    let jq: JqWasmClient;
    beforeAll(async () => {
      jq = await JqWasmClient.load();
    });
    afterAll(() => jq.close());
    const rules = (ignore: object[]) => appSet({ ignoreApplicationDifferences: ignore });

    it('keeps what the expression selects as it is live', () => {
      const current = owned(app('a', {}, { source: { repoURL: 'https://git/x', path: 'a', targetRevision: 'pinned' } }));
      const desired = app('a', {}, { source: { repoURL: 'https://git/x', path: 'a', targetRevision: 'main' } });
      expect(planWrites(rules([{ jqPathExpressions: ['.spec.source.targetRevision'] }]), [desired], live(current), () => jq)).toEqual([]);
      // Another field still changes; the ignored one is left out of the patch.
      const moved = app('a', {}, { source: { repoURL: 'https://git/x', path: 'moved', targetRevision: 'main' } });
      const [write] = planWrites(rules([{ jqPathExpressions: ['.spec.source.targetRevision'] }]), [moved], live(current), () => jq);
      expect(write).toMatchObject({ action: 'update', name: 'a' });
      expect(write.action === 'update' && write.patch.spec).toEqual({ source: { path: 'moved' } });
    });

    it('keeps list items selected on either side, e.g. a sync option added by hand', () => {
      const withOptions = (options: string[]) => ({ syncPolicy: { syncOptions: options } });
      const current = owned(app('a', {}, withOptions(['CreateNamespace=true', 'Prune=false'])));
      const desired = app('a', {}, withOptions(['CreateNamespace=true']));
      const ignore = rules([{ jqPathExpressions: ['.spec.syncPolicy.syncOptions[] | select(startswith("Prune="))'] }]);
      expect(planWrites(ignore, [desired], live(current), () => jq)).toEqual([]);
      expect(planWrites(appSet(), [desired], live(current), () => jq)).toHaveLength(1);
    });

    it('reports an expression jq rejects, naming it', () => {
      const current = owned(app('a'));
      const [write] = planWrites(rules([{ jqPathExpressions: ['.spec |||'] }]), [app('a', {}, { project: 'other' })], live(current), () => jq);
      expect(write).toMatchObject({ action: 'error', name: 'a' });
      expect((write as { message: string }).message).toMatch(/^ignoreApplicationDifferences: jqPathExpression "\.spec \|\|\|" is not valid jq: /);
    });
  });
});

describe('planDeletes', () => {
  const clusters = [{ name: 'dev', server: 'https://dev' }];

  it('deletes owned Applications that are no longer generated', () => {
    expect(planDeletes(appSet(), new Set(['a']), [owned(app('a')), owned(app('b'))], clusters)).toEqual([{ name: 'b' }]);
  });

  it('drops the resources finalizer first when the destination cluster is gone', () => {
    const orphan = owned(app('b', { finalizers: [RESOURCES_FINALIZER, 'x'] }, { destination: { server: 'https://gone' } }));
    expect(planDeletes(appSet(), new Set(), [orphan], clusters)).toEqual([{ name: 'b', finalizers: ['x'] }]);
  });
});
