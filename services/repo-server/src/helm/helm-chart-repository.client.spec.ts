import { createServer, Server } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';
import { ManifestCacheStore } from '../cache/manifest-cache.store';
import { AppDetailsService } from '../details/app-details.service';
import { RepositoryRegistry } from '../git/repository.registry';
import { ManifestGenerationService } from '../manifests/manifest-generation.service';
import { renderLimitsOf, toolBinariesOf } from '../repo-server.config';
import { releaseSpecRedis, runCli, testConfig, TestRepository, yamlObjects } from '../testing/test-repository';

// A Helm chart repository over HTTP with basic auth, built with the real `helm package` and `helm repo index`.
const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1 });
const prefix = `flotilla-test:rs-helmrepo:${process.pid}:${Date.now()}`;
const work = new TestRepository();
const charts = join(work.root, 'served');
let server: Server;
let url: string;

beforeAll(async () => {
  mkdirSync(charts);
  for (const version of ['1.0.0', '1.2.0', '2.0.0', '1.3.0-rc.1']) {
    work.write(`src-${version}/web/Chart.yaml`, `apiVersion: v2\nname: web\nversion: ${version}\n`);
    if (version === '2.0.0') work.write(`src-${version}/web/values.yaml`, 'replicas: 2\nimage:\n  tag: v2\n').write(`src-${version}/web/values-prod.yaml`, 'replicas: 5\n');
    work.write(`src-${version}/web/templates/cm.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  chart: ${version}\n  ns: {{ .Release.Namespace }}\n`);
    runCli('helm', ['package', join(work.dir, `src-${version}/web`), '-d', charts], work.root);
  }
  server = createServer((req, res) => {
    if (req.headers.authorization !== `Basic ${Buffer.from('reader:s3cret-pass').toString('base64')}`) return res.writeHead(401).end('unauthorized');
    try {
      res.end(readFileSync(join(charts, req.url!.replace(/^\/charts\//, ''))));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/charts`;
  runCli('helm', ['repo', 'index', charts, '--url', url], work.root);
  // Hostile archives, made with tar and gzip as an attacker would (helm package follows links).
  work.write('src-evil/evil/Chart.yaml', 'apiVersion: v2\nname: evil\nversion: 1.0.0\n').symlink('src-evil/evil/templates/leak.yaml', '../../../../../../../../etc/hostname');
  runCli('tar', ['-czf', join(charts, 'evil-1.0.0.tgz'), '-C', join(work.dir, 'src-evil'), 'evil'], work.root);
  work.write('src-bomb/bomb/Chart.yaml', 'apiVersion: v2\nname: bomb\nversion: 1.0.0\n').write('src-bomb/bomb/templates/zeros.txt', Buffer.alloc(4 * 1024 * 1024));
  runCli('tar', ['-czf', join(charts, 'bomb-1.0.0.tgz'), '-C', join(work.dir, 'src-bomb'), 'bomb'], work.root);
  const index = parse(readFileSync(join(charts, 'index.yaml'), 'utf8')) as { entries: Record<string, unknown[]> };
  for (const name of ['evil', 'bomb']) index.entries[name] = [{ apiVersion: 'v2', name, version: '1.0.0', urls: [`${url}/${name}-1.0.0.tgz`] }];
  writeFileSync(join(charts, 'index.yaml'), stringify(index));
});
afterAll(async () => {
  server.close();
  await releaseSpecRedis(redis, prefix);
  work.dispose();
});

const service = (env: Record<string, string> = {}): ManifestGenerationService => {
  const config = testConfig(work.root, env);
  return new ManifestGenerationService(new RepositoryRegistry(config.FLOTILLA_REPO_CACHE_DIR, 0), new ManifestCacheStore(redis, 60, prefix), { limits: renderLimitsOf(config), tools: toolBinariesOf(config) });
};

describe('charts from a Helm repository', () => {
  it('renders the highest version matching a semver range, with basic auth, like helm template of that chart', async () => {
    const svc = service();
    const out = await svc.generate({ source: { repoURL: url, chart: 'web', targetRevision: '^1.0.0' }, credentials: { username: 'reader', password: 's3cret-pass' }, appName: 'web', namespace: 'shop' });
    expect(out).toMatchObject({ revision: '1.2.0', sourceType: 'Helm', fromCache: false });
    const expected = runCli('helm', ['template', join(charts, 'web-1.2.0.tgz'), '--name-template', 'web', '--namespace', 'shop', '--include-crds'], work.root);
    expect(out.manifests).toEqual(yamlObjects(expected));
    expect((await svc.generate({ source: { repoURL: url, chart: 'web', targetRevision: '2.0.0' }, credentials: { username: 'reader', password: 's3cret-pass' }, appName: 'web' })).revision).toBe('2.0.0');
    expect((await svc.generate({ source: { repoURL: url, chart: 'web', targetRevision: '>=1.3.0-0 <2.0.0' }, credentials: { username: 'reader', password: 's3cret-pass' }, appName: 'web' })).revision).toBe('1.3.0-rc.1');
  });

  it('says which chart or version is missing, and never shows the password', async () => {
    const svc = service();
    await expect(svc.generate({ source: { repoURL: url, chart: 'web', targetRevision: '~3.0' }, credentials: { username: 'reader', password: 's3cret-pass' } })).rejects.toThrow('no version of chart "web" in');
    await expect(svc.generate({ source: { repoURL: url, chart: 'api', targetRevision: '1.0.0' }, credentials: { username: 'reader', password: 's3cret-pass' } })).rejects.toThrow('chart "api" not found in');
    const denied = await svc.generate({ source: { repoURL: url, chart: 'web', targetRevision: '1.0.0' }, credentials: { username: 'reader', password: 'wrong-pass' } }).catch((e: Error) => e);
    expect((denied as Error).message).toContain('answered 401');
    expect((denied as Error).message).not.toContain('wrong-pass');
  });

  it('refuses an archive whose links lead out of it, and one that expands past the size cap', async () => {
    const creds = { username: 'reader', password: 's3cret-pass' };
    await expect(service().generate({ source: { repoURL: url, chart: 'evil', targetRevision: '1.0.0' }, credentials: creds, appName: 'evil' })).rejects.toThrow(
      'chart "evil" 1.0.0: evil/templates/leak.yaml: symlink points outside the archive (../../../../../../../../etc/hostname); refusing it',
    );
    await expect(service({ FLOTILLA_REPO_MAX_MANIFEST_BYTES: String(1024 * 1024) }).generate({ source: { repoURL: url, chart: 'bomb', targetRevision: '1.0.0' }, credentials: creds, appName: 'bomb' })).rejects.toThrow(
      `cannot unpack chart "bomb" 1.0.0: it expands beyond ${1024 * 1024} bytes`,
    );
  });

  it('describes a chart from a Helm repository for GetAppDetails: its value files, values.yaml and parameters', async () => {
    const config = testConfig(work.root);
    const details = new AppDetailsService(new RepositoryRegistry(config.FLOTILLA_REPO_CACHE_DIR, 0), { cacheDir: toolBinariesOf(config).chartCacheDir, maxBytes: 1024 * 1024 });
    const source = { repoURL: url, chart: 'web', targetRevision: '>=2.0.0', helm: { valueFiles: ['values-prod.yaml', '../../etc/passwd'], parameters: [{ name: 'image.tag', value: 'v3' }] } };
    expect(await details.details(source, { username: 'reader', password: 's3cret-pass' })).toEqual({
      type: 'Helm',
      revision: '2.0.0',
      helm: {
        valueFiles: ['values-prod.yaml', 'values.yaml'],
        values: 'replicas: 2\nimage:\n  tag: v2\n',
        // The chart's values and the selected value files, as Argo offers them; the source's own parameters are not mixed in.
        parameters: [
          { name: 'replicas', value: '5' },
          { name: 'image.tag', value: 'v2' },
        ],
      },
    });
    await expect(details.details(source, {})).rejects.toThrow(/answered 401/);
  });
});
