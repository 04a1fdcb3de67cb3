import * as grpc from '@grpc/grpc-js';
import { contractFiles, contracts, contractsDefinition } from './load-contracts';
import { fromJsonObject, toJsonObject } from './json-object';

describe('contracts', () => {
  it('loads every service the API and the repo-server expose', () => {
    const c = contracts();
    expect(contractFiles()).toContain('reposerver/reposerver.proto');
    const services = [
      c.application.ApplicationService,
      c.applicationset.ApplicationSetService,
      c.cluster.ClusterService,
      c.cluster.SettingsService,
      c.repository.RepositoryService,
      c.repository.RepoServerService,
      c.project.ProjectService,
      c.session.SessionService,
      c.account.AccountService,
      c.version.VersionService,
    ];
    for (const svc of services) expect(Object.keys(svc.service).length).toBeGreaterThan(0);
    expect(Object.keys(c.repository.RepoServerService.service).sort()).toEqual(
      ['GenerateManifest', 'GetAppDetails', 'GetGitDirectories', 'GetGitFiles', 'GetRevisionMetadata', 'ListApps', 'ListRefs', 'ResolveRevision'].sort(),
    );
  });

  it("keeps Argo CD's REST routes as method options", () => {
    const sync = contractsDefinition()['application.ApplicationService'] as grpc.ServiceDefinition;
    const options = (sync.Sync as unknown as { options: Record<string, unknown> }).options;
    expect(options['(google.api.http)']).toEqual({ post: '/api/v1/applications/{name}/sync', body: '*' });
  });

  it('round-trips Kubernetes objects as JSON and names a bad field', () => {
    const app = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'guestbook' } };
    expect(fromJsonObject(toJsonObject(app), 'application')).toEqual(app);
    expect(() => fromJsonObject({ json: '{"a":' }, 'application')).toThrow(/^application is not valid JSON/);
    expect(() => fromJsonObject({ json: '[1]' }, 'application')).toThrow('application must be a JSON object');
    expect(() => fromJsonObject(undefined, 'cluster')).toThrow('cluster is required');
  });
});
