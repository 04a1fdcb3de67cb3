import type { KubeObject } from './kube-object.types';
import { repositoryFor, repositoryFromSecret } from './repository.match';

const secret = (type: string, data: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'x', labels: { 'argocd.argoproj.io/secret-type': type } },
  data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
});

describe('repository credentials for the git generator', () => {
  const repositories = [
    repositoryFromSecret(secret('repository', { url: 'https://git.example/team/app.git', username: 'app', password: 'own' })),
    repositoryFromSecret(secret('repository', { url: 'https://git.example/team/scoped', username: 'scoped', password: 's', project: 'team-a' })),
    repositoryFromSecret(secret('repository', { url: 'https://git.example/team/scoped', username: 'global', password: 'g' })),
  ];
  const credentials = [
    repositoryFromSecret(secret('repo-creds', { url: 'https://git.example/', username: 'org', password: 'short' })),
    repositoryFromSecret(secret('repo-creds', { url: 'https://git.example/team/', username: 'team', password: 'long', insecure: 'true' })),
  ];

  it.each([
    ['the repository’s own Secret, URL compared without .git and case', 'https://GIT.example/team/app', '', { username: 'app', password: 'own' }],
    ['the longest repo-creds prefix', 'https://git.example/team/other', '', { username: 'team', password: 'long', insecure: true, inheritedCreds: true }],
    ['a shorter prefix when only it matches', 'https://git.example/x/y', '', { username: 'org', password: 'short', inheritedCreds: true }],
    ['the project’s own Secret first', 'https://git.example/team/scoped', 'team-a', { username: 'scoped' }],
    ['the global Secret for another project', 'https://git.example/team/scoped', 'team-b', { username: 'global' }],
    ['a bare URL for a repository nobody configured', 'https://elsewhere.example/x.git', '', { repo: 'https://elsewhere.example/x.git' }],
  ])('%s', (_case, url, project, expected) => {
    expect(repositoryFor(url, repositories, credentials, project)).toMatchObject(expected);
  });
});
