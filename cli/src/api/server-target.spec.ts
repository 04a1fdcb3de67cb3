import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliConfig } from '../cli.config';
import { emptyLocalConfig, recordLogin, writeLocalConfig } from '../session/local-config.store';
import { normalizeServer, resolveServerTarget } from './server-target';

describe('resolving the server a command talks to', () => {
  let dir: string;
  let config: CliConfig;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flotilla-cli-target-'));
    config = { configPath: join(dir, 'config'), kubeconfigPath: join(dir, 'kubeconfig') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('asks the user to log in when nothing names a server', () => {
    expect(() => resolveServerTarget({}, config)).toThrow("Flotilla server address unspecified: log in with 'flotilla login SERVER' or pass --server");
  });

  it("uses the current context's server, TLS settings and token", () => {
    const local = emptyLocalConfig();
    recordLogin(local, { context: 'dev', server: { server: '127.0.0.1:8080', 'plain-text': true }, token: 'tok' });
    writeLocalConfig(local, config.configPath);
    expect(resolveServerTarget({}, config)).toEqual({ server: '127.0.0.1:8080', plaintext: true, insecure: false, authToken: 'tok' });
  });

  it('lets flags and the environment win, and never sends a token to another server', () => {
    const local = emptyLocalConfig();
    recordLogin(local, { context: 'dev', server: { server: '127.0.0.1:8080', 'plain-text': true }, token: 'tok' });
    writeLocalConfig(local, config.configPath);
    expect(resolveServerTarget({ server: 'other:9090', plaintext: true }, config)).toEqual({ server: 'other:9090', plaintext: true, insecure: false, authToken: undefined });
    expect(resolveServerTarget({ authToken: 'flag' }, { ...config, authToken: 'env' }).authToken).toBe('flag');
    expect(resolveServerTarget({}, { ...config, server: 'env:1', authToken: 'env' })).toMatchObject({ server: 'env:1', authToken: 'env', plaintext: false });
  });

  it('strips a URL scheme, taking http as plaintext', () => {
    expect(normalizeServer('http://localhost:8080/')).toEqual({ server: 'localhost:8080', plaintext: true });
    expect(normalizeServer('https://cd.example.com')).toEqual({ server: 'cd.example.com', plaintext: false });
    expect(normalizeServer('cd.example.com:443')).toEqual({ server: 'cd.example.com:443' });
  });
});
