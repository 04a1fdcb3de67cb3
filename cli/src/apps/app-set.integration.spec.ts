// `flotilla app set|unset|patch|edit|add-source|remove-source` against the real api-server and
// repo-server (which renders every spec the server validates), a kube-sim hub and spoke and a git
// repository over HTTP: what the user sees, and the Application as stored on the hub afterwards.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAppStack, type AppStack } from '../testing/app-stack.harness';

jest.setTimeout(120_000);

const chart = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: greeter\nversion: 0.1.0\n',
  'chart/values.yaml': 'greeting: hello\n',
  'chart/prod.yaml': 'greeting: from-prod-values\n',
  'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: greeter\ndata:\n  greeting: {{ .Values.greeting | quote }}\n',
  'kustomize/kustomization.yaml': 'resources:\n- deployment.yaml\n',
  'kustomize/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec: {containers: [{name: web, image: "nginx:1.25"}]}',
    '',
  ].join('\n'),
  'plain/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: plain}\ndata: {a: b}\n',
  'jsonnet/cm.jsonnet': 'function(greeting="hello", count=1) { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "jsonnet" }, data: { greeting: greeting, count: std.toString(count + 1) } }\n',
};

let stack: AppStack;
type Spec = { source?: Record<string, unknown>; sources?: Record<string, unknown>[]; destination: Record<string, unknown>; project: string; syncPolicy?: Record<string, unknown> };
const specOf = async (name: string): Promise<Spec> => (await stack.application(name)).spec as unknown as Spec;

beforeAll(async () => {
  stack = await startAppStack({ name: 'app-set', files: chart });
  const dest = ['--dest-server', stack.spoke.access().url, '--dest-namespace', 'demo'];
  await stack.ok(['app', 'create', 'greeter', '--repo', stack.repo.url, '--path', 'chart', ...dest]);
  await stack.ok(['app', 'create', 'web', '--repo', stack.repo.url, '--path', 'kustomize', ...dest]);
  await stack.ok(['app', 'create', 'jsonnet', '--repo', stack.repo.url, '--path', 'jsonnet', ...dest]);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('app set and unset', () => {
  it('sets Helm parameters, values files, revision and sync options, and the server renders the result', async () => {
    const res = await stack.ok(['app', 'set', 'greeter', '--helm-set', 'greeting=hi', '--values', 'prod.yaml', '--revision', 'main', '--sync-option', 'CreateNamespace=true']);
    expect(res.stdout).toBe('');
    const spec = await specOf('greeter');
    expect(spec.source).toEqual({ repoURL: stack.repo.url, path: 'chart', targetRevision: 'main', helm: { valueFiles: ['prod.yaml'], parameters: [{ name: 'greeting', value: 'hi' }] } });
    expect(spec.syncPolicy).toEqual({ syncOptions: ['CreateNamespace=true'] });
    // The parameter wins over the values file, as helm --set does.
    const manifests = await stack.ok(['app', 'manifests', 'greeter', '--revision', 'main']);
    expect(manifests.stdout).toBe('---\napiVersion: v1\ndata:\n  greeting: hi\nkind: ConfigMap\nmetadata:\n  name: greeter\n\n');
  });

  it('refuses a values file the chart does not have, naming it, and leaves the spec as it was', async () => {
    const res = await stack.flotilla(['app', 'set', 'greeter', '--values', 'missing.yaml']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^FATA\[\d{4}\] rpc error: code = InvalidArgument desc = application spec for greeter is invalid: .*missing\.yaml/m);
    expect((await specOf('greeter')).source?.helm).toEqual({ valueFiles: ['prod.yaml'], parameters: [{ name: 'greeting', value: 'hi' }] });
  });

  it('says what is missing when no flag is given', async () => {
    const res = await stack.flotilla(['app', 'set', 'greeter']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^ERRO\[\d{4}\] Please set at least one option to update$/m);
    expect(res.stderr).toContain('Usage: flotilla app set [options] <APPNAME>');
  });

  it('sets the retry strategy and allow-empty, drops the retry with a limit of 0, and refuses a duration Go would not read', async () => {
    await stack.ok(['app', 'set', 'greeter', '--sync-retry-limit', '3', '--sync-retry-backoff-duration', '10s', '--allow-empty']);
    const automated = { enabled: false, allowEmpty: true };
    expect((await specOf('greeter')).syncPolicy).toEqual({ syncOptions: ['CreateNamespace=true'], automated, retry: { limit: 3, backoff: { duration: '10s', maxDuration: '3m0s', factor: 2 } } });
    const bad = await stack.flotilla(['app', 'set', 'greeter', '--sync-retry-limit', '1', '--sync-retry-backoff-duration', 'soon']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('time: invalid duration "soon"');
    await stack.ok(['app', 'set', 'greeter', '--sync-retry-limit', '0']);
    expect((await specOf('greeter')).syncPolicy).toEqual({ syncOptions: ['CreateNamespace=true'], automated });
  });

  it('sets a Kustomize image that the rendered Deployment then uses', async () => {
    await stack.ok(['app', 'set', 'web', '--kustomize-image', 'nginx:1.27']);
    expect((await specOf('web')).source?.kustomize).toEqual({ images: ['nginx:1.27'] });
    expect((await stack.ok(['app', 'manifests', 'web', '--revision', 'main'])).stdout).toContain('image: nginx:1.27');
  });

  it('passes Jsonnet top-level arguments, strings as strings and code as code', async () => {
    await stack.ok(['app', 'set', 'jsonnet', '--jsonnet-tla-str', 'greeting=hi', '--jsonnet-tla-code', 'count=41']);
    expect((await specOf('jsonnet')).source?.directory).toEqual({ jsonnet: { tlas: [{ name: 'greeting', value: 'hi' }, { name: 'count', value: '41', code: true }] } });
    const res = await stack.ok(['app', 'manifests', 'jsonnet', '--revision', 'main']);
    expect(res.stdout).toBe('---\napiVersion: v1\ndata:\n  count: "42"\n  greeting: hi\nkind: ConfigMap\nmetadata:\n  name: jsonnet\n\n');
  });

  it('unsets the Kustomize image by name, and the Helm parameter and values file, dropping what is left empty', async () => {
    await stack.ok(['app', 'unset', 'web', '--kustomize-image', 'nginx']);
    expect((await specOf('web')).source).toEqual({ repoURL: stack.repo.url, path: 'kustomize' });
    await stack.ok(['app', 'unset', 'greeter', '-p', 'greeting', '--values', 'prod.yaml']);
    expect((await specOf('greeter')).source).toEqual({ repoURL: stack.repo.url, path: 'chart', targetRevision: 'main' });
  });

  it('shows the usage when nothing it names applies to the source', async () => {
    await stack.ok(['app', 'set', 'greeter', '--release-name', 'greeter-release']);
    const res = await stack.flotilla(['app', 'unset', 'greeter', '--nameprefix']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Usage: flotilla app unset [options] <APPNAME>');
    expect((await specOf('greeter')).source?.helm).toEqual({ releaseName: 'greeter-release' });
  });
});

describe('app patch', () => {
  it('applies a JSON patch by default and prints the patched Application as YAML', async () => {
    const res = await stack.ok(['app', 'patch', 'greeter', '--patch', '[{"op": "replace", "path": "/spec/source/targetRevision", "value": "HEAD"}]']);
    expect(res.stdout).toMatch(/^apiVersion: argoproj\.io\/v1alpha1\nkind: Application\nmetadata:\n/);
    expect(res.stdout).toContain('    targetRevision: HEAD\n');
    expect((await specOf('greeter')).source?.targetRevision).toBe('HEAD');
  });

  it('applies a merge patch with --type merge', async () => {
    await stack.ok(['app', 'patch', 'greeter', '--type', 'merge', '--patch', '{"spec": {"destination": {"namespace": "merged"}}}']);
    expect((await specOf('greeter')).destination.namespace).toBe('merged');
  });

  it('refuses a patch type other than json or merge, and a patch that does not apply', async () => {
    const bad = await stack.flotilla(['app', 'patch', 'greeter', '--type', 'yaml', '--patch', '{}']);
    expect(bad.stderr).toMatch(/rpc error: code = InvalidArgument desc = Patch type 'yaml' is not supported/);
    const missing = await stack.flotilla(['app', 'patch', 'greeter', '--patch', '[{"op": "replace", "path": "/spec/nothing/here", "value": 1}]']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/rpc error: code = InvalidArgument desc = error applying patch: /);
  });
});

describe('app edit', () => {
  /** An $EDITOR that keeps each file it is given and runs the next step of `steps` (shell, on "$1"). */
  function editor(name: string, steps: string[]): string {
    const dir = join(stack.dir, name);
    const script = join(stack.dir, `${name}.sh`);
    writeFileSync(
      script,
      [
        '#!/bin/sh',
        'set -e',
        `mkdir -p ${dir}`,
        `n=$(ls ${dir} | wc -l)`,
        `cp "$1" ${dir}/opened-$n.yaml`,
        'case $n in',
        ...steps.map((step, i) => `  ${i}) ${step} ;;`),
        'esac',
        '',
      ].join('\n'),
    );
    chmodSync(script, 0o755);
    return script;
  }
  const opened = (name: string, n: number): string => readFileSync(join(stack.dir, name, `opened-${n}.yaml`), 'utf8');

  it('opens the spec as YAML, reopens it with the refusal, and saves the corrected spec', async () => {
    const script = editor('edit-fix', [`sed -i -e 's/namespace: merged/namespace: edited/' -e 's/project: default/project: nope/' "$1"`, `sed -i 's/project: nope/project: default/' "$1"`]);
    const res = await stack.ok(['app', 'edit', 'greeter'], { EDITOR: script });
    expect(res.stdout).toBe('');
    const first = opened('edit-fix', 0);
    expect(first).toMatch(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n/);
    expect(first).toContain('\ndestination:\n  namespace: merged\n');
    const second = opened('edit-fix', 1);
    expect(second).toMatch(/^# failed to update application spec: rpc error: code = InvalidArgument desc = .*nope/m);
    expect(second).toContain('\nproject: nope\n');
    const spec = await specOf('greeter');
    expect(spec.destination.namespace).toBe('edited');
    expect(spec.project).toBe('default');
  });

  it('reopens YAML that does not parse with the parse error', async () => {
    const script = editor('edit-yaml', [`printf 'destination: [\\n' >> "$1"`, `sed -i 's/^destination: \\[$//' "$1"; sed -i 's/namespace: edited/namespace: again/' "$1"`]);
    await stack.ok(['app', 'edit', 'greeter'], { EDITOR: script });
    expect(opened('edit-yaml', 1)).toMatch(/^# error converting YAML to JSON: /m);
    expect((await specOf('greeter')).destination.namespace).toBe('again');
  });

  it('gives up when the file comes back unchanged', async () => {
    const res = await stack.flotilla(['app', 'edit', 'greeter'], { EDITOR: 'true' });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^FATA\[\d{4}\] edit cancelled, no valid changes were saved$/m);
  });
});

describe('app add-source and remove-source', () => {
  it('turns a single-source app into a multi-source one, its source first', async () => {
    const res = await stack.ok(['app', 'add-source', 'greeter', '--repo', stack.repo.url, '--path', 'plain', '--source-name', 'plain']);
    expect(res.stdout).toBe("Application 'greeter' updated successfully\n");
    const spec = await specOf('greeter');
    expect(spec.source).toBeUndefined();
    expect(spec.sources).toEqual([
      { repoURL: stack.repo.url, path: 'chart', targetRevision: 'HEAD', helm: { releaseName: 'greeter-release' } },
      { repoURL: stack.repo.url, path: 'plain', name: 'plain' },
    ]);
  });

  it('app manifests renders each source at the revision given for its position or name', async () => {
    const first = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: stack.repo.workDir, encoding: 'utf8' }).trim();
    const changed = stack.repo.commit({ 'plain/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: plain}\ndata: {a: changed}\n' }, 'plain changed');
    const old = await stack.ok(['app', 'manifests', 'greeter', '--revisions', first, '--source-positions', '2']);
    expect(old.stdout).toContain('---\napiVersion: v1\ndata:\n  greeting: hello\nkind: ConfigMap\nmetadata:\n  name: greeter\n\n');
    expect(old.stdout).toContain('---\napiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  name: plain\n\n');
    const named = await stack.ok(['app', 'manifests', 'greeter', '--revisions', changed, '--source-names', 'plain']);
    expect(named.stdout).toContain('  a: changed\n');
    const uneven = await stack.flotilla(['app', 'manifests', 'greeter', '--revisions', 'main', '--source-positions', '1,2']);
    expect(uneven.stderr).toMatch(/FATA\[\d{4}\] While using --revisions and --source-positions, length of values for both flags should be same\.$/m);
  });

  it('app set on a multi-source app needs the source position, counted from 1, or the source name', async () => {
    const unplaced = await stack.flotilla(['app', 'set', 'greeter', '--revision', 'main']);
    expect(unplaced.stderr).toMatch(/FATA\[\d{4}\] Source position should be specified and must be greater than 0 for applications with multiple sources/);
    await stack.ok(['app', 'set', 'greeter', '--source-position', '2', '--revision', 'main']);
    await stack.ok(['app', 'set', 'greeter', '--source-name', 'plain', '--directory-recurse']);
    expect((await specOf('greeter')).sources?.[1]).toEqual({ repoURL: stack.repo.url, path: 'plain', name: 'plain', targetRevision: 'main', directory: { recurse: true } });
  });

  it('removes the source at a position, and refuses positions it does not have and the last source', async () => {
    expect((await stack.flotilla(['app', 'remove-source', 'greeter', '--source-position', '3'])).stderr).toMatch(/FATA\[\d{4}\] Application does not have source at 3$/m);
    expect((await stack.flotilla(['app', 'remove-source', 'greeter'])).stderr).toMatch(/FATA\[\d{4}\] Value of source-position must be greater than 0$/m);
    const res = await stack.ok(['app', 'remove-source', 'greeter', '--source-position', '1']);
    expect(res.stdout).toBe("Application 'greeter' updated successfully\n");
    expect((await specOf('greeter')).sources).toEqual([{ repoURL: stack.repo.url, path: 'plain', name: 'plain', targetRevision: 'main', directory: { recurse: true } }]);
    const last = await stack.flotilla(['app', 'remove-source', 'greeter', '--source-name', 'plain']);
    expect(last.stderr).toMatch(/FATA\[\d{4}\] Cannot remove the only source remaining in the app$/m);
  });
});
