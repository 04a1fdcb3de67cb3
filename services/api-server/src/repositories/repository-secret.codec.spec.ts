import { normalizeRepoUrl } from '@flotilla/api-types';
import { repositoryFromSecret, repositoryToSecret, sameRepository, sanitizeRepository } from './repository-secret.codec';

describe('repository Secrets', () => {
  const repo = {
    repo: 'https://github.com/org/app.git',
    name: 'app',
    username: 'bot',
    password: 'pw',
    sshPrivateKey: 'KEY',
    insecure: true,
    project: 'team',
  };

  it('round-trips through Argo CD\'s layout, booleans as "true"', () => {
    const secret = repositoryToSecret(repo, 'argocd');
    expect(secret.metadata.labels).toEqual({ 'argocd.argoproj.io/secret-type': 'repository' });
    expect(secret.metadata.name).toMatch(/^repo-\d+$/);
    expect(Buffer.from(secret.data!.insecure, 'base64').toString()).toBe('true');
    expect(repositoryFromSecret(secret)).toEqual(repo);
  });

  it('sanitizes credentials away and defaults the type', () => {
    expect(sanitizeRepository(repo)).toEqual({
      repo: repo.repo,
      name: 'app',
      username: 'bot',
      insecure: true,
      project: 'team',
      type: 'git',
    });
  });

  it('compares URLs the way Argo CD does, and specs field by field', () => {
    expect(normalizeRepoUrl('https://GitHub.com/Org/App.git/')).toBe('https://github.com/org/app');
    expect(sameRepository(repo, { ...repo })).toBe(true);
    expect(sameRepository(repo, { ...repo, password: 'other' })).toBe(false);
    expect(sameRepository({ repo: 'x' }, { repo: 'x', type: 'git' })).toBe(true);
  });
});
