import type { ApplicationSource } from '@flotilla/api-types';
import { sameImage } from './app-source.builder';
import { unsetSource } from './app-unset.builder';

describe('app unset: clearing overrides', () => {
  it('removes the named Helm parameters and values files, and the helm block once empty', () => {
    const source: ApplicationSource = { repoURL: 'r', helm: { parameters: [{ name: 'a', value: '1' }], valueFiles: ['a.yaml', 'b.yaml'] } };
    expect(unsetSource(source, { parameter: ['a'], values: ['a.yaml'] })).toEqual({ updated: true, nothingToUnset: false });
    expect(source.helm).toEqual({ parameters: [], valueFiles: ['b.yaml'] });
    expect(unsetSource(source, { values: ['b.yaml'] })).toEqual({ updated: true, nothingToUnset: false });
    expect(source.helm).toBeUndefined();
  });

  it('removes Kustomize images by name and the name prefix', () => {
    const source: ApplicationSource = { repoURL: 'r', kustomize: { namePrefix: 'dev-', images: ['nginx:1.27', 'redis=redis:7'] } };
    expect(unsetSource(source, { kustomizeImage: ['nginx'], nameprefix: true })).toEqual({ updated: true, nothingToUnset: false });
    expect(source.kustomize).toEqual({ images: ['redis=redis:7'] });
  });

  it('reports nothing to unset when no flag applies to the kind of source, and no update when nothing named was set', () => {
    expect(unsetSource({ repoURL: 'r', helm: { valueFiles: ['a.yaml'] } }, { nameprefix: true })).toEqual({ updated: false, nothingToUnset: true });
    expect(unsetSource({ repoURL: 'r', helm: { valueFiles: ['a.yaml'] } }, { values: ['other.yaml'] })).toEqual({ updated: false, nothingToUnset: false });
  });

  it('matches Kustomize images as argocd does: by the name before the delimiter the listed image uses', () => {
    expect(sameImage('nginx', 'nginx:1.27')).toBe(true);
    expect(sameImage('mysql', 'mysql=mariadb:10')).toBe(true);
    expect(sameImage('nginx', 'nginx-extra:1')).toBe(false);
  });
});
