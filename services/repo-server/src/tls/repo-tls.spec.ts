import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { AppDetailsService } from '../details/app-details.service';
import { gitAuth } from '../git/git-credentials';
import { GitError } from '../git/git-repository.client';
import { RepositoryRegistry } from '../git/repository.registry';
import { HelmRepositoryUnreachableError, pullChart, resolveChartVersion } from '../helm/helm-chart-repository.client';
import { loadRepoServerConfig, tlsDataPathOf, toolBinariesOf } from '../repo-server.config';
import { runCli, testConfig, TestRepository } from '../testing/test-repository';
import { caBundleFor, DEFAULT_TLS_DATA_PATH, hostCertificates, systemRootCertificates, tlsCertFileFor, writeTlsFiles } from './repo-tls';
import { makeTestPki, type TestPki } from './test-certificates';

// argocd-tls-certs-cm as Argo CD's repo-server reads it: a real CA made with openssl, git served
// over HTTPS by git http-backend and a Helm repository over HTTPS, and the mounted directory
// (one file per host name) changed between fetches as a ConfigMap update changes it.
let work: TestRepository;
let pki: TestPki;
let other: TestPki;
let tlsDir: string;

beforeAll(() => {
  work = new TestRepository();
  mkdirSync(join(work.root, 'pki'));
  mkdirSync(join(work.root, 'pki-other'));
  pki = makeTestPki(join(work.root, 'pki'));
  other = makeTestPki(join(work.root, 'pki-other'), 'Some Other CA');
  work.write('a.yaml', 'a: 1\n').commit();
  work.git('clone', '-q', '--bare', work.dir, join(work.root, 'served', 'demo.git'));
});
afterAll(() => work.dispose());
beforeEach(() => {
  tlsDir = join(work.root, `tls-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(tlsDir);
});

const trust = (host: string, pem: string): void => writeFileSync(join(tlsDir, host), pem);
const untrust = (host: string): void => rmSync(join(tlsDir, host));

describe('the certificate directory', () => {
  it('names a file by the host name alone, without the port, as Argo does', () => {
    expect(tlsCertFileFor('/app/config/tls', 'https://Git.Example.com:8443/org/repo.git')).toEqual({ host: 'git.example.com', file: '/app/config/tls/git.example.com' });
    expect(tlsCertFileFor('/app/config/tls', 'https://user:pw@10.0.0.7/charts')).toEqual({ host: '10.0.0.7', file: '/app/config/tls/10.0.0.7' });
    expect(tlsCertFileFor('/app/config/tls', 'ssh://git@git.example.com/repo.git')).toBeUndefined();
    expect(tlsCertFileFor('/app/config/tls', 'https://[::1]:8443/repo.git')).toBeUndefined();
  });

  it('reads FLOTILLA_TLS_DATA_PATH, else ARGOCD_TLS_DATA_PATH, else /app/config/tls', () => {
    expect(tlsDataPathOf(loadRepoServerConfig({}))).toBe(DEFAULT_TLS_DATA_PATH);
    expect(tlsDataPathOf(loadRepoServerConfig({ ARGOCD_TLS_DATA_PATH: '/argo/tls' }))).toBe('/argo/tls');
    expect(tlsDataPathOf(loadRepoServerConfig({ ARGOCD_TLS_DATA_PATH: '/argo/tls', FLOTILLA_TLS_DATA_PATH: '/flotilla/tls' }))).toBe('/flotilla/tls');
    expect(toolBinariesOf(loadRepoServerConfig({ FLOTILLA_TLS_DATA_PATH: '/flotilla/tls' })).tlsDataPath).toBe('/flotilla/tls');
  });

  it('takes every PEM certificate of the file and skips what is not one; the bundle keeps the system CAs', () => {
    trust('git.example.com', `# our CAs\n${pki.ca.cert}\n${other.ca.cert}-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n`);
    expect(hostCertificates(tlsDir, 'https://git.example.com:443/r.git')).toEqual([pki.ca.cert.trim(), other.ca.cert.trim()]);
    expect(hostCertificates(tlsDir, 'https://elsewhere.example.com/r.git')).toEqual([]);
    const bundle = caBundleFor(tlsDir, 'https://git.example.com/r.git')!;
    expect(bundle.startsWith(systemRootCertificates())).toBe(true);
    expect(bundle).toContain(pki.ca.cert.trim());
    expect(caBundleFor(tlsDir, 'https://elsewhere.example.com/r.git')).toBeUndefined();
  });

  it('gives git the bundle and client certificate as files in a private directory, named in its environment config only', () => {
    trust('git.example.com', pki.ca.cert);
    const auth = gitAuth({ tlsClientCertData: pki.client.cert, tlsClientCertKey: pki.client.key }, { tlsDataPath: tlsDir }, 'https://git.example.com/r.git');
    const config = Object.fromEntries(Array.from({ length: Number(auth.env.GIT_CONFIG_COUNT) }, (_, i) => [auth.env[`GIT_CONFIG_KEY_${i}`], auth.env[`GIT_CONFIG_VALUE_${i}`]]));
    const ca = config['http.sslCAInfo'];
    expect(readFileSync(ca, 'utf8')).toContain(pki.ca.cert.trim());
    expect(readFileSync(config['http.sslKey'], 'utf8')).toBe(pki.client.key);
    expect(statSync(join(ca, '..')).mode & 0o777).toBe(0o700);
    expect(statSync(config['http.sslKey']).mode & 0o777).toBe(0o600);
    auth.dispose();
    expect(existsSync(ca)).toBe(false);
    // Insecure: no CA at all, verification off; a host without certificates: git's own bundle.
    const insecure = gitAuth({ insecure: true }, { tlsDataPath: tlsDir }, 'https://git.example.com/r.git');
    expect(Object.values(insecure.env)).not.toContain('http.sslCAInfo');
    expect(Object.values(insecure.env)).toContain('http.sslVerify');
    expect(Object.values(gitAuth({}, { tlsDataPath: tlsDir }, 'https://elsewhere.example.com/r.git').env)).not.toContain('http.sslCAInfo');
    expect(writeTlsFiles(tlsDir, 'https://elsewhere.example.com/r.git')).toEqual({ dispose: expect.any(Function) });
  });
});

describe('git over HTTPS', () => {
  let server: GitHttpServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  const registry = (): RepositoryRegistry => new RepositoryRegistry(join(tlsDir, '..', `cache-${Date.now()}-${Math.random()}`), 0, Date.now, { tlsDataPath: tlsDir });

  it('fails naming the host and the certificate problem until argocd-tls-certs-cm has the CA for the host, and again once it is removed', async () => {
    server = await startGitHttpServer({ root: join(work.root, 'served'), tls: pki.server, urlHost: 'localhost' });
    const url = `${server.url}/demo.git`;
    const repos = registry();
    const head = work.git('rev-parse', 'HEAD');

    const untrusted = (await repos.resolve(url, {}, 'main').catch((e: Error) => e)) as Error;
    expect(untrusted).toBeInstanceOf(GitError);
    expect(untrusted.message).toContain(`failed to fetch ${url}`);
    expect(untrusted.message).toMatch(/certificate/i);
    expect(untrusted.message).toContain(`the TLS certificate of localhost is not trusted: add it, or its CA, to argocd-tls-certs-cm under the key "localhost" (read from ${join(tlsDir, 'localhost')})`);

    // Another CA under the host's name does not help, and the message says the file was read.
    trust('localhost', other.ca.cert);
    await expect(repos.resolve(url, {}, 'main', true)).rejects.toThrow(`is not signed by the system's CAs nor by the 1 certificate(s) in ${join(tlsDir, 'localhost')}`);

    trust('localhost', pki.ca.cert);
    expect((await repos.resolve(url, {}, 'main', true)).sha).toBe(head);

    untrust('localhost');
    await expect(repos.resolve(url, {}, 'main', true)).rejects.toThrow(/the TLS certificate of localhost is not trusted/);
  });

  it('skips verification for an insecure repository, with no certificate configured', async () => {
    server = await startGitHttpServer({ root: join(work.root, 'served'), tls: pki.server, urlHost: 'localhost' });
    expect((await registry().resolve(`${server.url}/demo.git`, { insecure: true }, 'main')).sha).toBe(work.git('rev-parse', 'HEAD'));
  });

  it('presents the repository Secret client certificate (tlsClientCertData, tlsClientCertKey)', async () => {
    server = await startGitHttpServer({ root: join(work.root, 'served'), tls: { ...pki.server, clientCa: pki.ca.cert }, urlHost: 'localhost' });
    trust('localhost', pki.ca.cert);
    const url = `${server.url}/demo.git`;
    await expect(registry().resolve(url, {}, 'main')).rejects.toThrow(GitError);
    const creds = { tlsClientCertData: pki.client.cert, tlsClientCertKey: pki.client.key };
    expect((await registry().resolve(url, creds, 'main')).sha).toBe(work.git('rev-parse', 'HEAD'));
  });
});

describe('Helm repositories over HTTPS', () => {
  let server: Server;
  let url: string;
  const maxBytes = 1024 * 1024;
  beforeAll(async () => {
    const charts = join(work.root, 'charts');
    mkdirSync(charts);
    work.write('src/tls-web/Chart.yaml', 'apiVersion: v2\nname: tls-web\nversion: 1.0.0\n').write('src/tls-web/values.yaml', 'replicas: 3\n');
    runCli('helm', ['package', join(work.dir, 'src/tls-web'), '-d', charts], work.root);
    server = createServer({ ...pki.server, ca: pki.ca.cert, requestCert: true, rejectUnauthorized: false }, (req, res) => {
      // /mtls/ wants a client certificate the test CA signed; the rest serves anyone.
      if (req.url!.startsWith('/mtls/') && !(req.socket as import('node:tls').TLSSocket).authorized) return res.writeHead(403).end('client certificate required');
      try {
        res.end(readFileSync(join(charts, req.url!.replace(/^\/(mtls\/)?charts\//, ''))));
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `https://localhost:${(server.address() as AddressInfo).port}/charts`;
    runCli('helm', ['repo', 'index', charts, '--url', url], work.root);
  });
  afterAll(() => server.close());

  it('fails naming the host and the certificate problem without the CA, resolves and pulls with it, and fails again once it is removed', async () => {
    const untrusted = (await resolveChartVersion(url, 'tls-web', '*', {}, maxBytes, tlsDir).catch((e: Error) => e)) as Error;
    expect(untrusted).toBeInstanceOf(HelmRepositoryUnreachableError);
    expect(untrusted.message).toContain(`cannot reach ${url}/index.yaml:`);
    expect(untrusted.message).toMatch(/certificate/i);
    expect(untrusted.message).toContain('the TLS certificate of localhost is not trusted: add it, or its CA, to argocd-tls-certs-cm under the key "localhost"');

    trust('localhost', pki.ca.cert);
    expect(await resolveChartVersion(url, 'tls-web', '*', {}, maxBytes, tlsDir)).toBe('1.0.0');
    const pulled = await pullChart({ repoURL: url, chart: 'tls-web', constraint: '1.0.0', cacheDir: join(tlsDir, 'charts'), maxBytes, tlsDataPath: tlsDir });
    expect(readFileSync(join(pulled.dir, 'values.yaml'), 'utf8')).toBe('replicas: 3\n');

    // The index is cached for a minute, but not across a change of the host's certificates.
    untrust('localhost');
    await expect(resolveChartVersion(url, 'tls-web', '*', {}, maxBytes, tlsDir)).rejects.toThrow(/the TLS certificate of localhost is not trusted/);
  });

  it('skips verification for an insecure repository, and presents a client certificate', async () => {
    expect(await resolveChartVersion(url, 'tls-web', '*', { insecure: true }, maxBytes, tlsDir)).toBe('1.0.0');
    trust('localhost', pki.ca.cert);
    const mtls = url.replace('/charts', '/mtls/charts');
    await expect(resolveChartVersion(mtls, 'tls-web', '*', {}, maxBytes, tlsDir)).rejects.toThrow('answered 403');
    expect(await resolveChartVersion(mtls, 'tls-web', '*', { tlsClientCertData: pki.client.cert, tlsClientCertKey: pki.client.key }, maxBytes, tlsDir)).toBe('1.0.0');
  });

  it('reaches GetAppDetails through the configured directory', async () => {
    trust('localhost', pki.ca.cert);
    const config = testConfig(work.root, { FLOTILLA_TLS_DATA_PATH: tlsDir });
    const details = new AppDetailsService(new RepositoryRegistry(config.FLOTILLA_REPO_CACHE_DIR, 0), { cacheDir: join(tlsDir, 'details'), maxBytes, tlsDataPath: toolBinariesOf(config).tlsDataPath });
    expect(await details.details({ repoURL: url, chart: 'tls-web', targetRevision: '1.0.0' }, {})).toMatchObject({ type: 'Helm', revision: '1.0.0' });
  });
});
