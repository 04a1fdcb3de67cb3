import { RbacPolicy } from './rbac.policy';

describe('RbacPolicy', () => {
  it('lets admin do anything the built-in admin role allows', () => {
    const policy = new RbacPolicy();
    expect(policy.enforce('admin', 'applications', 'sync', 'default/guestbook')).toBe(true);
    expect(policy.enforce('admin', 'clusters', 'create', 'https://x')).toBe(true);
    expect(policy.enforce('admin', 'clusters', 'get', 'https://x')).toBe(true);
    expect(policy.enforce('admin', 'applications', 'update/*', 'default/guestbook')).toBe(true);
  });

  it('denies users without policy, and applies policy.default', () => {
    expect(new RbacPolicy().enforce('alice', 'applications', 'get', 'default/app')).toBe(false);
    const readonly = new RbacPolicy('', 'role:readonly');
    expect(readonly.enforce('alice', 'applications', 'get', 'default/app')).toBe(true);
    expect(readonly.enforce('alice', 'applications', 'sync', 'default/app')).toBe(false);
  });

  it('evaluates policy.csv roles, globs and deny lines', () => {
    const policy = new RbacPolicy(
      [
        'p, role:dev, applications, *, team-a/*, allow',
        'p, role:dev, applications, delete, team-a/prod-*, deny',
        'g, alice, role:dev',
        '# comment',
      ].join('\n'),
    );
    expect(policy.enforce('alice', 'applications', 'sync', 'team-a/web')).toBe(true);
    expect(policy.enforce('alice', 'applications', 'delete', 'team-a/prod-web')).toBe(false);
    expect(policy.enforce('alice', 'applications', 'sync', 'team-b/web')).toBe(false);
    expect(policy.enforce('bob', 'applications', 'sync', 'team-a/web')).toBe(false);
  });
});
