import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { releaseSpecRedis, testConfig, testManifestService, TestRepository } from '../testing/test-repository';
import { ManifestRequest } from './manifest-generation.service';

// The escapes a hostile repository tried: symlinks that resolve through other symlinks, Jsonnet
// import spellings, and overrides written through a link. A checkout is <tmpdir>/flotilla-render-*/repo,
// so `<checkout>/../..` is the temporary directory, where the canary lives outside every checkout.
const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1 });
const prefix = `flotilla-test:rs-escape:${process.pid}:${Date.now()}`;
const TAG = `escape-${process.pid}-${Date.now()}`;
/** What the canary file holds: it must never show in an answer, an error included. */
const CANARY = `canary-content-${Math.random().toString(36).slice(2)}`;
const outside = (name: string): string => join(tmpdir(), `${TAG}-${name}`);
let repo: TestRepository;

const generate = (source: Partial<ManifestRequest['source']>): Promise<{ manifests: unknown[] }> => {
  const config = testConfig(repo.root);
  const service = testManifestService(config, redis, prefix);
  return service.generate({ source: { repoURL: repo.url, ...source }, appName: 'app', noCache: true });
};

/** Either the render is refused, or nothing of the canary reached its output. */
const neverLeaks = async (source: Partial<ManifestRequest['source']>, refusal: RegExp): Promise<void> => {
  let out: unknown;
  try {
    out = await generate(source);
  } catch (err) {
    expect(String((err as Error).message)).not.toContain(CANARY);
    expect((err as Error).message).toMatch(refusal);
    return;
  }
  throw new Error(`render succeeded: ${JSON.stringify(out).slice(0, 300)}`);
};

const chart = (dir: string, template = 'data:\n  v: {{ .Values.v | default "none" | quote }}\n'): void => {
  repo.write(`${dir}/Chart.yaml`, 'apiVersion: v2\nname: c\nversion: 0.1.0\n').write(`${dir}/templates/cm.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n${template}`);
};

beforeAll(() => {
  writeFileSync(outside('canary.txt'), `v: ${CANARY}\n`);
  writeFileSync(outside('victim.yaml'), 'resources: []\n');
});
afterAll(async () => {
  for (const f of ['canary.txt', 'victim.yaml']) rmSync(outside(f), { force: true });
  await releaseSpecRedis(redis, prefix);
});
beforeEach(() => {
  repo = new TestRepository();
});
afterEach(() => repo.dispose());

describe('symlinks that resolve through other symlinks', () => {
  const C = `${TAG}-canary.txt`;
  // In d1/d2/chart: r → the checkout root; x → r/../.. (lexically d1/d2, really the temporary directory).
  const chainedChart = (): void => {
    chart('d1/d2/chart', 'data:\n  v: {{ .Values.v | default "none" | quote }}\n  f: {{ .Files.Get "link" | quote }}\n');
    repo.symlink('d1/d2/chart/r', '../../..').symlink('d1/d2/chart/x', 'r/../..').symlink('d1/d2/chart/link', `r/../../${C}`);
  };

  it('Helm value files, file parameters and .Files.Get never read the canary', async () => {
    chainedChart();
    repo.commit();
    await neverLeaks({ path: 'd1/d2/chart', helm: { valueFiles: [`x/${C}`] } }, /symlink points outside the repository/);
    await neverLeaks({ path: 'd1/d2/chart', helm: { fileParameters: [{ name: 'v', path: `x/${C}` }] } }, /symlink points outside the repository/);
    await neverLeaks({ path: 'd1/d2/chart' }, /d1\/d2\/chart\/(link|x): symlink points outside the repository/);
  });

  it('a value file spelled through an in-bounds link and .. is resolved as the OS does', async () => {
    chart('d1/d2/chart');
    repo.symlink('d1/d2/chart/r', '../../..');
    // Lexically d1/d2/chart/r/../../<canary> is d1/<canary>; the OS goes through r, then above the root.
    repo.write(`d1/${C}`, 'v: lexical\n').commit();
    await neverLeaks({ path: 'd1/d2/chart', helm: { valueFiles: [`r/../../${C}`] } }, /value file "r\/\.\.\/\.\.\/[^"]+": resolves outside the repository/);
  });

  it('Jsonnet importstr through a chained link, in a comment-split or escaped spelling, never reads the canary', async () => {
    repo.symlink('d1/d2/j/r', '../../..');
    for (const spelling of [`importstr 'r/../../${C}'`, `importstr /* c */ 'r/../../${C}'`, `importstr "\\u002f${outside('canary.txt').slice(1)}"`, `importstr @'${outside('canary.txt')}'`]) {
      repo.write('d1/d2/j/main.jsonnet', `local x = ${spelling};\n{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'j' }, data: { x: x } }\n`).commit();
      await neverLeaks({ path: 'd1/d2/j' }, /j\/main\.jsonnet: jsonnet: .*(resolves outside the repository|absolute paths are not allowed|no match locally)/);
    }
  });

  it('a link elsewhere in the repository does not fail apps that do not render it', async () => {
    chainedChart();
    repo.write('plain/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: plain}\n').write('other/Chart.yaml', 'apiVersion: v2\nname: other\nversion: 0.1.0\n').write('other/templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\n');
    repo.write('k/kustomization.yaml', 'resources: [cm.yaml]\n').write('k/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: k}\n').write('j/main.jsonnet', "{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'j' } }\n").commit();
    for (const path of ['plain', 'other', 'k', 'j']) expect((await generate({ path })).manifests).toHaveLength(1);
    await neverLeaks({ path: 'd1/d2/chart' }, /symlink points outside the repository/);
  });
});

describe('Kustomize overrides', () => {
  it('never write through a kustomization that is a link out of the checkout', async () => {
    repo.symlink('d1/k/r', '../..').symlink('d1/k/kustomization.yaml', `r/../../${TAG}-victim.yaml`).commit();
    await neverLeaks({ path: 'd1/k', kustomize: { namePrefix: 'pwned-', commonLabels: { a: 'b' } } }, /d1\/k\/kustomization\.yaml: symlink points outside the repository/);
    expect(readFileSync(outside('victim.yaml'), 'utf8')).toBe('resources: []\n');
  });

  it('still apply to a kustomization that is a link inside the checkout', async () => {
    repo.write('shared/kustomization.yaml', 'resources: [cm.yaml]\n').write('app/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n');
    repo.symlink('app/kustomization.yaml', '../shared/kustomization.yaml').commit();
    const out = await generate({ path: 'app', kustomize: { namePrefix: 'p-' } });
    expect(out.manifests).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'p-cm' } }]);
  });
});
