import type { Application } from '@flotilla/api-types';
import { chooseSourcePosition, setAppSpec } from './app-source.builder';
import { guestbook } from './app.fixture';

const multiSource = (): Application =>
  guestbook({
    spec: {
      project: 'default',
      sources: [
        { repoURL: 'https://charts.example.com', chart: 'web', targetRevision: '1.0.0', helm: { valueFiles: ['$values/web.yaml'] } },
        { repoURL: 'https://git.example.com/values.git', ref: 'values', name: 'values' },
      ],
      destination: { server: 'https://kubernetes.default.svc', namespace: 'web' },
    },
  });

describe('app set: changing the spec', () => {
  it('changes the source, destination and sync policy of a single-source app, keeping what no flag names', () => {
    const spec = setAppSpec(
      guestbook(),
      { revision: 'v2', destNamespace: 'prod', syncPolicy: 'none', syncOption: ['CreateNamespace=true'], helmSet: ['image.tag=1,2'], helmSetString: ['replicas=3'], values: ['prod.yaml'] },
      -1,
    );
    expect(spec).toEqual({
      project: 'default',
      source: {
        repoURL: 'https://git.example.com/apps.git',
        path: 'guestbook',
        targetRevision: 'v2',
        helm: {
          valueFiles: ['prod.yaml'],
          parameters: [
            { name: 'image.tag', value: '1\\,2' },
            { name: 'replicas', value: '3', forceString: true },
          ],
        },
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'prod' },
      syncPolicy: { syncOptions: ['CreateNamespace=true'] },
    });
  });

  it('replaces a Helm parameter and a Kustomize image of the same name instead of adding another', () => {
    const app = guestbook();
    app.spec.source = { repoURL: 'r', helm: { parameters: [{ name: 'a', value: '1' }] }, kustomize: { images: ['nginx:1.25', 'redis:7'] } };
    const spec = setAppSpec(app, { helmSet: ['a=2'], kustomizeImage: ['nginx:1.27', 'busybox=alpine:3'] }, -1);
    expect(spec.source?.helm).toEqual({ parameters: [{ name: 'a', value: '2' }] });
    expect(spec.source?.kustomize).toEqual({ images: ['nginx:1.27', 'redis:7', 'busybox=alpine:3'] });
  });

  it('sets a literal values block as valuesObject and refuses one that is not a map', () => {
    expect(setAppSpec(guestbook(), { valuesLiteral: 'replicaCount: 2\n' }, -1).source?.helm).toEqual({ valuesObject: { replicaCount: 2 } });
    expect(() => setAppSpec(guestbook(), { valuesLiteral: '- a\n' }, -1)).toThrow('--values-literal-file: Helm values must be a map, got a list');
  });

  it('changes only the source at the given position of a multi-source app (counting from 1)', () => {
    const spec = setAppSpec(multiSource(), { revision: '2.0.0', helmSet: ['replicas=2'] }, 1);
    expect(spec.source).toBeUndefined();
    expect(spec.sources).toEqual([
      { repoURL: 'https://charts.example.com', chart: 'web', targetRevision: '2.0.0', helm: { valueFiles: ['$values/web.yaml'], parameters: [{ name: 'replicas', value: '2' }] } },
      { repoURL: 'https://git.example.com/values.git', ref: 'values', name: 'values' },
    ]);
  });

  it('picks the source by name or position and refuses what argocd refuses', () => {
    expect(chooseSourcePosition(multiSource().spec, { sourceName: 'values', sourcePosition: -1 })).toBe(2);
    expect(() => chooseSourcePosition(multiSource().spec, { sourcePosition: -1 })).toThrow(
      'Source position should be specified and must be greater than 0 for applications with multiple sources',
    );
    expect(() => chooseSourcePosition(multiSource().spec, { sourcePosition: 3 })).toThrow('Source position should be less than the number of sources in the application');
    expect(() => chooseSourcePosition(multiSource().spec, { sourceName: 'nope' })).toThrow("Unknown source name 'nope'");
    expect(() => chooseSourcePosition(multiSource().spec, { sourceName: 'values', sourcePosition: 1 })).toThrow('Only one of source-position and source-name can be specified.');
    expect(chooseSourcePosition(guestbook().spec, { sourcePosition: -1 })).toBe(-1);
  });

  it('appends Jsonnet arguments and variables to the directory source, code marked as code', () => {
    const app = guestbook();
    app.spec.source = { repoURL: 'r', path: 'jsonnet', directory: { recurse: true, jsonnet: { tlas: [{ name: 'a', value: '1' }] } } };
    const spec = setAppSpec(app, { jsonnetTlaStr: ['greeting=hi'], jsonnetTlaCode: ['replicas=2'], jsonnetExtVarStr: ['env'], jsonnetLibs: ['vendor'] }, -1);
    expect(spec.source?.directory).toEqual({
      recurse: true,
      jsonnet: {
        tlas: [
          { name: 'a', value: '1' },
          { name: 'greeting', value: 'hi' },
          { name: 'replicas', value: '2', code: true },
        ],
        extVars: [{ name: 'env', value: '' }],
        libs: ['vendor'],
      },
    });
  });

  it('refuses parameters on a source that is not Helm', () => {
    const app = guestbook();
    app.spec.source = { repoURL: 'r', kustomize: { namePrefix: 'x-' } };
    expect(() => setAppSpec(app, { parameter: ['a=1'] }, -1)).toThrow('Parameters can only be set against Helm applications');
  });
});
