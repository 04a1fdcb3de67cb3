import { checkRepoUrl, isLocalRepoUrl } from './repository-url.rule';

describe('checkRepoUrl', () => {
  it.each([
    ['https://github.com/argoproj/argocd-example-apps.git', 'https'],
    ['https://user:pw@git.example.com/team/app', 'https'],
    ['http://127.0.0.1:8080/demo.git', 'http'],
    ['ssh://git@github.com/argoproj/argocd-example-apps.git', 'ssh'],
    ['git+ssh://git@host:2222/repo', 'ssh'],
    ['git://git.example.com/repo.git', 'git'],
    ['git@github.com:argoproj/argocd-example-apps.git', 'ssh'],
    ['github.com:org/repo', 'ssh'],
    ['git@[::1]:repo.git', 'ssh'],
    ['[git@host:2222]:repo.git', 'ssh'],
    ['file:///srv/repo.git', 'local'],
    ['/srv/x.git', 'local'],
    ['../x', 'local'],
    ['x.git', 'local'],
    ['./dir/with:colon', 'local'],
  ])('reads %s as %s', (url, transport) => {
    expect(checkRepoUrl(url)).toEqual({ ok: true, transport });
  });

  it.each([
    ['', 'is empty'],
    ['--upload-pack=touch /tmp/pwned', 'starts with "-"'],
    ['-oProxyCommand=x', 'starts with "-"'],
    ['ext::sh -c touch% /tmp/pwned', `remote-helper syntax "ext::"`],
    ['fd::17', `remote-helper syntax "fd::"`],
    ['https::example.com/x', `remote-helper syntax "https::"`],
    ['ftp://example.com/x.git', 'unsupported scheme "ftp://"'],
    ['persistent-https://example.com/x', 'unsupported scheme "persistent-https://"'],
    ['https://example.com/x\n--upload-pack=evil', 'control character or line break'],
    ['https://example.com/x\0', 'control character or line break'],
    ['ssh://-oProxyCommand=touch%20pwned/x', 'host or user that starts with "-"'],
    ['ssh://-oProxyCommand=x@host/x', 'host or user that starts with "-"'],
    ['-host:repo', 'starts with "-"'],
    ['git@-oProxyCommand=x:repo', 'host or user that starts with "-"'],
    [':repo', 'no host'],
    ['https://', 'not a valid URL'],
  ])('refuses %j: %s', (url, reason) => {
    const verdict = checkRepoUrl(url);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toContain(reason);
  });

  it('tells local repositories from remote ones', () => {
    expect(['file:///srv/x', '/srv/x.git', 'x'].map(isLocalRepoUrl)).toEqual([true, true, true]);
    expect(['https://h/x', 'git@h:x', 'ext::sh'].map(isLocalRepoUrl)).toEqual([false, false, false]);
  });
});
