import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { applyKustomizeOverrides, parseImageOverride } from './kustomization-overrides';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kustomize-edit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const edited = (): Record<string, unknown> => parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as Record<string, unknown>;

describe('kustomize overrides (kustomize edit, in TypeScript)', () => {
  it('parses every `kustomize edit set image` form', () => {
    expect(parseImageOverride('nginx:1.25')).toEqual({ name: 'nginx', newTag: '1.25' });
    expect(parseImageOverride('nginx@sha256:abc')).toEqual({ name: 'nginx', digest: 'sha256:abc' });
    expect(parseImageOverride('nginx=registry:5000/nginx:1.25')).toEqual({ name: 'nginx', newName: 'registry:5000/nginx', newTag: '1.25' });
    expect(parseImageOverride('nginx=mirror/nginx')).toEqual({ name: 'nginx', newName: 'mirror/nginx' });
    expect(() => parseImageOverride('registry:5000/nginx')).toThrow('expected name:tag');
  });

  it('edits the kustomization as Argo does, substituting the build env into images and labels', () => {
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources: [deploy.yaml]\nimages:\n  - name: api\n    newTag: "1.0"\ncommonLabels:\n  team: a\nreplicas:\n  - name: api\n    count: 1\n');
    writeFileSync(join(dir, 'comp.yaml'), '');
    applyKustomizeOverrides(
      dir,
      {
        namePrefix: 'p-',
        nameSuffix: '-s',
        images: ['api@sha256:0123', 'web=mirror/web:$ARGOCD_APP_REVISION_SHORT'],
        replicas: [{ name: 'api', count: '3' }],
        commonLabels: { env: '$ARGOCD_APP_NAME' },
        commonAnnotations: { note: '$ARGOCD_APP_NAME' },
        namespace: 'prod',
        patches: [{ target: { kind: 'Deployment' }, patch: '- op: add\n  path: /metadata/labels/x\n  value: y' }],
      },
      { ARGOCD_APP_NAME: 'shop', ARGOCD_APP_REVISION_SHORT: 'abc1234' },
    );
    expect(edited()).toEqual({
      resources: ['deploy.yaml'],
      namePrefix: 'p-',
      nameSuffix: '-s',
      images: [
        { name: 'api', digest: 'sha256:0123' },
        { name: 'web', newName: 'mirror/web', newTag: 'abc1234' },
      ],
      replicas: [{ name: 'api', count: 3 }],
      commonLabels: { team: 'a', env: 'shop' },
      commonAnnotations: { note: '$ARGOCD_APP_NAME' },
      namespace: 'prod',
      patches: [{ target: { kind: 'Deployment' }, patch: '- op: add\n  path: /metadata/labels/x\n  value: y' }],
    });
  });

  it('refuses to overwrite a label without forceCommonLabels, and a missing component unless ignored', () => {
    writeFileSync(join(dir, 'kustomization.yaml'), 'commonLabels:\n  team: a\n');
    expect(() => applyKustomizeOverrides(dir, { commonLabels: { team: 'b' } }, {})).toThrow('label team already in kustomization file; set forceCommonLabels to override');
    applyKustomizeOverrides(dir, { commonLabels: { team: 'b' }, forceCommonLabels: true }, {});
    expect(edited().commonLabels).toEqual({ team: 'b' });
    expect(() => applyKustomizeOverrides(dir, { components: ['../missing'] }, {})).toThrow('kustomize component ../missing not found');
    applyKustomizeOverrides(dir, { components: ['../missing'], ignoreMissingComponents: true }, {});
    expect(edited().components).toEqual([]);
  });
});
