import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { loadConfig, platformEnv } from '../config';
import { maskSecrets, redisConnection } from './redis-connection';

const config = (env: Record<string, string>) => loadConfig(z.object(platformEnv), env);

describe('redisConnection', () => {
  it('connects to the URL, with its credentials unless FLOTILLA_REDIS_PASSWORD is set, and names it without them', () => {
    const fromUrl = redisConnection(config({ FLOTILLA_REDIS_URL: 'redis://flotilla:p%40ss@redis.example:6380/2' }));
    expect(fromUrl.options).toMatchObject({ host: 'redis.example', port: 6380, db: 2, username: 'flotilla', password: 'p@ss', maxRetriesPerRequest: null });
    expect(fromUrl.options.sentinels).toBeUndefined();
    expect(fromUrl.target).toBe('redis.example:6380');
    expect(fromUrl.secrets).toEqual(['p@ss']);
    const fromEnv = redisConnection(config({ FLOTILLA_REDIS_URL: 'redis://:old@redis.example', FLOTILLA_REDIS_PASSWORD: 'new' }));
    expect(fromEnv.options).toMatchObject({ port: 6379, password: 'new' });
  });

  it('asks the Sentinels for master argocd unless FLOTILLA_REDIS_SENTINEL_MASTER names another', () => {
    const c = redisConnection(config({ FLOTILLA_REDIS_SENTINELS: 'argocd-redis-ha-announce-0:26379, [::1]:26380', FLOTILLA_REDIS_SENTINEL_PASSWORD: 'sp', FLOTILLA_REDIS_PASSWORD: 'rp' }));
    expect(c.options).toMatchObject({
      sentinels: [
        { host: 'argocd-redis-ha-announce-0', port: 26379 },
        { host: '::1', port: 26380 },
      ],
      name: 'argocd',
      password: 'rp',
      sentinelPassword: 'sp',
      enableTLSForSentinelMode: false,
    });
    expect(c.target).toBe('master argocd of Sentinels argocd-redis-ha-announce-0:26379,::1:26380');
    expect(c.secrets).toEqual(['rp', 'sp']);
    expect(redisConnection(config({ FLOTILLA_REDIS_SENTINELS: 's:26379', FLOTILLA_REDIS_SENTINEL_MASTER: 'mymaster' })).options.name).toBe('mymaster');
  });

  it('reconnects and resends a command refused with READONLY (the old master, demoted), and nothing else', () => {
    const { reconnectOnError } = redisConnection('redis://127.0.0.1:6379').options;
    expect(reconnectOnError?.(new Error("READONLY You can't write against a read only replica."))).toBe(2);
    expect(reconnectOnError?.(new Error('ERR unknown command'))).toBe(false);
  });

  it('uses TLS for rediss:// or FLOTILLA_REDIS_TLS, with the CA file, to the Sentinels too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-tls-'));
    writeFileSync(join(dir, 'ca.crt'), 'PEM');
    expect(redisConnection(config({ FLOTILLA_REDIS_URL: 'rediss://r:6379' })).options.tls).toEqual({ rejectUnauthorized: true });
    const c = redisConnection(config({ FLOTILLA_REDIS_SENTINELS: 's:26379', FLOTILLA_REDIS_TLS: 'true', FLOTILLA_REDIS_TLS_CA_FILE: join(dir, 'ca.crt') }));
    expect(c.options.tls).toEqual({ ca: Buffer.from('PEM'), rejectUnauthorized: true });
    expect(c.options).toMatchObject({ enableTLSForSentinelMode: true, sentinelTLS: c.options.tls });
    expect(redisConnection(config({ FLOTILLA_REDIS_TLS: 'false' })).options.tls).toBeUndefined();
    expect(() => redisConnection(config({ FLOTILLA_REDIS_TLS: 'true', FLOTILLA_REDIS_TLS_CA_FILE: join(dir, 'none.crt') }))).toThrow(/^FLOTILLA_REDIS_TLS_CA_FILE: cannot read .*none\.crt/);
  });

  it('stops start-up naming the variable of a bad Sentinel list or TLS flag', () => {
    expect(() => config({ FLOTILLA_REDIS_SENTINELS: 'host-without-port' })).toThrow(/FLOTILLA_REDIS_SENTINELS: 'host-without-port' is not host:port/);
    expect(() => config({ FLOTILLA_REDIS_SENTINELS: ' , ' })).toThrow(/FLOTILLA_REDIS_SENTINELS: must list host:port/);
    expect(() => config({ FLOTILLA_REDIS_TLS: 'yes' })).toThrow(/FLOTILLA_REDIS_TLS: must be true or false/);
  });

  it('masks every secret in a message', () => {
    expect(maskSecrets('AUTH s3cret failed for s3cret and sp', ['s3cret', 'sp'])).toBe('AUTH *** failed for *** and ***');
  });
});
