import type { AppProject } from '@flotilla/api-types';
import { destinationPermitted, sourcePermitted } from './project-permissions';

const project = (spec: AppProject['spec']): AppProject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AppProject',
  metadata: { name: 'p' },
  spec,
});

describe('project permissions', () => {
  it('matches source repos by glob, ignoring .git and trailing slashes, with ! denials', () => {
    const p = project({ sourceRepos: ['https://github.com/org/*', '!https://github.com/org/secret'] });
    expect(sourcePermitted(p, 'https://github.com/org/app.git')).toBe(true);
    expect(sourcePermitted(p, 'https://github.com/org/secret/')).toBe(false);
    expect(sourcePermitted(p, 'https://gitlab.com/org/app')).toBe(false);
    expect(sourcePermitted(project({ sourceRepos: ['*'] }), 'file:///tmp/repo')).toBe(true);
  });

  it('matches destinations by server or name and namespace', () => {
    const p = project({
      destinations: [
        { server: 'https://dev.*', namespace: 'team-*' },
        { name: 'prod', namespace: 'web' },
        { server: '!https://dev.secret', namespace: '*' },
      ],
    });
    expect(destinationPermitted(p, 'https://dev.example', '', 'team-a')).toBe(true);
    expect(destinationPermitted(p, 'https://dev.example', '', 'kube-system')).toBe(false);
    expect(destinationPermitted(p, 'https://prod.example', 'prod', 'web')).toBe(true);
    expect(destinationPermitted(p, 'https://dev.secret', '', 'team-a')).toBe(false);
    expect(destinationPermitted(project({ destinations: [{ server: '*', namespace: '*' }] }), 'https://any', '', '')).toBe(true);
  });
});
