import { normalizeRepoUrl, repositoryFor, repositoryFromSecret } from './repository.match';
import type { Repository } from './repository.types';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('repositoryFor', () => {
  const repos: Repository[] = [
    { repo: 'https://git.example.com/team/app.git', username: 'app', password: 'own' },
    { repo: 'https://git.example.com/team/public' },
  ];
  const creds: Repository[] = [
    { repo: 'https://git.example.com/', username: 'org', password: 'short' },
    { repo: 'https://git.example.com/team/', username: 'team', password: 'long' },
  ];

  it("uses the repository's own Secret, matching URLs without .git or case", () => {
    expect(repositoryFor('https://GIT.example.com/team/app', repos, creds)).toEqual({ repo: 'https://GIT.example.com/team/app', username: 'app', password: 'own' });
  });

  it('inherits the longest matching repo-creds prefix when the repository has no credentials', () => {
    expect(repositoryFor('https://git.example.com/team/public', repos, creds)).toEqual({
      repo: 'https://git.example.com/team/public',
      username: 'team',
      password: 'long',
      inheritedCreds: true,
    });
    expect(repositoryFor('https://git.example.com/other/x', repos, creds)).toMatchObject({ username: 'org', password: 'short' });
  });

  it('gives a bare URL for a public repository nobody configured', () => {
    expect(repositoryFor('https://elsewhere.example.org/x.git', repos, creds)).toEqual({ repo: 'https://elsewhere.example.org/x.git' });
  });

  it('prefers the Secret scoped to the application project', () => {
    const scoped: Repository[] = [
      { repo: 'https://h/r', username: 'global', password: 'g' },
      { repo: 'https://h/r', username: 'scoped', password: 's', project: 'team-a' },
    ];
    expect(repositoryFor('https://h/r', scoped, [], 'team-a').username).toBe('scoped');
    expect(repositoryFor('https://h/r', scoped, [], 'other').username).toBe('global');
  });
});

describe('repositoryFromSecret', () => {
  it('decodes Argo CD repository Secret fields', () => {
    const secret = { data: { url: b64('https://h/r.git'), username: b64('u'), password: b64('p'), insecure: b64('true'), enableOCI: b64('false'), depth: b64('1') } };
    expect(repositoryFromSecret(secret)).toEqual({ repo: 'https://h/r.git', username: 'u', password: 'p', insecure: true, depth: '1' });
  });

  it('normalizes URLs for comparison', () => {
    expect(normalizeRepoUrl(' https://H/r.git/ ')).toBe('https://h/r');
  });
});
