import { appManagedResourcesKey, ARGO_API_VERSION, REFRESH_ANNOTATION, type Application, type KubeObject } from '@flotilla/api-types';
import { LAST_APPLIED_ANNOTATION } from '@flotilla/engine';
import { randomUUID } from 'node:crypto';
import { eventually, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// A Secret from git, synced by the real controller through repo-server onto a kube-sim spoke: the
// live object then carries kubectl's last-applied-configuration with its stringData in plain text.
// None of its values may reach what the controller records for others to read — the managed
// resources in Redis (what the api-server serves and `app diff` prints), the Application's status,
// Kubernetes events — while the annotation itself is still shown, masked.
const id = randomUUID().slice(0, 8);
const NS = `secret-mask-${id}`;
const PREFIX = `spec-secret-mask-${id}`;
const CANARY = `canary-${id}-one`;
const CANARY_NEW = `canary-${id}-two`;
const CANARY_BROKEN = `canary-${id}-broken`;
const b64 = (s: string): string => Buffer.from(s).toString('base64');
// 'canary' alone catches a value cut short, as a decoder's quoted window of the body cuts it.
const FORBIDDEN = [CANARY, CANARY_NEW, CANARY_BROKEN, b64(CANARY), b64(CANARY_NEW), 'canary'];

const secret = (password: string): string => `apiVersion: v1\nkind: Secret\nmetadata: { name: db }\nstringData: { password: ${password}, user: app }\n`;

interface ManagedItem {
  kind: string;
  name: string;
  targetState?: string;
  liveState?: string;
  modified: boolean;
}
type State = { data?: Record<string, string>; metadata?: { annotations?: Record<string, string> } };

describe('Secret values through sync, managed resources, status and events', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const ref = (name: string): KubeObject => ({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const app = (name: string): Promise<Application> => clusters.hubKube.get<Application>(ref(name));
  const createApp = (name: string): Promise<unknown> =>
    clusters.hubKube.create({
      ...ref(name),
      spec: { project: 'default', source: { repoURL: git.url, path: name, targetRevision: 'main' }, destination: { server: clusters.spoke.url, namespace: name } },
    });
  const sync = (name: string): Promise<unknown> => clusters.hubKube.patch(ref(name), { operation: { sync: { syncOptions: ['CreateNamespace=true'] }, initiatedBy: { username: 'admin' } } }, 'merge');
  const managedText = async (name: string): Promise<string> => (await stack.redis.get(appManagedResourcesKey(NS, name))) ?? '';
  const secretItem = async (name: string): Promise<ManagedItem> => {
    const items = (JSON.parse((await managedText(name)) || '{"items":[]}') as { items: ManagedItem[] }).items;
    const item = items.find((i) => i.kind === 'Secret' && i.name === 'db');
    if (!item) throw new Error(`no Secret in ${name}'s managed resources yet`);
    return item;
  };
  const eventsText = async (): Promise<string> => {
    const lists = await Promise.all([clusters.hubKube.listAll('v1', 'Event'), clusters.spokeKube.listAll('v1', 'Event')]);
    return JSON.stringify(lists.map((l) => l.items));
  };
  const expectNoCanary = (where: string, text: string): void => {
    for (const value of FORBIDDEN) expect({ where, leaks: text.includes(value) ? value : undefined }).toEqual({ where, leaks: undefined });
  };

  beforeAll(async () => {
    stack = await startControllerStack({ name: 'secret-mask', namespace: NS, prefix: PREFIX });
    ({ clusters, git } = stack);
    // kube-sim refuses a stringData value that is not a string and quotes it back in its error.
    git.commit({ 'db/secret.yaml': secret(CANARY), 'broken/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: { name: db }\nstringData: { password: [${CANARY_BROKEN}] }\n` }, 'secrets');
  }, 90_000);

  afterAll(() => stack?.stop(), 30_000);

  it('records the synced Secret with every value and its last-applied annotation masked', async () => {
    await createApp('db');
    await eventually(async () => expect((await app('db')).status?.sync?.status).toBe('OutOfSync'));
    await sync('db');
    await eventually(async () => expect((await app('db')).status?.operationState?.phase).toBe('Succeeded'));

    // The leak this guards against is there to leak: the live annotation holds the value in plain text.
    const live = await clusters.spokeKube.get<KubeObject & State>({ apiVersion: 'v1', kind: 'Secret', metadata: { namespace: 'db', name: 'db' } });
    expect(live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]).toContain(CANARY);

    const item = await eventually(async () => {
      const i = await secretItem('db');
      expect((JSON.parse(i.liveState ?? '{}') as State).metadata?.annotations?.[LAST_APPLIED_ANNOTATION]).toBeDefined();
      return i;
    });
    expectNoCanary('managed resources in Redis', await managedText('db'));
    const liveState = JSON.parse(item.liveState!) as State;
    const applied = JSON.parse(liveState.metadata!.annotations![LAST_APPLIED_ANNOTATION]) as State;
    expect({ live: liveState.data, applied: applied.data, target: (JSON.parse(item.targetState!) as State).data }).toEqual({
      live: { password: '++++++++', user: '++++++++' },
      applied: { password: '++++++++', user: '++++++++' },
      target: { password: '++++++++', user: '++++++++' },
    });
    await eventually(async () => expect((await app('db')).status?.sync?.status).toBe('Synced'));
    expectNoCanary('Application', JSON.stringify(await app('db')));
    expectNoCanary('events', await eventsText());
  }, 60_000);

  it('shows a value changed in git as a different mask, and neither value', async () => {
    git.commit({ 'db/secret.yaml': secret(CANARY_NEW) }, 'rotate the password');
    await clusters.hubKube.patch(ref('db'), { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } }, 'merge');
    const item = await eventually(async () => {
      const i = await secretItem('db');
      expect(i.modified).toBe(true);
      return i;
    });
    expectNoCanary('managed resources in Redis', await managedText('db'));
    const target = JSON.parse(item.targetState!) as State;
    const live = JSON.parse(item.liveState!) as State;
    const applied = JSON.parse(live.metadata!.annotations![LAST_APPLIED_ANNOTATION]) as State;
    expect({ target: target.data, live: live.data, applied: applied.data }).toEqual({
      target: { password: '++++++++', user: '++++++++' },
      live: { password: '++++++++++++', user: '++++++++' },
      applied: { password: '++++++++++++', user: '++++++++' },
    });
    expectNoCanary('Application', JSON.stringify(await app('db')));
  }, 60_000);

  it('keeps a value the API server quotes back to a server-side diff out of the comparison error', async () => {
    git.commit({ 'db/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: { name: db, annotations: { argocd.argoproj.io/compare-options: ServerSideDiff=true } }\nstringData: { password: [${CANARY_BROKEN}] }\n` }, 'a broken value, diffed by the server');
    await clusters.hubKube.patch(ref('db'), { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } }, 'merge');
    const condition = await eventually(async () => {
      const found = (await app('db')).status?.conditions?.find((c) => c.type === 'ComparisonError' && c.message.includes('server-side diff'));
      expect(found).toBeDefined();
      return found!;
    });
    // The server's words vary by version ('Invalid value: ++++++++', or its typed patch's Go value); the value is masked in both.
    expect(condition.message).toContain('++++++++');
    expectNoCanary('comparison error', condition.message);
    expectNoCanary('Application', JSON.stringify(await app('db')));
    expectNoCanary('managed resources in Redis', await managedText('db'));
  }, 60_000);

  it('keeps a value the API server quotes back in its refusal out of the sync result', async () => {
    await createApp('broken');
    await eventually(async () => expect((await app('broken')).status?.sync?.status).toBe('OutOfSync'));
    await sync('broken');
    const failed = await eventually(async () => {
      const a = await app('broken');
      expect(a.status?.operationState?.phase).toBe('Failed');
      return a;
    });
    const result = failed.status?.operationState?.syncResult?.resources?.find((r) => r.kind === 'Secret');
    // A decode error up to 1.22 quotes the body around where it stopped; from 1.23 it names only the type.
    expect(result?.message).toMatch(/cannot be handled as a Secret|Invalid value: \+{8}/);
    expectNoCanary('sync result', result?.message ?? '');
    expectNoCanary('Application', JSON.stringify(failed));
    expectNoCanary('managed resources in Redis', await managedText('broken'));
    expectNoCanary('events', await eventsText());
  }, 60_000);
});
