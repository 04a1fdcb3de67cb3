import { withUnifiedDiffs } from './resource-diff.builder';

const cm = (data: Record<string, string>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'demo', ...extra }, data });
const item = (over: Record<string, unknown>) => ({ group: '', kind: 'ConfigMap', namespace: 'demo', name: 'settings', hook: false, modified: true, ...over });

describe('withUnifiedDiffs (ManagedResources for app diff)', () => {
  it('diffs normalised live against predicted live for a changed resource', () => {
    const [got] = withUnifiedDiffs({
      items: [item({ liveState: cm({ greeting: 'hey' }), targetState: cm({ greeting: 'hello' }), normalizedLiveState: cm({ greeting: 'hey' }), predictedLiveState: cm({ greeting: 'hello' }) })],
    }).items as Record<string, unknown>[];
    expect(got.unifiedDiff).toBe(
      '===== /ConfigMap demo/settings ======\n--- settings-live.yaml\n+++ settings\n@@ -1,6 +1,6 @@\n apiVersion: v1\n data:\n-  greeting: hey\n+  greeting: hello\n kind: ConfigMap\n metadata:\n   name: settings\n',
    );
  });

  it('adds nothing for a resource in sync, or a hook', () => {
    const same = { liveState: cm({ a: '1' }), targetState: cm({ a: '1' }), normalizedLiveState: cm({ a: '1' }), predictedLiveState: cm({ a: '1' }) };
    const items = withUnifiedDiffs({ items: [item({ ...same, modified: false }), item({ targetState: cm({ a: '1' }), hook: true })] }).items as Record<string, unknown>[];
    expect(items.map((i) => i.unifiedDiff)).toEqual([undefined, undefined]);
  });

  it('diffs a resource to create, and one to prune, against nothing; the pruned one without server fields', () => {
    const items = withUnifiedDiffs({
      items: [item({ targetState: cm({ a: '1' }) }), item({ name: 'old', liveState: cm({ b: '2' }, { uid: 'u-1', managedFields: [{ manager: 'x' }] }) })],
    }).items as Record<string, unknown>[];
    expect(items[0].unifiedDiff).toContain('@@ -0,0 +1,7 @@\n+apiVersion: v1\n+data:\n+  a: "1"\n');
    expect(items[1].unifiedDiff).toMatch(/^===== \/ConfigMap demo\/old ======\n--- old-live\.yaml\n\+\+\+ old\n@@ -1,7 \+0,0 @@\n-apiVersion: v1\n/);
    expect(items[1].unifiedDiff).not.toMatch(/uid|managedFields/);
  });
});

describe('withUnifiedDiffs for a Secret', () => {
  const canary = 'canary-from-git';
  const applied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'demo' }, stringData: { password: canary } });
  const secret = (password: string, annotations?: Record<string, string>) =>
    JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'demo', ...(annotations ? { annotations } : {}) }, data: { password } });

  it('masks what an older controller recorded unmasked, the last-applied annotation included, and still shows a change', () => {
    const [got] = withUnifiedDiffs({
      items: [
        item({
          kind: 'Secret',
          name: 'db',
          targetState: secret(Buffer.from('rotated').toString('base64')),
          liveState: secret(Buffer.from(canary).toString('base64'), { 'kubectl.kubernetes.io/last-applied-configuration': applied }),
          normalizedLiveState: secret('++++++++'),
          predictedLiveState: secret('+++++++++'),
        }),
      ],
    }).items as Record<string, string>[];
    expect(JSON.stringify(got)).not.toMatch(/canary|Y2FuYXJ5|cm90YXRlZA==/);
    const live = JSON.parse(got.liveState) as { data: { password: string }; metadata: { annotations: Record<string, string> } };
    expect(JSON.parse(got.targetState)).toMatchObject({ data: { password: '++++++++' } });
    expect(live.data.password).toBe('++++++++++++');
    expect(JSON.parse(live.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'])).toMatchObject({ data: { password: '++++++++++++' } });
    expect(got.unifiedDiff).toContain('-  password: ++++++++++++\n+  password: ++++++++\n');
  });

  it('leaves what the controller masked as it was', () => {
    const masked = { kind: 'Secret', name: 'db', targetState: secret('++++++++'), liveState: secret('++++++++++++', { 'kubectl.kubernetes.io/last-applied-configuration': secret('++++++++++++') }) };
    const [got] = withUnifiedDiffs({ items: [item({ ...masked, modified: false })] }).items as Record<string, string>[];
    expect({ targetState: got.targetState, liveState: got.liveState }).toEqual({ targetState: masked.targetState, liveState: masked.liveState });
  });
});
