import { fnv32a, repoUrlToSecretName, uriToSecretName } from './secret-name';

describe('secret names', () => {
  it('hashes like Go hash/fnv New32a', () => {
    // Reference values of FNV-1a 32: "" and "a" from the FNV spec.
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('foo', 'bar')).toBe(fnv32a('foobar'));
  });

  it('names cluster Secrets cluster-<host>-<hash>', () => {
    expect(uriToSecretName('cluster', 'https://Kube.Example.com:6443')).toBe(
      `cluster-kube.example.com-${fnv32a('https://Kube.Example.com:6443')}`,
    );
    expect(uriToSecretName('cluster', 'http://[fe80::1ff:fe23:4567:890a]:8000')).toMatch(/^cluster-fe80--1ff-fe23-4567-890a-\d+$/);
    expect(() => uriToSecretName('cluster', 'not a url')).toThrow('invalid URL');
  });

  it('names repository Secrets repo-<hash of url and project>', () => {
    expect(repoUrlToSecretName('repo', 'https://github.com/a/b')).toBe(`repo-${fnv32a('https://github.com/a/b')}`);
    expect(repoUrlToSecretName('repo', 'https://github.com/a/b', 'p')).not.toBe(repoUrlToSecretName('repo', 'https://github.com/a/b'));
  });
});
