import { filesTouchPaths, manifestGeneratePaths } from './manifest-generate-paths';

describe('manifestGeneratePaths', () => {
  it.each([
    ['.', 'apps/guestbook', ['apps/guestbook']],
    ['/', 'apps/guestbook', ['']],
    ['../shared; values', 'apps/guestbook', ['apps/shared', 'apps/guestbook/values']],
    ['/charts/common;.', 'apps/guestbook', ['charts/common', 'apps/guestbook']],
    ['*.yaml', 'apps/guestbook', ['apps/guestbook/*.yaml']],
    ['.', undefined, ['']],
  ])('%j on source path %j names %j', (annotation, sourcePath, expected) => {
    expect(manifestGeneratePaths(annotation, sourcePath)).toEqual(expected);
  });

  it('names nothing when the annotation is absent or empty', () => {
    expect(manifestGeneratePaths(undefined, 'a')).toBeUndefined();
    expect(manifestGeneratePaths(' ; ', 'a')).toBeUndefined();
  });
});

describe('filesTouchPaths', () => {
  it.each([
    [['apps/guestbook'], ['apps/guestbook/deploy.yaml'], true],
    [['apps/guestbook'], ['apps/guestbook'], true],
    [['apps/guestbook'], ['apps/guestbook-2/deploy.yaml'], false],
    [['apps/guestbook'], ['README.md', 'apps/other/x.yaml'], false],
    [['apps/guestbook', 'charts/common'], ['charts/common/templates/_helpers.tpl'], true],
    [['apps/guestbook/*.yaml'], ['apps/guestbook/values.yaml'], true],
    [['apps/guestbook/*.yaml'], ['apps/guestbook/sub/values.yaml'], false],
    [['apps/g?estbook'], ['apps/guestbook/a.yaml'], false],
    [['apps/g?estbook'], ['apps/guestbook'], true],
    [[''], ['anything/at/all'], true],
    [undefined, ['x'], true],
    [['apps/guestbook'], [], false],
  ])('paths %j and changes %j → %s', (paths, changed, expected) => {
    expect(filesTouchPaths(paths, changed)).toBe(expected);
  });
});
