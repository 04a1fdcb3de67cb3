import { parseAccounts, tokensKey } from './account.settings';

describe('parseAccounts', () => {
  it('always has admin, enabled unless admin.enabled is false, with login only', () => {
    const accounts = parseAccounts({}, { 'admin.password': '$2a$10$x', 'admin.passwordMtime': '2024-05-01T10:00:00Z' });
    expect(accounts.get('admin')).toEqual({
      name: 'admin',
      enabled: true,
      capabilities: ['login'],
      passwordHash: '$2a$10$x',
      passwordMtime: new Date('2024-05-01T10:00:00Z'),
      tokens: [],
    });
    expect(parseAccounts({ 'admin.enabled': 'false' }, {}).get('admin')?.enabled).toBe(false);
    expect(parseAccounts({ 'accounts.admin': 'apiKey' }, {}).get('admin')?.capabilities).toEqual(['login', 'apiKey']);
  });

  it("reads each account's API tokens from argocd-secret as Argo CD lists them, and none from a damaged list", () => {
    const accounts = parseAccounts(
      { 'accounts.ci': 'apiKey', 'accounts.bot': 'apiKey' },
      {
        'accounts.ci.tokens': '[{"id":"a","iat":1700000000,"exp":1700003600},{"id":"b","iat":1700000100}]',
        'accounts.bot.tokens': '{not json',
        'admin.tokens': '[{"id":"x","iat":1700000000,"exp":0},{"iat":5}]',
      },
    );
    expect(accounts.get('ci')?.tokens).toEqual([
      { id: 'a', iat: 1700000000, exp: 1700003600 },
      { id: 'b', iat: 1700000100 },
    ]);
    expect(accounts.get('bot')?.tokens).toEqual([]);
    expect(accounts.get('admin')?.tokens).toEqual([{ id: 'x', iat: 1700000000 }]);
    expect(tokensKey('admin')).toBe('admin.tokens');
    expect(tokensKey('ci')).toBe('accounts.ci.tokens');
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
