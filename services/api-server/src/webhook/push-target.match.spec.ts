import type { Application, ApplicationSet, ApplicationSource } from '@flotilla/api-types';
import type { PushedRef, PushEvent } from './push-event.types';
import { pushTouchesApplication, pushTouchesApplicationSet, repoUrlMatches, revisionMatches } from './push-target.match';

const GITHUB_URLS = [
  'https://github.com/acme/deploy-config',
  'https://github.com/acme/deploy-config.git',
  'git@github.com:acme/deploy-config.git',
];

const push = (over: Partial<PushEvent> = {}): PushEvent => ({
  provider: 'github',
  repoUrls: GITHUB_URLS,
  refs: [{ kind: 'branch', name: 'main' }],
  defaultBranch: 'main',
  changedFiles: ['apps/guestbook/deployment.yaml', 'shared/labels.yaml'],
  ...over,
});

const source = (over: Partial<ApplicationSource> = {}): ApplicationSource => ({
  repoURL: 'https://github.com/acme/deploy-config.git',
  path: 'apps/guestbook',
  targetRevision: 'HEAD',
  ...over,
});

const app = (spec: { source?: ApplicationSource; sources?: ApplicationSource[] }, paths?: string): Application => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'app', ...(paths === undefined ? {} : { annotations: { 'argocd.argoproj.io/manifest-generate-paths': paths } }) },
  spec: { project: 'default', destination: { server: 'https://kubernetes.default.svc', namespace: 'web' }, ...spec },
});

describe('repoUrlMatches', () => {
  it.each<[string, string[], boolean]>([
    ['https://github.com/acme/deploy-config.git', GITHUB_URLS, true],
    ['https://github.com/acme/deploy-config', GITHUB_URLS, true],
    ['https://GitHub.com/Acme/Deploy-Config/', GITHUB_URLS, true],
    ['git@github.com:acme/deploy-config.git', GITHUB_URLS, true],
    ['git@github.com:acme/deploy-config', GITHUB_URLS, true],
    ['ssh://git@github.com/acme/deploy-config.git', GITHUB_URLS, true],
    ['ssh://git@github.com:22/acme/deploy-config', GITHUB_URLS, true],
    ['github.com:acme/deploy-config.git', GITHUB_URLS, true],
    ['https://github.com/acme/deploy-config-v2.git', GITHUB_URLS, false],
    ['https://github.com/other/deploy-config.git', GITHUB_URLS, false],
    ['https://gitlab.com/acme/deploy-config.git', GITHUB_URLS, false],
    ['git@github.com:acme/deploy.git', GITHUB_URLS, false],
    ['ssh://git@git.example.com:2222/ops/fleet.git', ['ssh://git@git.example.com:2222/ops/fleet.git'], true],
    ['ssh://git@git.example.com/ops/fleet.git', ['ssh://git@git.example.com:2222/ops/fleet.git'], false],
    ['git@bitbucket.org:acme-team/charts.git', ['https://bitbucket.org/acme-team/charts', 'git@bitbucket.org:acme-team/charts.git'], true],
  ])('%s against the pushed repository %j → %s', (repoURL, urls, expected) => {
    expect(repoUrlMatches(repoURL, urls)).toBe(expected);
  });
});

describe('revisionMatches', () => {
  const branch = (name: string): PushedRef => ({ kind: 'branch', name });
  const tag = (name: string): PushedRef => ({ kind: 'tag', name });
  it.each<[string | undefined, PushedRef, string | undefined, boolean]>([
    ['HEAD', branch('main'), 'main', true],
    ['', branch('main'), 'main', true],
    [undefined, branch('main'), 'main', true],
    ['HEAD', branch('feature'), 'main', false],
    ['HEAD', tag('main'), 'main', false],
    ['HEAD', branch('anything'), undefined, true],
    ['main', branch('main'), 'main', true],
    ['main', branch('maint'), 'main', false],
    ['refs/heads/main', branch('main'), 'main', true],
    ['refs/heads/main', tag('main'), 'main', false],
    ['release/2.x', branch('release/2.x'), 'main', true],
    ['refs/heads/release/2.x', branch('release/2.x'), 'main', true],
    ['v1.2.0', tag('v1.2.0'), 'main', true],
    ['refs/tags/v1.2.0', tag('v1.2.0'), 'main', true],
    ['refs/tags/v1.2.0', branch('v1.2.0'), 'main', false],
    ['v1.2.0', tag('v1.2.1'), 'main', false],
    ['0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c', branch('main'), 'main', false],
  ])('targetRevision %j, pushed %j, default branch %j → %s', (target, ref, defaultBranch, expected) => {
    expect(revisionMatches(target, ref, defaultBranch)).toBe(expected);
  });
});

describe('pushTouchesApplication', () => {
  it.each<[string, Application, PushEvent, boolean]>([
    ['follows the default branch through HEAD', app({ source: source() }), push(), true],
    ['pins another branch', app({ source: source({ targetRevision: 'staging' }) }), push(), false],
    ['uses another repository', app({ source: source({ repoURL: 'https://github.com/acme/other.git' }) }), push(), false],
    ['has paths that include a changed file', app({ source: source() }, '.'), push(), true],
    ['has paths that include no changed file', app({ source: source({ path: 'apps/billing' }) }, '.'), push(), false],
    [
      'has a repository-root path that includes a changed file',
      app({ source: source({ path: 'apps/billing' }) }, '.;/shared'),
      push(),
      true,
    ],
    ['has a relative path leading out of its directory', app({ source: source({ path: 'apps/billing' }) }, '../guestbook'), push(), true],
    [
      'has paths, but the payload lists no files',
      app({ source: source({ path: 'apps/billing' }) }, '.'),
      push({ changedFiles: undefined }),
      true,
    ],
    ['has an empty annotation (no paths)', app({ source: source({ path: 'apps/billing' }) }, ''), push(), true],
    [
      'is multi-source, and its second source follows the push',
      app({
        sources: [
          { repoURL: 'https://charts.example.com', chart: 'nginx', targetRevision: '15.*' },
          source({ repoURL: 'git@github.com:acme/deploy-config.git', path: undefined, ref: 'values', targetRevision: 'main' }),
        ],
      }),
      push(),
      true,
    ],
    [
      'is multi-source, with paths relative to each source path',
      app({ sources: [source({ path: 'apps/billing' }), source({ path: 'shared', targetRevision: 'other' })] }, '.'),
      push({ changedFiles: ['shared/labels.yaml'] }),
      true,
    ],
    [
      'takes a Helm chart from a URL that equals the repository (charts are not git)',
      app({ source: { repoURL: 'https://github.com/acme/deploy-config', chart: 'guestbook', targetRevision: '' } }),
      push(),
      false,
    ],
    [
      'follows a tag that was pushed',
      app({ source: source({ targetRevision: 'v2.4.0' }) }),
      push({ refs: [{ kind: 'tag', name: 'v2.4.0' }] }),
      true,
    ],
    [
      'follows one of several refs a push moved',
      app({ source: source({ targetRevision: 'v0.9.0' }) }),
      push({
        refs: [
          { kind: 'branch', name: 'main' },
          { kind: 'tag', name: 'v0.9.0' },
        ],
      }),
      true,
    ],
    ['has no source at all', app({}), push(), false],
  ])('an app that %s → %s', (_name, application, event, expected) => {
    expect(pushTouchesApplication(application, event)).toBe(expected);
  });
});

describe('pushTouchesApplicationSet', () => {
  const appSet = (generators: unknown[]): ApplicationSet =>
    ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name: 'set' },
      spec: { generators, template: {} },
    }) as ApplicationSet;
  const git = (repoURL: string, revision?: string) => ({ git: { repoURL, revision, directories: [{ path: 'apps/*' }] } });

  it.each<[string, unknown[], boolean]>([
    ['a git generator on the repository at HEAD', [git('https://github.com/acme/deploy-config.git', 'HEAD')], true],
    ['a git generator without a revision', [git('git@github.com:acme/deploy-config.git')], true],
    ['a git generator on the pushed branch by full ref', [git('https://github.com/acme/deploy-config', 'refs/heads/main')], true],
    ['a git generator on another branch', [git('https://github.com/acme/deploy-config.git', 'staging')], false],
    ['a git generator on another repository', [git('https://github.com/acme/other.git')], false],
    [
      'a git generator inside a matrix',
      [{ matrix: { generators: [git('https://github.com/acme/deploy-config.git'), { clusters: {} }] } }],
      true,
    ],
    [
      'a git generator in a merge inside a matrix',
      [
        {
          matrix: {
            generators: [
              { clusters: {} },
              { merge: { mergeKeys: ['path'], generators: [{ list: { elements: [] } }, git('https://github.com/acme/deploy-config')] } },
            ],
          },
        },
      ],
      true,
    ],
    ['only list and clusters generators', [{ list: { elements: [{ a: 1 }] } }, { clusters: {} }], false],
    ['a templated repoURL', [git('{{.repoURL}}')], false],
  ])('%s → %s', (_name, generators, expected) => {
    expect(pushTouchesApplicationSet(appSet(generators), push())).toBe(expected);
  });
});
