import type { ApplicationSet, Repository } from '@flotilla/api-types';
import { minimatch } from 'minimatch';
import { asStoredSecret } from '../testdata/testdata.fixture';
import { stringRenderer } from '../template/string.renderer';
import { transformEntry } from './generator-entry.transform';
import { generatorRegistry } from './generator.registry';
import type { GeneratorContext, GeneratorEntry, Params } from './generator.types';
import { GitRepositoryReader } from './git.generator';

/** A repository in memory: what repo-server would list and read at one revision. */
class MemoryRepo implements GitRepositoryReader {
  readonly calls: { method: string; repo: Repository; revision: string; noRevisionCache: boolean }[] = [];
  failure: Error | undefined;
  constructor(readonly files: Record<string, string>) {}
  gitDirectories(repo: Repository, revision: string, noRevisionCache = false): Promise<string[]> {
    this.calls.push({ method: 'dirs', repo, revision, noRevisionCache });
    if (this.failure) return Promise.reject(this.failure);
    const dirs = new Set(Object.keys(this.files).flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
    return Promise.resolve([...dirs].sort());
  }
  gitFiles(repo: Repository, revision: string, path: string, opts: { noRevisionCache?: boolean } = {}): Promise<Map<string, Buffer>> {
    this.calls.push({ method: 'files', repo, revision, noRevisionCache: !!opts.noRevisionCache });
    if (this.failure) return Promise.reject(this.failure);
    return Promise.resolve(new Map(Object.entries(this.files).filter(([f]) => minimatch(f, path, { noglobstar: true })).map(([f, c]) => [f, Buffer.from(c)])));
  }
}

const repoFiles = {
  'apps/billing/kustomization.yaml': '',
  'apps/guestbook/kustomization.yaml': '',
  'apps/legacy/kustomization.yaml': '',
  'clusters/eu/config.json': '{"cluster": {"name": "eu-1", "server": "https://eu"}}',
  'clusters/us/config.json': '[{"cluster": {"name": "us-1", "server": "https://us1"}}, {"cluster": {"name": "us-2", "server": "https://us2"}}]',
  'clusters/old/config.json': '{"cluster": {"name": "old"}}',
};

const appSetOf = (goTemplate: boolean, extra: Partial<ApplicationSet['metadata']> = {}, project = 'default'): ApplicationSet =>
  ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'a', namespace: 'argocd', ...extra },
    spec: { goTemplate, generators: [], template: { metadata: {}, spec: { project } } },
  }) as unknown as ApplicationSet;

const setup = (goTemplate = false, opts: { annotations?: Record<string, string>; project?: string; files?: Record<string, string> } = {}) => {
  const repo = new MemoryRepo(opts.files ?? repoFiles);
  const resolved: [string, string][] = [];
  const appSet = appSetOf(goTemplate, { annotations: opts.annotations }, opts.project);
  const ctx: GeneratorContext = {
    appSet,
    clusterSecrets: [],
    renderString: stringRenderer(appSet.spec),
    repository: (url, project) => {
      resolved.push([url, project]);
      return Promise.resolve({ repo: url, username: 'u', password: 'p' });
    },
  };
  const run = async (entry: GeneratorEntry): Promise<Params[]> =>
    (await transformEntry(entry, generatorRegistry({ reader: repo, newGitFileGlobbing: false }), appSet.spec.template, ctx))[0].params;
  return { repo, resolved, run, ctx };
};

const URL = 'https://git.example/config.git';

describe('GitGenerator, directories', () => {
  it('yields one set per matching directory, without excluded ones, with templated values', async () => {
    const { run } = setup();
    const params = await run({
      git: { repoURL: URL, revision: 'main', directories: [{ path: 'apps/*' }, { path: 'apps/legacy', exclude: true }], values: { ns: 'team-{{path.basename}}' } },
    });
    expect(params).toEqual([
      { path: 'apps/billing', 'path.basename': 'billing', 'path.basenameNormalized': 'billing', 'path[0]': 'apps', 'path[1]': 'billing', 'values.ns': 'team-billing' },
      { path: 'apps/guestbook', 'path.basename': 'guestbook', 'path.basenameNormalized': 'guestbook', 'path[0]': 'apps', 'path[1]': 'guestbook', 'values.ns': 'team-guestbook' },
    ]);
  });

  it('nests path and values for goTemplate', async () => {
    const { run } = setup(true);
    const params = await run({ git: { repoURL: URL, directories: [{ path: 'apps/guestbook' }], pathParamPrefix: 'app', values: { ns: '{{ .app.path.basename | upper }}' } } });
    expect(params).toEqual([
      { app: { path: { path: 'apps/guestbook', basename: 'guestbook', basenameNormalized: 'guestbook', segments: ['apps', 'guestbook'] } }, values: { ns: 'GUESTBOOK' } },
    ]);
  });

  it('reads the repository with its credentials, for the template’s project, at the revision', async () => {
    const { run, repo, resolved } = setup();
    await run({ git: { repoURL: URL, revision: 'v2', directories: [{ path: 'apps/*' }] } });
    expect(resolved).toEqual([[URL, 'default']]);
    expect(repo.calls).toEqual([{ method: 'dirs', repo: { repo: URL, username: 'u', password: 'p' }, revision: 'v2', noRevisionCache: false }]);
  });

  it('asks for global credentials only when the project is templated', async () => {
    const { run, resolved } = setup(false, { project: '{{path.basename}}' });
    await run({ git: { repoURL: URL, directories: [{ path: 'apps/*' }] } });
    expect(resolved).toEqual([[URL, '']]);
  });

  it('bypasses the revision cache while the application-set-refresh annotation is set', async () => {
    const { run, repo } = setup(false, { annotations: { 'argocd.argoproj.io/application-set-refresh': 'true' } });
    await run({ git: { repoURL: URL, directories: [{ path: 'apps/*' }] } });
    expect(repo.calls[0].noRevisionCache).toBe(true);
  });
});

describe('GitGenerator, files', () => {
  it('yields one set per file, one per item for a list, sorted by path, skipping excluded files', async () => {
    const { run } = setup();
    const params = await run({
      git: { repoURL: URL, files: [{ path: 'clusters/*/config.json' }, { path: 'clusters/old/*', exclude: true }], values: { label: '{{cluster.name}}@{{path.basename}}' } },
    });
    expect(params.map((p) => [p['cluster.name'], p['cluster.server'], p['path.filename'], p['values.label']])).toEqual([
      ['eu-1', 'https://eu', 'config.json', 'eu-1@eu'],
      ['us-1', 'https://us1', 'config.json', 'us-1@us'],
      ['us-2', 'https://us2', 'config.json', 'us-2@us'],
    ]);
  });

  it('keeps the file’s content as nested maps for goTemplate', async () => {
    const { run } = setup(true);
    const [eu] = await run({ git: { repoURL: URL, files: [{ path: 'clusters/eu/config.json' }] } });
    expect(eu).toEqual({
      cluster: { name: 'eu-1', server: 'https://eu' },
      path: { path: 'clusters/eu', basename: 'eu', basenameNormalized: 'eu', filename: 'config.json', filenameNormalized: 'config.json', segments: ['clusters', 'eu'] },
    });
  });
});

describe('GitGenerator errors', () => {
  it.each([
    ['no directories and no files', { repoURL: URL }, /ApplicationSet is empty/],
    ['no repoURL', { directories: [{ path: '*' }] }, /error generating params from git: repoURL is required/],
    ['a malformed directories glob', { repoURL: URL, directories: [{ path: 'apps/[' }] }, /invalid directories path "apps\/\[": syntax error in pattern/],
    ['a malformed files glob', { repoURL: URL, files: [{ path: 'clusters/[/config.json' }] }, /invalid files path "clusters\/\[\/config.json"/],
  ])('%s', async (_case, git, message) => {
    await expect(setup().run({ git })).rejects.toThrow(message);
  });

  it('names the file that is not JSON or YAML, and the repository', async () => {
    const { run } = setup(false, { files: { 'clusters/eu/config.json': '{"a": 1}', 'clusters/bad/config.json': '"text"' } });
    await expect(run({ git: { repoURL: URL, files: [{ path: 'clusters/*/config.json' }] } })).rejects.toThrow(
      `error generating params from git: unable to process file 'clusters/bad/config.json' from repository '${URL}': unable to parse file`,
    );
  });

  it.each([
    ['directories', { directories: [{ path: '*' }] }, 'error getting directories from repo: error retrieving Git Directories: repository not found'],
    ['files', { files: [{ path: '*.json' }] }, 'error retrieving Git files: repository not found'],
  ])('passes on what repo-server says when it cannot read the repository (%s)', async (_case, git, message) => {
    const { run, repo } = setup();
    repo.failure = new Error('repository not found');
    await expect(run({ git: { repoURL: URL, ...git } })).rejects.toThrow(`error generating params from git: ${message}`);
  });
});

describe('GitGenerator inside a matrix', () => {
  it('reads a directory per cluster, the path built from the cluster, values resolved per child', async () => {
    const { repo } = setup();
    const secret = (name: string) =>
      asStoredSecret({ apiVersion: 'v1', kind: 'Secret', metadata: { name, labels: { 'argocd.argoproj.io/secret-type': 'cluster' } }, stringData: { name, server: `https://${name}` } });
    const appSet = appSetOf(false);
    const ctx: GeneratorContext = {
      appSet,
      clusterSecrets: [secret('billing'), secret('guestbook')],
      renderString: stringRenderer(appSet.spec),
      repository: (url) => Promise.resolve({ repo: url }),
    };
    const entry = {
      matrix: {
        generators: [
          { clusters: { selector: { matchLabels: { 'argocd.argoproj.io/secret-type': 'cluster' } } } },
          { git: { repoURL: URL, directories: [{ path: 'apps/{{name}}' }], values: { target: '{{name}}/{{path.basename}}' } } },
        ],
      },
    } as GeneratorEntry;
    const [result] = await transformEntry(entry, generatorRegistry({ reader: repo, newGitFileGlobbing: false }), appSet.spec.template, ctx);
    expect(result.params.map((p) => [p.name, p.path, p['values.target']])).toEqual([
      ['billing', 'apps/billing', 'billing/billing'],
      ['guestbook', 'apps/guestbook', 'guestbook/guestbook'],
    ]);
  });
});
