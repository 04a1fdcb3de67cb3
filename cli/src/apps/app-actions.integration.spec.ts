// `flotilla app actions list|run` against the real api-server, repo-server and app-controller, an app
// synced to a kube-sim spoke: the table and JSON argocd prints, and the objects on the spoke after a run.
import type { KubernetesObject } from '@kubernetes/client-node';
import { startAppStack, type AppStack } from '../testing/app-stack.harness';

jest.setTimeout(120_000);

const files = {
  'guestbook/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: guestbook}',
    'spec:',
    '  replicas: 1',
    '  selector: {matchLabels: {app: guestbook}}',
    '  template:',
    '    metadata: {labels: {app: guestbook}}',
    '    spec: {containers: [{name: guestbook, image: "nginx:1.27"}]}',
    '',
  ].join('\n'),
  'guestbook/cronjob.yaml': [
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata: {name: report}',
    'spec:',
    '  schedule: "0 3 * * *"',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec: {restartPolicy: Never, containers: [{name: report, image: busybox}]}',
    '',
  ].join('\n'),
  'guestbook/settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {greeting: hello}\n',
  'guestbook/other.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\ndata: {greeting: bye}\n',
};

type Live = KubernetesObject & { spec?: { paused?: boolean; template?: { metadata?: { annotations?: Record<string, string> } } } };

let stack: AppStack;
const live = (kind: string, name: string, apiVersion: string): Promise<Live> =>
  stack.spokeObjects.read({ apiVersion, kind, metadata: { name, namespace: 'demo' } });

beforeAll(async () => {
  stack = await startAppStack({ name: 'app-actions', files, controller: true });
  await stack.ok([
    'app',
    'create',
    'guestbook',
    '--repo',
    stack.repo.url,
    '--path',
    'guestbook',
    '--dest-server',
    stack.spoke.access().url,
    '--dest-namespace',
    'demo',
    '--sync-option',
    'CreateNamespace=true',
  ]);
  await stack.ok(['app', 'sync', 'guestbook', '--timeout', '60']);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('app actions list', () => {
  it("prints the actions of every managed resource and of the app itself in argocd's columns", async () => {
    const res = await stack.ok(['app', 'actions', 'list', 'guestbook']);
    const lines = res.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('GROUP        KIND         NAME       ACTION            DISABLED');
    expect(lines.slice(1).sort()).toEqual(
      [
        'apps         Deployment   guestbook  pause             false',
        'apps         Deployment   guestbook  restart           false',
        'apps         Deployment   guestbook  resume            true',
        'apps         Deployment   guestbook  scale             false',
        'batch        CronJob      report     create-job        false',
        'batch        CronJob      report     suspend           false',
        'argoproj.io  Application  guestbook  toggle-auto-sync  false',
      ].sort(),
    );
  });

  it("narrows to a kind, and prints JSON with argocd's field names", async () => {
    const res = await stack.ok(['app', 'actions', 'list', 'guestbook', '--kind', 'CronJob', '-o', 'json']);
    expect(JSON.parse(res.stdout)).toEqual([
      { Group: 'batch', Kind: 'CronJob', Name: 'report', Action: 'create-job', Disabled: false },
      { Group: 'batch', Kind: 'CronJob', Name: 'report', Action: 'suspend', Disabled: false },
    ]);
    const none = await stack.ok(['app', 'actions', 'list', 'guestbook', '--kind', 'ConfigMap', '-o', 'yaml']);
    expect(none.stdout.trim()).toBe('null');
  });
});

describe('app actions run', () => {
  it('restart stamps the Deployment on the spoke', async () => {
    const before = await live('Deployment', 'guestbook', 'apps/v1');
    expect(before.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeUndefined();
    await stack.ok(['app', 'actions', 'run', 'guestbook', 'restart', '--kind', 'Deployment']);
    const after = await live('Deployment', 'guestbook', 'apps/v1');
    expect(after.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('pause pauses the rollout, after which list shows it disabled and running it again is refused', async () => {
    await stack.ok([
      'app',
      'actions',
      'run',
      'guestbook',
      'pause',
      '--kind',
      'Deployment',
      '--group',
      'apps',
      '--resource-name',
      'guestbook',
      '--namespace',
      'demo',
    ]);
    expect((await live('Deployment', 'guestbook', 'apps/v1')).spec?.paused).toBe(true);
    const listed = await stack.ok(['app', 'actions', 'list', 'guestbook', '--kind', 'Deployment', '-o', 'json']);
    expect(
      JSON.parse(listed.stdout)
        .filter((a: { Disabled: boolean }) => a.Disabled)
        .map((a: { Action: string }) => a.Action),
    ).toEqual(['pause']);
    const again = await stack.flotilla(['app', 'actions', 'run', 'guestbook', 'pause', '--kind', 'Deployment']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/action pause is disabled on Deployment guestbook/);
    await stack.ok(['app', 'actions', 'run', 'guestbook', 'resume', '--kind', 'Deployment']);
    expect((await live('Deployment', 'guestbook', 'apps/v1')).spec?.paused).toBeUndefined();
  });

  it('create-job makes a Job from the CronJob on the spoke', async () => {
    await stack.ok(['app', 'actions', 'run', 'guestbook', 'create-job', '--kind', 'CronJob']);
    const jobs = await stack.spokeObjects.list('batch/v1', 'Job', 'demo');
    const made = jobs.items.filter((j) => j.metadata?.ownerReferences?.some((o) => o.kind === 'CronJob' && o.name === 'report'));
    expect(made.map((j) => j.metadata?.name)).toEqual([expect.stringMatching(/^report-\d{10}$/)]);
    expect(made[0].metadata?.annotations).toMatchObject({ 'cronjob.kubernetes.io/instantiate': 'manual' });
  });

  it('refuses an action the resource does not offer, a kind the app does not have, and several matches without --all', async () => {
    const unknown = await stack.flotilla(['app', 'actions', 'run', 'guestbook', 'explode', '--kind', 'Deployment']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/action explode is not available on Deployment guestbook \(it offers pause, restart, resume, scale\)/);
    const missing = await stack.flotilla(['app', 'actions', 'run', 'guestbook', 'restart', '--kind', 'StatefulSet']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no matching resource found/);
    const several = await stack.flotilla(['app', 'actions', 'run', 'guestbook', 'restart', '--kind', 'ConfigMap']);
    expect(several.code).toBe(1);
    expect(several.stderr).toMatch(/multiple resources match inputs, use the --all flag to patch multiple resources/);
  });

  it('toggle-auto-sync turns automated sync on for the app itself, on the hub', async () => {
    await stack.ok(['app', 'actions', 'run', 'guestbook', 'toggle-auto-sync', '--kind', 'Application']);
    expect((await stack.application('guestbook')).spec.syncPolicy).toMatchObject({ automated: { enabled: true } });
  });
});
