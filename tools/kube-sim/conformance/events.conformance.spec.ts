import { eventually, KubectlHarness, startKubectlHarness } from './kubectl.harness';

// What a user reads when a rollout misbehaves: `kubectl get events` and the Events section of
// `kubectl describe`, filled by kube-sim's scheduler, kubelet and controllers.
let k: KubectlHarness;

beforeAll(async () => {
  k = await startKubectlHarness();
});
afterAll(async () => {
  await k.stop();
});

describe('Events through kubectl', () => {
  it('lists a rollout\'s Events and shows a pod\'s in describe', async () => {
    await k.ok(['create', 'namespace', 'shop']);
    await k.ok(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=1', '-n', 'shop']);
    const table = await eventually(async () => {
      const out = await k.ok(['get', 'events', '-n', 'shop']);
      return /Started/.test(out) ? out : '';
    }, 'a Started event');
    expect(table.split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(table).toMatch(/Normal\s+ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-\w+ from 0 to 1/);
    expect(table).toMatch(/Normal\s+SuccessfulCreate\s+replicaset\/web-\w+\s+Created pod: web-\w+-\w+/);
    expect(table).toMatch(/Normal\s+Scheduled\s+pod\/web-\w+-\w+\s+Successfully assigned shop\/web-\w+-\w+ to kube-sim-node-\d/);
    expect(table).toMatch(/Normal\s+Started\s+pod\/web-\w+-\w+\s+Started container nginx/);

    const pod = (await k.ok(['get', 'pods', '-n', 'shop', '-o', 'name'])).trim();
    const described = await k.ok(['describe', '-n', 'shop', pod]);
    const section = described.slice(described.indexOf('Events:'));
    expect(section.split('\n')[1]).toMatch(/^\s+Type\s+Reason\s+Age\s+From\s+Message$/);
    expect(section).toMatch(/Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned shop\//);
    expect(section).toMatch(/Normal\s+Pulling\s+\S+\s+kubelet\s+Pulling image "nginx:1.27"/);
    expect(section).toMatch(/Normal\s+Created\s+\S+\s+kubelet\s+Created container: nginx/);
  });
});
