import { detectSourceType } from './source-type.detector';

const source = { repoURL: 'https://git.example.com/x.git', path: 'app' };

describe('detectSourceType', () => {
  it('follows Argo: explicit sections win, then a kustomization, then a Chart.yaml, else a directory', () => {
    expect(detectSourceType(source, ['deploy.yaml'])).toBe('Directory');
    expect(detectSourceType(source, ['Chart.yaml', 'values.yaml'])).toBe('Helm');
    expect(detectSourceType(source, ['kustomization.yml'])).toBe('Kustomize');
    expect(detectSourceType(source, ['Kustomization'])).toBe('Kustomize');
    // Argo walks names in order and the last match wins, so a kustomization beats a Chart.yaml.
    expect(detectSourceType(source, ['Chart.yaml', 'kustomization.yaml'])).toBe('Kustomize');
    expect(detectSourceType({ ...source, helm: { releaseName: 'x' } }, ['kustomization.yaml'])).toBe('Helm');
    expect(detectSourceType({ ...source, directory: { recurse: true } }, ['Chart.yaml'])).toBe('Directory');
    expect(detectSourceType({ ...source, kustomize: {} }, ['Chart.yaml'])).toBe('Helm');
    expect(detectSourceType({ ...source, plugin: { name: 'cmp' } }, [])).toBe('Plugin');
    expect(detectSourceType({ repoURL: 'https://charts.example.com', chart: 'web' }, [])).toBe('Helm');
  });

  it('refuses two explicit types at once', () => {
    expect(() => detectSourceType({ ...source, helm: { releaseName: 'x' }, kustomize: { namePrefix: 'p-' } }, [])).toThrow('multiple application sources defined: Kustomize,Helm');
  });
});
