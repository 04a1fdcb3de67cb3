import { appChanged, buildApplications } from './app-spec.builder';

describe('app create: building the Application', () => {
  it('builds an Application from flags, as argocd app create does', () => {
    const [app] = buildApplications({
      name: 'guestbook',
      flags: {
        repo: 'http://git.local/apps.git',
        path: 'guestbook',
        revision: 'main',
        destServer: 'https://kubernetes.default.svc',
        destNamespace: 'default',
        syncPolicy: 'automated',
        autoPrune: true,
        selfHeal: true,
        syncOption: ['CreateNamespace=true'],
        directoryRecurse: true,
        label: ['team=web'],
      },
    });
    expect(app).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'guestbook', labels: { team: 'web' } },
      spec: {
        project: 'default',
        source: { repoURL: 'http://git.local/apps.git', path: 'guestbook', targetRevision: 'main', directory: { recurse: true } },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'default' },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
      },
    });
  });

  it('keeps automation off when only --auto-prune is given on a manual app', () => {
    const [app] = buildApplications({ name: 'x', flags: { repo: 'r', autoPrune: true } });
    expect(app.spec.syncPolicy).toEqual({ automated: { enabled: false, prune: true } });
    const [manual] = buildApplications({ name: 'x', flags: { repo: 'r', syncPolicy: 'none' } });
    expect(manual.spec.syncPolicy).toBeUndefined();
  });

  it('rejects an unknown sync policy and a label without =', () => {
    expect(() => buildApplications({ name: 'x', flags: { syncPolicy: 'sometimes' } })).toThrow('Invalid sync-policy: sometimes');
    expect(() => buildApplications({ name: 'x', flags: { label: ['team'] } })).toThrow('label should have key=value format: team');
  });

  it('reads Applications from a manifest and lets given flags override it', () => {
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: from-file, labels: {a: "1"}}',
      'spec:',
      '  project: default',
      '  source: {repoURL: http://git.local/apps.git, path: one, targetRevision: HEAD}',
      '  destination: {server: https://kubernetes.default.svc, namespace: one}',
    ].join('\n');
    const [app] = buildApplications({ file: { text, source: 'app.yaml' }, flags: { path: 'two', label: ['b=2'], syncOption: ['CreateNamespace=true'] } });
    expect(app.spec.source).toEqual({ repoURL: 'http://git.local/apps.git', path: 'two', targetRevision: 'HEAD' });
    expect(app.metadata.labels).toEqual({ a: '1', b: '2' });
    expect(app.spec.syncPolicy).toEqual({ syncOptions: ['CreateNamespace=true'] });
    expect(() => buildApplications({ name: 'other', file: { text, source: 'app.yaml' }, flags: {} })).toThrow("app name 'other' does not match app spec metadata.name 'from-file'");
    expect(() => buildApplications({ file: { text: 'kind: Deployment', source: 'd.yaml' }, flags: {} })).toThrow('d.yaml: expected an Application manifest, got kind Deployment');
  });

  it('tells an upsert that changed the spec from one that did not', () => {
    const [app] = buildApplications({ name: 'x', flags: { repo: 'r', path: 'p' } });
    expect(appChanged(app, structuredClone(app))).toBe(false);
    const stored = structuredClone(app);
    stored.spec.source!.path = 'q';
    expect(appChanged(app, stored)).toBe(true);
  });
});
