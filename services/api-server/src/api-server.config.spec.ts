import { ConfigError } from '@flotilla/platform';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadApiServerConfig } from './api-server.config';

const messageOf = (env: Record<string, string>): string => {
  try {
    loadApiServerConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('api-server configuration: login backoff knobs', () => {
  it("defaults to Argo CD's values", () => {
    expect(loadApiServerConfig({}).login).toEqual({
      maxFailures: 5,
      windowSeconds: 300,
      maxEntries: 10_000,
      maxConcurrent: 50,
      maxBackoffSeconds: 60,
    });
  });

  it("takes Flotilla's names or Argo CD's, the same value under both, and 0 for a window that never ends", () => {
    const login = loadApiServerConfig({
      ARGOCD_SESSION_FAILURE_MAX_FAIL_COUNT: '3',
      ARGOCD_SESSION_FAILURE_WINDOW_SECONDS: '0',
      FLOTILLA_LOGIN_MAX_CACHE_SIZE: '100',
      ARGOCD_SESSION_MAX_CACHE_SIZE: '100',
      ARGOCD_MAX_CONCURRENT_LOGIN_REQUESTS_COUNT: '8',
      FLOTILLA_LOGIN_MAX_BACKOFF_SECONDS: '10',
    }).login;
    expect(login).toEqual({ maxFailures: 3, windowSeconds: 0, maxEntries: 100, maxConcurrent: 8, maxBackoffSeconds: 10 });
  });

  it('names the variable holding a bad value, and both names when they disagree', () => {
    expect(messageOf({ ARGOCD_SESSION_FAILURE_MAX_FAIL_COUNT: 'five' })).toBe(
      'invalid configuration: ARGOCD_SESSION_FAILURE_MAX_FAIL_COUNT: must be a whole number',
    );
    expect(messageOf({ FLOTILLA_LOGIN_MAX_CONCURRENT: '0' })).toBe(
      'invalid configuration: FLOTILLA_LOGIN_MAX_CONCURRENT: must be at least 1',
    );
    expect(messageOf({ FLOTILLA_LOGIN_MAX_BACKOFF_SECONDS: '-1' })).toMatch(/^invalid configuration: FLOTILLA_LOGIN_MAX_BACKOFF_SECONDS: /);
    expect(messageOf({ FLOTILLA_LOGIN_MAX_FAILURES: '5', ARGOCD_SESSION_FAILURE_MAX_FAIL_COUNT: '10' })).toBe(
      'invalid configuration: FLOTILLA_LOGIN_MAX_FAILURES: is 5 but ARGOCD_SESSION_FAILURE_MAX_FAIL_COUNT is 10; set one',
    );
  });

  it('stops the api-server at start-up with a message naming the variable', () => {
    const root = join(__dirname, '..', '..', '..');
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'main.ts')], {
      cwd: root,
      env: { PATH: process.env.PATH, SWC_NODE_PROJECT: join(root, 'tsconfig.base.json'), ARGOCD_SESSION_FAILURE_WINDOW_SECONDS: '-5' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'api-server failed to start: invalid configuration: ARGOCD_SESSION_FAILURE_WINDOW_SECONDS: must be at least 0',
    );
  }, 60_000);
});
