import { join } from 'node:path';
import { GitRepositoryClient } from '../git/git-repository.client';
import { LOCAL_REPOSITORIES, TestRepository } from '../testing/test-repository';
import { CheckoutTree } from './checkout-paths';
import { helmScope, kustomizeScope } from './workspace-scope';

// A render writes its app and what the app references, not the other apps of the repository.
let repo: TestRepository;
beforeEach(() => {
  repo = new TestRepository();
});
afterEach(() => repo.dispose());

const selected = async (scope: (client: GitRepositoryClient, sha: string) => Promise<string[]>): Promise<string[]> => {
  const sha = repo.commit();
  const client = new GitRepositoryClient(repo.url, join(repo.root, 'cache'), {}, LOCAL_REPOSITORIES);
  await client.fetch();
  return (await scope(client, sha)).sort();
};

describe('workspace scope', () => {
  it('Helm: the chart, its file:// dependencies (recursively), value files and symlink targets', async () => {
    repo
      .write('charts/web/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n  - {name: lib, repository: "file://../lib"}\n')
      .write('charts/web/templates/cm.yaml', 'x')
      .write('charts/lib/Chart.yaml', 'apiVersion: v2\nname: lib\nversion: 1.0.0\ndependencies:\n  - {name: base, repository: "file://../../base-chart"}\n')
      .write('base-chart/Chart.yaml', 'apiVersion: v2\nname: base\nversion: 1.0.0\n')
      .write('envs/prod/values.yaml', 'a: 1\n')
      .write('shared/ca.crt', 'pem')
      .symlink('charts/web/ca.crt', '../../shared/ca.crt')
      .write('charts/other/Chart.yaml', 'apiVersion: v2\nname: other\nversion: 1.0.0\n')
      .write('docs/readme.md', 'hi');
    const paths = await selected(async (client, sha) => {
      const view = await CheckoutTree.load(client, await client.listTree(sha));
      const scope = await helmScope(client, view, 'charts/web', { valueFiles: ['../../envs/${ARGOCD_APP_NAME}/values.yaml'] }, { ARGOCD_APP_NAME: 'prod' });
      return scope.select().map((e) => e.path);
    });
    expect(paths).toEqual(['base-chart/Chart.yaml', 'charts/lib/Chart.yaml', 'charts/web/Chart.yaml', 'charts/web/ca.crt', 'charts/web/templates/cm.yaml', 'envs/prod/values.yaml', 'shared/ca.crt']);
  });

  it('Kustomize: every kustomization reachable through resources, bases and components', async () => {
    repo
      .write('overlays/prod/kustomization.yaml', 'resources: [../../base, extra.yaml]\ncomponents: [../../components/tls]\n')
      .write('overlays/prod/extra.yaml', 'x')
      .write('base/kustomization.yaml', 'resources: [deploy.yaml]\n')
      .write('base/deploy.yaml', 'x')
      .write('components/tls/kustomization.yaml', 'kind: Component\n')
      .write('components/monitoring/kustomization.yaml', 'kind: Component\n')
      .write('overlays/dev/kustomization.yaml', 'resources: [../../base]\n');
    const paths = await selected(async (client, sha) => (await kustomizeScope(client, await CheckoutTree.load(client, await client.listTree(sha)), 'overlays/prod', ['../../components/monitoring'])).select().map((e) => e.path));
    expect(paths).toEqual(['base/deploy.yaml', 'base/kustomization.yaml', 'components/monitoring/kustomization.yaml', 'components/tls/kustomization.yaml', 'overlays/prod/extra.yaml', 'overlays/prod/kustomization.yaml']);
  });
});
