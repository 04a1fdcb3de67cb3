import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { emptyLocalConfig, readLocalConfig, recordLogin, removeContext, removeToken, resolveContext, writeLocalConfig } from './local-config.store';

describe('local config file', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flotilla-cli-config-'));
    path = join(dir, 'nested', 'config');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is absent until written', () => {
    expect(readLocalConfig(path)).toBeUndefined();
  });

  it("records a login in argocd's layout, mode 0600", () => {
    const config = emptyLocalConfig();
    recordLogin(config, { context: 'localhost:8080', server: { server: 'localhost:8080', 'plain-text': true }, token: 'tok-1' });
    writeLocalConfig(config, path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(parse(readFileSync(path, 'utf8'))).toEqual({
      'current-context': 'localhost:8080',
      contexts: [{ name: 'localhost:8080', server: 'localhost:8080', user: 'localhost:8080' }],
      servers: [{ server: 'localhost:8080', 'plain-text': true }],
      users: [{ name: 'localhost:8080', 'auth-token': 'tok-1' }],
    });
    const read = readLocalConfig(path)!;
    expect(resolveContext(read)).toEqual({ name: 'localhost:8080', server: { server: 'localhost:8080', 'plain-text': true }, user: { name: 'localhost:8080', 'auth-token': 'tok-1' } });
  });

  it('replaces the token of an existing context and switches the current context on login', () => {
    const config = emptyLocalConfig();
    recordLogin(config, { context: 'a', server: { server: 'a:1' }, token: 't1' });
    recordLogin(config, { context: 'b', server: { server: 'b:1' }, token: 't2' });
    recordLogin(config, { context: 'a', server: { server: 'a:1' }, token: 't3' });
    expect(config['current-context']).toBe('a');
    expect(config.users).toEqual([
      { name: 'a', 'auth-token': 't3' },
      { name: 'b', 'auth-token': 't2' },
    ]);
    expect(config.contexts).toHaveLength(2);
  });

  it('logout drops only the token; deleting a context drops its user and server too', () => {
    const config = emptyLocalConfig();
    recordLogin(config, { context: 'a', server: { server: 'a:1' }, token: 't1' });
    expect(removeToken(config, 'a')).toBe(true);
    expect(resolveContext(config).user).toEqual({ name: 'a' });
    expect(removeToken(config, 'zzz')).toBe(false);
    expect(removeContext(config, 'a')).toBe(true);
    expect(config).toEqual(emptyLocalConfig());
  });

  it('refuses a config file others can read, as argocd does', () => {
    writeLocalConfig(emptyLocalConfig(), path);
    chmodSync(path, 0o644);
    expect(() => readLocalConfig(path)).toThrow(/incorrect permission flags 0644/);
  });

  it('names an undefined current context', () => {
    writeFileSync(join(dir, 'bad'), 'current-context: gone\ncontexts: []\n', { mode: 0o600 });
    expect(() => readLocalConfig(join(dir, 'bad'))).toThrow("Context 'gone' undefined");
  });
});
