import { accountObject, formatAccountDetails, formatAccountTable, parseTokenDuration } from './account.printer';

const ci = {
  name: 'ci',
  enabled: true,
  capabilities: ['apiKey', 'login'],
  tokens: [
    { id: 'deploy-token', issuedAt: '1700000000', expiresAt: '1700003600' },
    { id: 'b', issuedAt: '1700000100', expiresAt: '0' },
  ],
};

describe('account printing (TZ=UTC)', () => {
  const tz = process.env.TZ;
  beforeAll(() => (process.env.TZ = 'UTC'));
  afterAll(() => (process.env.TZ = tz));

  it("lists accounts in argocd's NAME ENABLED CAPABILITIES columns", () => {
    expect(formatAccountTable([ci, { name: 'admin', enabled: false, capabilities: ['login'], tokens: [] }])).toBe(
      'NAME   ENABLED  CAPABILITIES\nci     true     apiKey, login\nadmin  false    login\n',
    );
  });

  it('shows an account with its tokens, expired ones marked, and NONE without any', () => {
    expect(formatAccountDetails(ci, Date.UTC(2024, 0, 1))).toBe(
      [
        'Name:               ci',
        'Enabled:            true',
        'Capabilities:       apiKey, login',
        '',
        'Tokens:',
        'ID            ISSUED AT             EXPIRING AT',
        'deploy-token  2023-11-14T22:13:20Z  2023-11-14T23:13:20Z (expired)',
        'b             2023-11-14T22:15:00Z  never',
        '',
      ].join('\n'),
    );
    expect(formatAccountDetails({ ...ci, tokens: [] })).toMatch(/\nTokens:\nNONE\n$/);
  });

  it("gives -o json|yaml argocd's fields: empty ones left out, times as numbers", () => {
    expect(accountObject(ci)).toEqual({
      name: 'ci',
      enabled: true,
      capabilities: ['apiKey', 'login'],
      tokens: [
        { id: 'deploy-token', issuedAt: 1700000000, expiresAt: 1700003600 },
        { id: 'b', issuedAt: 1700000100 },
      ],
    });
    expect(accountObject({ name: 'x', enabled: false, capabilities: [], tokens: [] })).toEqual({ name: 'x' });
  });

  it('reads --expires-in as argocd does: a whole number and one of s, m, h, d', () => {
    expect([parseTokenDuration('0s'), parseTokenDuration('90m'), parseTokenDuration('1h'), parseTokenDuration('30d')]).toEqual([
      0, 5400, 3600, 2592000,
    ]);
    expect(() => parseTokenDuration('1h30m')).toThrow("Invalid since format '1h30m'. Expected format <duration><unit> (e.g. 3h)");
    expect(() => parseTokenDuration('-1h')).toThrow('Invalid since format');
  });
});
