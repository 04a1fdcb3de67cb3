import { loadAppControllerConfig } from './app-controller.config';

describe('app-controller configuration', () => {
  it("enforces AppProjects' signatureKeys unless FLOTILLA_GPG_ENABLED (or Argo's ARGOCD_GPG_ENABLED) is false", () => {
    expect(loadAppControllerConfig({}).gpgEnabled).toBe(true);
    expect(loadAppControllerConfig({ ARGOCD_GPG_ENABLED: 'false' }).gpgEnabled).toBe(false);
    expect(loadAppControllerConfig({ ARGOCD_GPG_ENABLED: 'false', FLOTILLA_GPG_ENABLED: 'true' }).gpgEnabled).toBe(true);
    expect(() => loadAppControllerConfig({ FLOTILLA_GPG_ENABLED: 'no' })).toThrow(/FLOTILLA_GPG_ENABLED/);
  });

  it("takes the jq time limit for ignoreDifferences as a duration, 1s by default as Argo's", () => {
    expect(loadAppControllerConfig({}).jqTimeoutMs).toBe(1000);
    expect(loadAppControllerConfig({ FLOTILLA_IGNORE_NORMALIZER_JQ_TIMEOUT: '250ms' }).jqTimeoutMs).toBe(250);
    expect(loadAppControllerConfig({ FLOTILLA_IGNORE_NORMALIZER_JQ_TIMEOUT: '1m30s' }).jqTimeoutMs).toBe(90_000);
  });

  it('refuses a jq time limit that is not a duration, naming the variable', () => {
    expect(() => loadAppControllerConfig({ FLOTILLA_IGNORE_NORMALIZER_JQ_TIMEOUT: 'soon' })).toThrow(/FLOTILLA_IGNORE_NORMALIZER_JQ_TIMEOUT.*must be a duration/);
    expect(() => loadAppControllerConfig({ FLOTILLA_IGNORE_NORMALIZER_JQ_TIMEOUT: '0s' })).toThrow(/FLOTILLA_IGNORE_NORMALIZER_JQ_TIMEOUT/);
  });

  it('runs operations on workers of their own, 10 at once by default, and refuses a count that is not a whole number', () => {
    expect(loadAppControllerConfig({}).operationConcurrency).toBe(10);
    expect(loadAppControllerConfig({ FLOTILLA_APP_OPERATION_CONCURRENCY: '3' }).operationConcurrency).toBe(3);
    expect(() => loadAppControllerConfig({ FLOTILLA_APP_OPERATION_CONCURRENCY: 'many' })).toThrow(/FLOTILLA_APP_OPERATION_CONCURRENCY/);
    expect(() => loadAppControllerConfig({ FLOTILLA_APP_OPERATION_CONCURRENCY: '0' })).toThrow(/FLOTILLA_APP_OPERATION_CONCURRENCY/);
  });

  it("splits clusters by Flotilla's weighted ring unless Argo's legacy or round-robin is asked for, and stops on any other name", () => {
    expect(loadAppControllerConfig({}).shardingAlgorithm).toBe('consistent-hashing');
    expect(loadAppControllerConfig({ FLOTILLA_CONTROLLER_SHARDING_ALGORITHM: 'legacy' }).shardingAlgorithm).toBe('legacy');
    expect(loadAppControllerConfig({ FLOTILLA_CONTROLLER_SHARDING_ALGORITHM: 'round-robin' }).shardingAlgorithm).toBe('round-robin');
    expect(() => loadAppControllerConfig({ FLOTILLA_CONTROLLER_SHARDING_ALGORITHM: 'roundrobin' })).toThrow(
      /FLOTILLA_CONTROLLER_SHARDING_ALGORITHM: must be one of consistent-hashing, legacy, round-robin/,
    );
  });

  it('takes a dns:/// repo-server target, which balances over every replica', () => {
    expect(loadAppControllerConfig({ FLOTILLA_REPO_SERVER: 'dns:///argocd-repo-server-headless:8081' }).repoServer).toBe('dns:///argocd-repo-server-headless:8081');
    expect(() => loadAppControllerConfig({ FLOTILLA_REPO_SERVER: 'argocd-repo-server' })).toThrow(/FLOTILLA_REPO_SERVER: must be host:port/);
  });

  it('reads the script library directory from FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR, none when unset or empty', () => {
    expect(loadAppControllerConfig({ FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR: '/etc/flotilla/resource-customizations' }).resourceCustomizationsDir).toBe('/etc/flotilla/resource-customizations');
    expect(loadAppControllerConfig({}).resourceCustomizationsDir).toBeUndefined();
    expect(loadAppControllerConfig({ FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR: '' }).resourceCustomizationsDir).toBeUndefined();
  });
});
