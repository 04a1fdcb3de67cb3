import { goFloatString } from './generator-entry.transform';
import { directoryParams, fileParams, filterDirectories } from './git.params';

describe('filterDirectories', () => {
  const all = ['apps', 'apps/billing', 'apps/guestbook', 'apps/guestbook/base', 'apps/legacy', 'infra'];
  it.each([
    ['one include', [{ path: 'apps/*' }], ['apps/billing', 'apps/guestbook', 'apps/legacy']],
    ['an exclude wins over an include, in any order', [{ path: 'apps/legacy', exclude: true }, { path: 'apps/*' }], ['apps/billing', 'apps/guestbook']],
    ['two includes', [{ path: 'apps/guestbook' }, { path: 'infra' }], ['apps/guestbook', 'infra']],
    ['excludes alone select nothing', [{ path: 'apps/*', exclude: true }], []],
    ['a deeper glob', [{ path: 'apps/*/*' }], ['apps/guestbook/base']],
  ])('%s', (_case, items, expected) => {
    expect(filterDirectories(items, all)).toEqual(expected);
  });
});

describe('directoryParams', () => {
  it.each([
    [
      'fasttemplate: flat keys and path[N]',
      { goTemplate: false },
      { path: 'apps/Guest_Book', 'path.basename': 'Guest_Book', 'path.basenameNormalized': 'guest-book', 'path[0]': 'apps', 'path[1]': 'Guest_Book' },
    ],
    [
      'fasttemplate with pathParamPrefix',
      { goTemplate: false, pathParamPrefix: 'app' },
      { 'app.path': 'apps/Guest_Book', 'app.path.basename': 'Guest_Book', 'app.path.basenameNormalized': 'guest-book', 'app.path[0]': 'apps', 'app.path[1]': 'Guest_Book' },
    ],
    [
      'goTemplate: .path.* with segments',
      { goTemplate: true },
      { path: { path: 'apps/Guest_Book', basename: 'Guest_Book', basenameNormalized: 'guest-book', segments: ['apps', 'Guest_Book'] } },
    ],
    [
      'goTemplate with pathParamPrefix',
      { goTemplate: true, pathParamPrefix: 'app' },
      { app: { path: { path: 'apps/Guest_Book', basename: 'Guest_Book', basenameNormalized: 'guest-book', segments: ['apps', 'Guest_Book'] } } },
    ],
  ])('%s', (_case, opts, expected) => {
    expect(directoryParams('apps/Guest_Book', opts)).toEqual(expected);
  });
});

describe('fileParams', () => {
  const json = JSON.stringify({ cluster: { name: 'eu', address: 'https://eu' }, replicas: 3, big: 1000000, on: true, tags: ['a', 'b'], empty: {}, none: null, path: 'ignored' });
  const flatPath = {
    path: 'clusters/eu',
    'path.basename': 'eu',
    'path.basenameNormalized': 'eu',
    'path.filename': 'config.json',
    'path.filenameNormalized': 'config.json',
    'path[0]': 'clusters',
    'path[1]': 'eu',
  };
  const goPath = { path: 'clusters/eu', basename: 'eu', basenameNormalized: 'eu', filename: 'config.json', filenameNormalized: 'config.json', segments: ['clusters', 'eu'] };

  it.each([
    [
      'fasttemplate flattens the file to a.b keys with Go %v strings; the path parameters win',
      json,
      { goTemplate: false },
      [{ 'cluster.name': 'eu', 'cluster.address': 'https://eu', replicas: '3', big: '1e+06', on: 'true', 'tags.0': 'a', 'tags.1': 'b', none: '<nil>', ...flatPath }],
    ],
    [
      'goTemplate keeps the file as nested maps beside .path',
      json,
      { goTemplate: true },
      [{ cluster: { name: 'eu', address: 'https://eu' }, replicas: 3, big: 1000000, on: true, tags: ['a', 'b'], empty: {}, none: null, path: goPath }],
    ],
    [
      'goTemplate with pathParamPrefix keeps the file’s own path key',
      '{"path": "mine"}',
      { goTemplate: true, pathParamPrefix: 'cfg' },
      [{ path: 'mine', cfg: { path: goPath } }],
    ],
    [
      'fasttemplate with pathParamPrefix puts every path key under it and keeps the file’s own path',
      '{"path": "mine", "deep": {"x": [1]}}',
      { goTemplate: false, pathParamPrefix: 'cfg' },
      [{ path: 'mine', 'deep.x.0': '1', ...Object.fromEntries(Object.entries(flatPath).map(([k, v]) => [`cfg.${k}`, v])) }],
    ],
    [
      'a YAML list yields one set per item',
      '- name: a\n- name: b\n  count: 2\n- null\n',
      { goTemplate: false },
      [{ name: 'a', ...flatPath }, { name: 'b', count: '2', ...flatPath }, { ...flatPath }],
    ],
    ['an empty file is one set with only the path', '', { goTemplate: false }, [flatPath]],
    ['YAML 1.1 booleans, as Go’s yaml.v2 reads them (even the key n)', 'enabled: yes\nn: 1\n', { goTemplate: true }, [{ enabled: true, false: 1, path: goPath }]],
    ['only the first YAML document counts', 'a: 1\n---\na: 2\n', { goTemplate: false }, [{ a: '1', ...flatPath }]],
    ['tab-indented JSON', '{\n\t"a": "x"\n}', { goTemplate: false }, [{ a: 'x', ...flatPath }]],
  ])('%s', (_case, content, opts, expected) => {
    expect(fileParams('clusters/eu/config.json', Buffer.from(content), opts)).toEqual(expected);
  });

  it.each([
    ['a scalar', '"just a string"', /unable to parse file: the file holds the string "just a string", not a map or a list of maps/],
    ['a list of scalars', '[1, 2]', /unable to parse file: item 0 of the list is number 1, not a map/],
    ['broken YAML', 'a: [1, 2\nb: c', /unable to parse file: /],
  ])('rejects %s', (_case, content, message) => {
    expect(() => fileParams('clusters/eu/config.json', content, { goTemplate: false })).toThrow(message);
  });
});

describe('goFloatString', () => {
  it.each([
    [3, '3'],
    [1.5, '1.5'],
    [100000, '100000'],
    [1000000, '1e+06'],
    [1234567, '1.234567e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [123456789012, '1.23456789012e+11'],
    [2.5e-7, '2.5e-07'],
  ])('%s prints as Go’s %%v: %s', (n, expected) => {
    expect(goFloatString(n)).toBe(expected);
  });
});
