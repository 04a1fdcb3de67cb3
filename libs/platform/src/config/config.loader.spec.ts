import { z } from 'zod';
import { ConfigError, loadConfig } from './config.loader';
import { hubKubeEnv, hubKubeSource, logEnv, namespaceEnv, platformEnv, port, redisEnv } from './platform-env.config';

const schema = z.object({ ...redisEnv, ...logEnv, ...namespaceEnv, ...port('FLOTILLA_GRPC_PORT', 8081) });

describe('loadConfig', () => {
  it('applies defaults and coerces ports', () => {
    const config = loadConfig(schema, { FLOTILLA_GRPC_PORT: '9000', FLOTILLA_LOG_LEVEL: '' });
    expect(config).toEqual({ FLOTILLA_REDIS_URL: 'redis://127.0.0.1:6379', FLOTILLA_LOG_LEVEL: 'info', FLOTILLA_NAMESPACE: 'argocd', FLOTILLA_GRPC_PORT: 9000 });
  });

  it('names every bad variable and why', () => {
    let error: unknown;
    try {
      loadConfig(schema, { FLOTILLA_REDIS_URL: 'not a url', FLOTILLA_GRPC_PORT: '70000', FLOTILLA_LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('FLOTILLA_REDIS_URL: Invalid URL');
    expect(message).toContain('FLOTILLA_GRPC_PORT:');
    expect(message).toContain('FLOTILLA_LOG_LEVEL:');
    expect((error as ConfigError).issues.map((i) => i.variable).sort()).toEqual(['FLOTILLA_GRPC_PORT', 'FLOTILLA_LOG_LEVEL', 'FLOTILLA_REDIS_URL']);
  });

  it('rejects a non-redis URL scheme', () => {
    expect(() => loadConfig(z.object(platformEnv), { FLOTILLA_REDIS_URL: 'http://x:1' })).toThrow(/FLOTILLA_REDIS_URL: Invalid URL/);
  });
});

describe('hubKubeSource', () => {
  const load = (env: NodeJS.ProcessEnv) => hubKubeSource(loadConfig(z.object(hubKubeEnv), env));

  it('prefers FLOTILLA_KUBECONFIG over KUBECONFIG', () => {
    expect(load({ FLOTILLA_KUBECONFIG: '/a', KUBECONFIG: '/b', FLOTILLA_KUBE_CONTEXT: 'hub' })).toEqual({ kind: 'kubeconfig', path: '/a', context: 'hub' });
  });

  it('uses in-cluster credentials inside a pod without a kubeconfig', () => {
    expect(load({ KUBERNETES_SERVICE_HOST: '10.0.0.1' })).toEqual({ kind: 'in-cluster' });
  });

  it('falls back to the default kubeconfig elsewhere', () => {
    expect(load({})).toEqual({ kind: 'kubeconfig', context: undefined });
  });
});
