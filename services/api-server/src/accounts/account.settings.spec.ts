import { parseAccounts } from './account.settings';

describe('parseAccounts', () => {
  it('always has admin, enabled unless admin.enabled is false, with login only', () => {
    const accounts = parseAccounts({}, { 'admin.password': '$2a$10$x', 'admin.passwordMtime': '2024-05-01T10:00:00Z' });
    expect(accounts.get('admin')).toEqual({
      name: 'admin',
      enabled: true,
      capabilities: ['login'],
      passwordHash: '$2a$10$x',
      passwordMtime: new Date('2024-05-01T10:00:00Z'),
    });
    expect(parseAccounts({ 'admin.enabled': 'false' }, {}).get('admin')?.enabled).toBe(false);
  });

  it('reads declared accounts, their capabilities, enabled flag and passwords', () => {
    const accounts = parseAccounts(
      {
        'accounts.alice': 'apiKey, login',
        'accounts.bob': 'apiKey',
        'accounts.bob.enabled': 'false',
        'accounts.alice.enabled': 'true',
        url: 'https://x',
      },
      { 'accounts.alice.password': 'hash-a' },
    );
    expect([...accounts.keys()].sort()).toEqual(['admin', 'alice', 'bob']);
    expect(accounts.get('alice')).toMatchObject({ enabled: true, capabilities: ['apiKey', 'login'], passwordHash: 'hash-a' });
    expect(accounts.get('bob')).toMatchObject({ enabled: false, capabilities: ['apiKey'], passwordHash: undefined });
  });
});
