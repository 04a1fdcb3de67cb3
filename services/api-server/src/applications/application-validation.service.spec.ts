import type { Application, AppProject } from '@flotilla/api-types';
import { ClusterStore } from '../clusters/cluster.store';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import type { RepositoryStore } from '../repositories/repository.store';
import type { KubeSecret } from '../secrets/kube-secret';
import { ApplicationValidationService } from './application-validation.service';

// Flotilla's `destination.servers`: every listed server must be a known cluster the project permits.
const DEV = 'https://dev.example.com';
const PROD = 'https://prod.example.com';
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const secret = (name: string, server: string): KubeSecret => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: `cluster-${name}`, labels: { 'argocd.argoproj.io/secret-type': 'cluster' } },
  data: { name: b64(name), server: b64(server), config: b64('{}') },
});

const project = (destinations: NonNullable<AppProject['spec']['destinations']>): AppProject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AppProject',
  metadata: { name: 'default' },
  spec: { sourceRepos: ['*'], destinations },
});

function service(destinations: NonNullable<AppProject['spec']['destinations']>): ApplicationValidationService {
  const projects = { get: (name: string) => Promise.resolve(name === 'default' ? project(destinations) : undefined) } as unknown as KubeResourceStore<AppProject>;
  const secrets = { list: () => Promise.resolve({ items: [secret('dev', DEV), secret('prod', PROD)] }) } as unknown as KubeResourceStore<KubeSecret>;
  return new ApplicationValidationService(projects, new ClusterStore(secrets), {} as RepositoryStore, { generateManifest: () => Promise.reject(new Error('not called')) });
}

const app = (destination: Application['spec']['destination']): Application => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'my-app-multi-cluster' },
  spec: { project: 'default', source: { repoURL: 'https://github.com/your-org/your-repo.git', path: 'manifests', targetRevision: 'HEAD' }, destination },
});

describe('ApplicationValidationService with destination.servers', () => {
  const everywhere = [{ server: '*', namespace: '*' }];

  it('accepts a destination with only servers, each a known cluster (in-cluster too)', async () => {
    const destination = { servers: ['https://kubernetes.default.svc', DEV, `${PROD}/`] };
    await expect(service(everywhere).validate(app(destination), false)).resolves.toMatchObject({ spec: { destination } });
  });

  it('refuses an unknown server, naming it and its place in the list', async () => {
    await expect(service(everywhere).validate(app({ servers: [DEV, 'https://nowhere.example.com'] }), false)).rejects.toThrow(
      'application destination spec for my-app-multi-cluster is invalid: unable to find destination server: there are no clusters with this URL: https://nowhere.example.com (spec.destination.servers[1])',
    );
  });

  it('refuses servers beside server or name, and an empty list', async () => {
    await expect(service(everywhere).validate(app({ servers: [DEV], server: PROD }), false)).rejects.toThrow(`can't have servers together with server ${PROD}`);
    await expect(service(everywhere).validate(app({ servers: [DEV], name: 'prod' }), false)).rejects.toThrow("can't have servers together with name prod");
    await expect(service(everywhere).validate(app({ servers: [] }), false)).rejects.toThrow('spec.destination.servers must list at least one server');
  });

  it("checks every server against the project's destinations, by server or by cluster name", async () => {
    const devOnly = [{ server: DEV, namespace: '*' }];
    await expect(service(devOnly).validate(app({ servers: [DEV, PROD], namespace: 'web' }), false)).rejects.toThrow(
      `InvalidSpecError: application destination server '${PROD}' and namespace 'web' do not match any of the allowed destinations in project 'default'`,
    );
    await expect(service([...devOnly, { name: 'prod', namespace: 'web' }]).validate(app({ servers: [DEV, PROD], namespace: 'web' }), false)).resolves.toBeDefined();
  });

  it('still refuses a destination with no cluster at all', async () => {
    await expect(service(everywhere).validate(app({ namespace: 'web' }), false)).rejects.toThrow('spec.destination.server, spec.destination.name or spec.destination.servers is required');
  });
});

describe('ApplicationValidationService with hostile repository URLs', () => {
  it("refuses what git would read as an option or a remote helper, before the repo-server is asked", async () => {
    const everywhere = [{ server: '*', namespace: '*' }];
    for (const [repoURL, reason] of [
      ['--upload-pack=touch /tmp/pwned', 'starts with "-"'],
      ['ext::sh -c touch% /tmp/pwned', `uses git's remote-helper syntax "ext::"`],
      ['ssh://-oProxyCommand=id/x', 'has a host or user that starts with "-"'],
    ]) {
      const hostile: Application = { ...app({ server: DEV, namespace: 'default' }), spec: { ...app({ server: DEV, namespace: 'default' }).spec, source: { repoURL, path: '.' } } };
      await expect(service(everywhere).validate(hostile, false)).rejects.toThrow(`spec.source.repoURL is not a git repository URL the repo-server will fetch: it ${reason}`);
    }
  });
});
