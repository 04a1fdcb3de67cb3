import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { releaseSpecRedis, testConfig, testManifestService, TestRepository } from '../testing/test-repository';
import { ManifestGenerationService, ManifestRequest } from './manifest-generation.service';

// Each way a repository could escape its sandbox or exhaust repo-server, refused with the file named.
const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1 });
const prefix = `flotilla-test:rs-safety:${process.pid}:${Date.now()}`;
let repo: TestRepository;

const service = (env: Record<string, string> = {}): ManifestGenerationService => {
  const config = testConfig(repo.root, env);
  return testManifestService(config, redis, prefix);
};
const generate = (source: Partial<ManifestRequest['source']>, env?: Record<string, string>): Promise<unknown> => service(env).generate({ source: { repoURL: repo.url, ...source }, appName: 'app', noCache: true });
const chart = (dir: string): void => {
  repo.write(`${dir}/Chart.yaml`, 'apiVersion: v2\nname: c\nversion: 0.1.0\n').write(`${dir}/templates/cm.yaml`, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  v: {{ .Values.v | default "none" | quote }}\n');
};

beforeEach(() => {
  repo = new TestRepository();
});
afterEach(() => repo.dispose());
afterAll(async () => {
  await releaseSpecRedis(redis, prefix);
});

describe('rendering safety', () => {
  it('refuses source paths and value files that leave the repository, absolute paths and file:// URLs', async () => {
    chart('app');
    repo.write('app/values-ok.yaml', 'v: ok\n').commit();
    await expect(generate({ path: '../outside' })).rejects.toThrow('path "../outside": path leaves the repository');
    await expect(generate({ path: '/etc' })).rejects.toThrow('path "/etc": absolute paths are not allowed');
    await expect(generate({ path: 'app', helm: { valueFiles: ['../../../../etc/passwd'] } })).rejects.toThrow('value file "../../../../etc/passwd": path leaves the repository');
    await expect(generate({ path: 'app', helm: { valueFiles: ['/etc/passwd'] } })).rejects.toThrow('value file "/etc/passwd": absolute paths and URLs are not allowed');
    await expect(generate({ path: 'app', helm: { valueFiles: ['file:///etc/passwd'] } })).rejects.toThrow('value file "file:///etc/passwd": the file:// scheme is not allowed');
    await expect(generate({ path: 'app', helm: { fileParameters: [{ name: 'x', path: '../../../etc/hostname' }] } })).rejects.toThrow('file parameter x "../../../etc/hostname": path leaves the repository');
  });

  it('names a missing value file, and skips it with ignoreMissingValueFiles', async () => {
    chart('app');
    repo.write('app/values-ok.yaml', 'v: ok\n').commit();
    await expect(generate({ path: 'app', helm: { valueFiles: ['values-ok.yaml', 'values-missing.yaml'] } })).rejects.toThrow('value file "values-missing.yaml" not found in app');
    const out = (await generate({ path: 'app', helm: { valueFiles: ['values-ok.yaml', 'values-missing.yaml'], ignoreMissingValueFiles: true } })) as { manifests: { data: unknown }[] };
    expect(out.manifests[0].data).toEqual({ v: 'ok' });
  });

  it('refuses symlinks pointing out of the checkout, for every source type', async () => {
    repo.write('app/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n').symlink('app/passwd.yaml', '../../../../../etc/passwd').commit();
    await expect(generate({ path: 'app' })).rejects.toThrow('app/passwd.yaml: symlink points outside the repository (../../../../../etc/passwd)');
    repo.git('rm', '-q', 'app/passwd.yaml');
    chart('chart');
    repo.symlink('chart/templates/host.yaml', '/etc/hostname').commit();
    await expect(generate({ path: 'chart' })).rejects.toThrow('chart/templates/host.yaml: symlink points outside the repository (/etc/hostname)');
  });

  it('refuses YAML alias bombs, huge files and oversized renders, naming the file', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)];
    repo.write('bomb/cm.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata:\n${bomb.map((l) => `  ${l}`).join('\n')}\n`).commit();
    await expect(generate({ path: 'bomb' })).rejects.toThrow(/^bomb\/cm\.yaml:1: YAML aliases expand beyond 100 \(an alias bomb\)/);
    repo.write('big/cm.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  x: "${'x'.repeat(8000)}"\n`).commit();
    await expect(generate({ path: 'big' }, { FLOTILLA_REPO_MAX_FILE_BYTES: '4096' })).rejects.toThrow(/^big\/cm\.yaml: file is \d+ bytes, over the 4096 byte limit/);
    await expect(generate({ path: 'big' }, { FLOTILLA_REPO_MAX_MANIFEST_BYTES: '4096' })).rejects.toThrow(/^big: rendered manifests total \d+ bytes, over the 4096 byte limit/);
  });

  it('refuses Jsonnet imports and Kustomize bases outside the checkout, and remote bases', async () => {
    repo.write('j/main.jsonnet', "local x = importstr '../../../../../etc/hostname';\n{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'j' }, data: { x: x } }\n").commit();
    await expect(generate({ path: 'j' })).rejects.toThrow('j/main.jsonnet: jsonnet: RUNTIME ERROR: couldn\'t open import "../../../../../etc/hostname": path leaves the repository');
    repo.write('k/kustomization.yaml', 'resources:\n  - ../../../../../../etc\n').commit();
    await expect(generate({ path: 'k' })).rejects.toThrow('k/kustomization.yaml: entry "../../../../../../etc": path leaves the repository');
    repo.write('k/kustomization.yaml', 'resources:\n  - https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.0.0\n').commit();
    await expect(generate({ path: 'k' })).rejects.toThrow('k/kustomization.yaml: remote resource "https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.0.0" is not allowed');
    // A forced getter or any entry that is not in the checkout, which kustomize would fetch itself, even a repository on this host.
    repo.write('base/kustomization.yaml', 'resources: [cm.yaml]\n').write('base/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cloned}\n');
    for (const entry of [`git::file://${repo.dir}//base`, `localhost/org/repo//base`]) {
      repo.write('k/kustomization.yaml', `resources:\n  - ${entry}\n`).commit();
      await expect(generate({ path: 'k' })).rejects.toThrow(/k\/kustomization\.yaml: (remote resource ".*" is not allowed|entry ".*" is not in the repository)/);
    }
  });

  it('kills a tool that runs past the exec timeout together with its children, and names a missing binary', async () => {
    chart('app');
    repo.commit();
    const pidFile = join(repo.root, 'child.pid');
    const slowHelm = join(repo.root, 'slow-helm');
    writeFileSync(slowHelm, `#!/bin/sh\nsleep 60 &\necho $! > ${pidFile}\nwait\n`);
    chmodSync(slowHelm, 0o755);
    const started = Date.now();
    await expect(generate({ path: 'app' }, { HELM_BINARY: slowHelm, FLOTILLA_REPO_EXEC_TIMEOUT_SECONDS: '1' })).rejects.toThrow('slow-helm timed out after 1s and was killed');
    expect(Date.now() - started).toBeLessThan(10_000);
    const child = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(`/proc/${child}`) && !readFileSync(`/proc/${child}/stat`, 'utf8').includes(') Z ')).toBe(false);
    await expect(generate({ path: 'app' }, { HELM_BINARY: '/nonexistent/helm' })).rejects.toThrow('helm binary not found (looked for "/nonexistent/helm"');
    await expect(generate({ path: 'app' }, { HELM_BINARY: 'no-such-helm' })).rejects.toThrow('no-such-helm binary not found (looked for "no-such-helm"');
  });

  it('stops a tool that maps more memory than a render may use, naming the cap', async () => {
    // 8 bytes doubled 28 times: a 2 GiB string in helm, with a few bytes of output.
    repo.write('mem/Chart.yaml', 'apiVersion: v2\nname: mem\nversion: 0.1.0\n');
    repo.write('mem/templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n  n: "{{ $s := "xxxxxxxx" }}{{ range until 28 }}{{ $s = print $s $s }}{{ end }}{{ len $s }}"\n').commit();
    const cap = String(1536 * 1024 * 1024);
    await expect(generate({ path: 'mem' }, { FLOTILLA_REPO_MAX_TOOL_MEMORY_BYTES: cap })).rejects.toThrow(`helm template ran out of memory: a render may use ${cap} bytes (FLOTILLA_REPO_MAX_TOOL_MEMORY_BYTES)`);
    // The same chart within bounds renders: the cap is on the address space, not a guess at the output.
    repo.write('mem/templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n  n: "{{ $s := "xxxxxxxx" }}{{ range until 20 }}{{ $s = print $s $s }}{{ end }}{{ len $s }}"\n').commit();
    await expect(generate({ path: 'mem' }, { FLOTILLA_REPO_MAX_TOOL_MEMORY_BYTES: cap })).resolves.toMatchObject({ manifests: [{ data: { n: String(8 * 2 ** 20) } }] });
  });
});
