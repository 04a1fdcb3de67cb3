// The SCM generators' safety settings against a fake GitHub over HTTP: disabled generators, an `api`
// outside the allowed list and, in tokenRef strict mode, an unlabelled Secret all fail before any
// token leaves the process; the defaults stay permissive, as Argo's are.
import type { ApplicationSet } from '@flotilla/api-types';
import { z } from 'zod';
import { appSetGenerationEnv, appSetGenerationSettings } from '../appset-generation.config';
import { type GeneratorContext, type GeneratorEntry, GeneratorError, type GeneratorHub } from '../generators/generator.types';
import { stringRenderer } from '../template/string.renderer';
import { type FakeGitHub, startFakeGitHub } from './github/github.fake';
import { PullRequestGenerator } from './pull-request.generator';
import { PULL_REQUEST_PROVIDER_KEYS } from './pull-request.providers';
import { ScmProviderGenerator } from './scm-provider.generator';
import { fakeGeneratorHub } from './scm-hub.fake';
import { checkScmProviderAllowed, type ScmSafetyOptions } from './scm.safety';

const TOKEN = 'ghp_safety-token';
const SHA = 'a'.repeat(40);
const SCM_CREDS = { 'argocd.argoproj.io/secret-type': 'scm-creds' };

describe('SCM generators safety settings', () => {
  let github: FakeGitHub;
  let labels: Record<string, Record<string, string>>;
  let secretReads: string[];
  const inner = fakeGeneratorHub(
    () => ({ 'github-token': { token: TOKEN } }),
    () => labels,
  );
  // Records which Secrets were read, to show a refused generator never reached them.
  const hub: GeneratorHub = {
    ...inner,
    secret: (name) => {
      secretReads.push(name);
      return inner.secret(name);
    },
  };
  const ctx: GeneratorContext = {
    appSet: { metadata: { name: 'safe', namespace: 'argocd' }, spec: { generators: [], template: {} } } as unknown as ApplicationSet,
    clusterSecrets: [],
    renderString: stringRenderer({}),
    repository: (url) => Promise.resolve({ repo: url }),
    hub,
  };
  const tokenRef = { secretName: 'github-token', key: 'token' };
  const pullRequest = (api = github.url): GeneratorEntry => ({ pullRequest: { github: { owner: 'acme', repo: 'app', api, tokenRef } } });
  const scmProvider = (api = github.url): GeneratorEntry => ({ scmProvider: { github: { organization: 'acme', api, tokenRef } } });
  /** Both generators with the same settings, each run on its own entry. */
  const runBoth = (safety: ScmSafetyOptions, api?: string) =>
    Promise.all([
      new PullRequestGenerator(safety).generateParams(pullRequest(api), ctx),
      new ScmProviderGenerator(safety).generateParams(scmProvider(api), ctx),
    ]);
  /** What each generator failed with (pullRequest's, then scmProvider's); a generator that succeeded fails the spec. */
  const failures = async (safety: ScmSafetyOptions, api?: string): Promise<Error[]> =>
    (
      await Promise.allSettled([
        new PullRequestGenerator(safety).generateParams(pullRequest(api), ctx),
        new ScmProviderGenerator(safety).generateParams(scmProvider(api), ctx),
      ])
    ).map((result) => {
      if (result.status === 'fulfilled') throw new Error('the generator ran although it should have been refused');
      expect(result.reason).toBeInstanceOf(GeneratorError);
      return result.reason as Error;
    });

  beforeAll(async () => {
    github = await startFakeGitHub(
      [
        {
          owner: 'acme',
          name: 'app',
          id: 1,
          defaultBranch: 'main',
          branches: { main: SHA },
          pulls: [{ number: 3, title: 'T', branch: 'b', targetBranch: 'main', headSha: SHA, labels: [], author: 'a' }],
        },
      ],
      { token: TOKEN },
    );
  });
  afterAll(() => github.stop());
  beforeEach(() => {
    labels = {};
    secretReads = [];
    github.requests.length = 0;
  });

  it('lets both generators call any host and read any Secret by default', async () => {
    const [pulls, repos] = await runBoth({});
    expect(pulls.map((p) => p.number)).toEqual(['3']);
    expect(repos.map((r) => r.repository)).toEqual(['app']);
  });

  it('fails both generators when SCM providers are disabled, before any Secret is read or host called', async () => {
    const [pulls, repos] = await failures({ enableScmProviders: false });
    expect(pulls.message).toBe('failed to select pull request service provider: scm providers are disabled');
    expect(repos.message).toBe('scm providers are disabled');
    expect(secretReads).toEqual([]);
    expect(github.requests).toEqual([]);
  });

  it('refuses an api outside the allowed list, naming the URL and the allowed ones but never the token', async () => {
    const [pulls, repos] = await failures({ allowedScmProviders: ['https://github.example.com', 'https://gitlab.example.com/'] });
    const why = `scm provider "${github.url}" not allowed, must use one of the following: https://github.example.com, https://gitlab.example.com/`;
    expect(pulls.message).toBe(`failed to select pull request service provider: scm provider not allowed: ${why}`);
    expect(repos.message).toBe(`scm provider not allowed: ${why}`);
    for (const err of [pulls, repos]) expect(err.message).not.toContain(TOKEN);
    expect(secretReads).toEqual([]);
    expect(github.requests).toEqual([]);
  });

  it('accepts an api in the allowed list, a trailing slash on either side making no difference', async () => {
    for (const allowed of [github.url, `${github.url}/`]) {
      const [pulls, repos] = await runBoth({ allowedScmProviders: ['https://other.example.com', allowed] });
      expect(pulls).toHaveLength(1);
      expect(repos).toHaveLength(1);
    }
    const [pulls, repos] = await runBoth({ allowedScmProviders: [github.url] }, `${github.url}/`);
    expect([pulls.length, repos.length]).toEqual([1, 1]);
  });

  it('masks credentials written into a refused api URL', async () => {
    for (const err of await failures({ allowedScmProviders: ['https://github.example.com'] }, 'https://me:hunter2@evil.example.com/api')) {
      expect(err.message).toContain('scm provider "https://***@evil.example.com/api" not allowed');
      expect(err.message).not.toContain('hunter2');
    }
  });

  it('checks every provider block present, allows blocks without a custom api, and rejects a non-string api', () => {
    const opts = { allowedScmProviders: ['https://git.example.com'] };
    expect(() => checkScmProviderAllowed({ github: { owner: 'o' } }, PULL_REQUEST_PROVIDER_KEYS, opts)).not.toThrow();
    expect(() => checkScmProviderAllowed({ github: { api: '' } }, PULL_REQUEST_PROVIDER_KEYS, opts)).not.toThrow();
    const both = { github: { api: 'https://git.example.com' }, gitlab: { api: 'https://evil.example.com' } };
    expect(() => checkScmProviderAllowed(both, PULL_REQUEST_PROVIDER_KEYS, opts)).toThrow(
      'scm provider "https://evil.example.com" not allowed',
    );
    expect(() => checkScmProviderAllowed({ gitea: { api: 42 } }, PULL_REQUEST_PROVIDER_KEYS, opts)).toThrow(
      'scm provider not allowed: gitea.api must be a string',
    );
    expect(() => checkScmProviderAllowed({ azuredevops: { api: 'https://dev.azure.com' } }, PULL_REQUEST_PROVIDER_KEYS, opts)).toThrow(
      'scm provider "https://dev.azure.com" not allowed',
    );
  });

  it('in tokenRef strict mode refuses a Secret without the scm-creds label, and uses a labelled one', async () => {
    const why =
      'secret argocd/github-token is not a valid SCM creds secret: secret must have label "argocd.argoproj.io/secret-type"="scm-creds"';
    for (const unlabelled of [{}, { 'argocd.argoproj.io/secret-type': 'repository' }] as Record<string, string>[]) {
      labels = { 'github-token': unlabelled };
      const [pulls, repos] = await failures({ tokenRefStrictMode: true });
      // The host clients read their token when they first call the host, so the message comes through "error listing repos".
      expect(pulls.message).toContain(why);
      expect(repos.message).toContain(why);
    }
    expect(github.requests).toEqual([]);
    labels = { 'github-token': SCM_CREDS };
    const [pulls, repos] = await runBoth({ tokenRefStrictMode: true });
    expect([pulls.length, repos.length]).toEqual([1, 1]);
  });

  it('reads the settings from the environment with permissive defaults, the allowed list comma-separated', () => {
    const parse = (env: Record<string, string>) => appSetGenerationSettings(z.object(appSetGenerationEnv).parse(env)).scm;
    expect(parse({})).toEqual({ enableScmProviders: true, allowedScmProviders: [], tokenRefStrictMode: false });
    expect(
      parse({
        FLOTILLA_APPSET_ENABLE_SCM_PROVIDERS: 'false',
        FLOTILLA_APPSET_ALLOWED_SCM_PROVIDERS: ' https://github.example.com, ,https://gitlab.example.com ',
        FLOTILLA_APPSET_TOKENREF_STRICT_MODE: 'true',
      }),
    ).toEqual({
      enableScmProviders: false,
      allowedScmProviders: ['https://github.example.com', 'https://gitlab.example.com'],
      tokenRefStrictMode: true,
    });
    expect(() => parse({ FLOTILLA_APPSET_TOKENREF_STRICT_MODE: 'yes' })).toThrow('must be true or false');
  });
});
