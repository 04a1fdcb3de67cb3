import type { KubeObject } from '@flotilla/api-types';
import { parseActionOverrides } from '../customizations/action-overrides';
import { discoverActions, runAction, type ActionSources } from './resource-actions';

const NOW = Date.UTC(2026, 11, 7, 17, 4, 9);
const deployment = (spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'd-1' },
  spec: {
    replicas: 2,
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
    ...spec,
  },
});
const cronJob = (suspend?: boolean): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'report', namespace: 'shop', uid: 'c-1', labels: { team: 'a' } },
  spec: {
    schedule: '0 * * * *',
    ...(suspend === undefined ? {} : { suspend }),
    jobTemplate: {
      metadata: { labels: { job: 'report' }, annotations: { note: 'x' } },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'r', image: 'busybox' }] } } },
    },
  },
});
const builtins: ActionSources = { overrides: {}, now: NOW };
const names = (obj: KubeObject, sources = builtins) => {
  const r = discoverActions(obj, sources);
  if ('error' in r) throw new Error(r.error);
  return r.actions.map((a) => `${a.name}${a.disabled ? ' (disabled)' : ''}`);
};
const run = (obj: KubeObject, name: string, sources = builtins, params?: Record<string, string>) => runAction(obj, name, sources, params);

describe('built-in resource actions', () => {
  it.each([
    ['a running Deployment', deployment(), ['pause', 'restart', 'resume (disabled)', 'scale']],
    ['a paused Deployment', deployment({ paused: true }), ['pause (disabled)', 'restart', 'resume', 'scale']],
    ['a StatefulSet', { ...deployment(), kind: 'StatefulSet' }, ['restart', 'scale']],
    ['a DaemonSet', { ...deployment(), kind: 'DaemonSet' }, ['restart']],
    ['a CronJob', cronJob(), ['create-job', 'suspend']],
    ['a suspended CronJob', cronJob(true), ['create-job', 'resume']],
    ['a ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, []],
    ['a Deployment of another group', { ...deployment(), apiVersion: 'example.com/v1' }, []],
  ])('what %s offers', (_what, obj, expected) => {
    expect(names(obj)).toEqual(expected);
  });

  it('restart stamps the pod template with restartedAt, to the second in UTC, and leaves the live object alone', () => {
    const live = deployment();
    const r = run(live, 'restart');
    expect(r).toEqual({ impacted: [{ operation: 'patch', resource: expect.anything() }] });
    const changed = (r as { impacted: { resource: KubeObject }[] }).impacted[0].resource;
    expect(changed).toMatchObject({
      spec: {
        template: { metadata: { labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-12-07T17:04:09Z' } } },
      },
    });
    expect(live).toEqual(deployment());
  });

  it('restart makes the template metadata a pod template without one lacks', () => {
    const r = run({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { template: {} } }, 'restart');
    expect((r as { impacted: { resource: KubeObject }[] }).impacted[0].resource.spec).toEqual({
      template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-12-07T17:04:09Z' } } },
    });
  });

  it('pause sets spec.paused and resume removes it; each is refused where it is disabled', () => {
    const paused = run(deployment(), 'pause') as { impacted: { resource: KubeObject }[] };
    expect(paused.impacted[0].resource.spec).toMatchObject({ paused: true });
    const resumed = run(deployment({ paused: true }), 'resume') as { impacted: { resource: KubeObject }[] };
    expect(resumed.impacted[0].resource.spec).not.toHaveProperty('paused');
    expect(run(deployment({ paused: true }), 'pause')).toEqual({ error: 'action pause is disabled on Deployment web', reason: 'disabled' });
    expect(run(deployment(), 'resume')).toEqual({ error: 'action resume is disabled on Deployment web', reason: 'disabled' });
  });

  it('an action the kind does not offer is not available, naming what it offers', () => {
    expect(run(deployment(), 'explode')).toEqual({
      error: 'action explode is not available on Deployment web (it offers pause, restart, resume, scale)',
      reason: 'not-available',
    });
    expect(run(cronJob(), 'resume')).toMatchObject({ reason: 'not-available' });
  });

  it('create-job creates a Job from the jobTemplate, owned by the CronJob and marked manual, named with the minute in UTC', () => {
    const r = run(cronJob(), 'create-job') as { impacted: { operation: string; resource: KubeObject }[] };
    expect(r.impacted).toEqual([
      {
        operation: 'create',
        resource: {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: {
            name: 'report-2612071704',
            namespace: 'shop',
            labels: { job: 'report' },
            annotations: { note: 'x', 'cronjob.kubernetes.io/instantiate': 'manual' },
            ownerReferences: [
              { apiVersion: 'batch/v1', kind: 'CronJob', name: 'report', uid: 'c-1', blockOwnerDeletion: true, controller: true },
            ],
          },
          spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'r', image: 'busybox' }] } } },
        },
      },
    ]);
  });

  it('scale sets spec.replicas from its replicas parameter, which it lists, and refuses one that is not a count', () => {
    const offered = discoverActions(deployment(), builtins) as { actions: { name: string; params?: unknown }[] };
    expect(offered.actions.find((a) => a.name === 'scale')?.params).toEqual([{ name: 'replicas' }]);
    const scaled = run({ ...deployment(), kind: 'StatefulSet' }, 'scale', builtins, { replicas: '5' }) as {
      impacted: { resource: KubeObject }[];
    };
    expect(scaled.impacted[0].resource.spec).toMatchObject({ replicas: 5 });
    expect(run(deployment(), 'scale', builtins, { replicas: 'many' })).toEqual({
      error: 'action scale on Deployment web: replicas must be a whole number of 0 or more, not "many"',
      reason: 'bad-parameter',
    });
    expect(run(deployment(), 'scale', builtins, { replicas: '-1' })).toMatchObject({ reason: 'bad-parameter' });
    expect(run(deployment(), 'scale', builtins)).toEqual({
      error: 'action scale on Deployment web: the scale action needs the replicas parameter',
      reason: 'bad-parameter',
    });
  });

  it('suspend and resume set spec.suspend', () => {
    expect((run(cronJob(), 'suspend') as { impacted: { resource: KubeObject }[] }).impacted[0].resource.spec).toMatchObject({
      suspend: true,
    });
    expect((run(cronJob(true), 'resume') as { impacted: { resource: KubeObject }[] }).impacted[0].resource.spec).toMatchObject({
      suspend: false,
    });
  });
});

describe("argocd-cm's actions over the built-in ones", () => {
  const custom = (merge: boolean) =>
    parseActionOverrides({
      'resource.customizations.actions.apps_Deployment': [
        'discovery.lua: |',
        '  local actions = {}',
        '  actions["restart"] = {["displayName"] = "Restart gently"}',
        '  actions["scale"] = {["params"] = {{["name"] = "replicas"}}}',
        '  return actions',
        `mergeBuiltinActions: ${merge}`,
        'definitions:',
        '- name: restart',
        '  action.lua: |',
        '    obj.metadata.annotations = {}',
        '    obj.metadata.annotations["restarted"] = os.date("!%Y")',
        '    return obj',
        '- name: scale',
        '  action.lua: |',
        '    obj.spec.replicas = tonumber(actionParams["replicas"])',
        '    return obj',
      ].join('\n'),
    }).actions;

  it("argocd-cm's discovery replaces the built-in one unless mergeBuiltinActions", () => {
    expect(names(deployment(), { overrides: custom(false), now: NOW })).toEqual(['restart', 'scale']);
    expect(names(deployment(), { overrides: custom(true), now: NOW })).toEqual(['pause', 'restart', 'resume (disabled)', 'scale']);
    // The built-in scale is hidden behind argocd-cm's of the same name: its discovery came first.
  });

  it("argocd-cm's action of a built-in's name runs instead of it; its own actions take parameters", () => {
    const sources = { overrides: custom(true), now: NOW };
    const restarted = run(deployment(), 'restart', sources) as { impacted: { resource: KubeObject }[] };
    expect(restarted.impacted[0].resource.metadata?.annotations).toEqual({ restarted: '2026' });
    const discovered = discoverActions(deployment(), sources) as { actions: { name: string; params?: unknown; displayName?: string }[] };
    expect(discovered.actions.find((a) => a.name === 'scale')?.params).toEqual([{ name: 'replicas' }]);
    expect(discovered.actions.find((a) => a.name === 'restart')?.displayName).toBe('Restart gently');
    const scaled = run(deployment(), 'scale', sources, { replicas: '5' }) as { impacted: { resource: KubeObject }[] };
    expect(scaled.impacted[0].resource.spec).toMatchObject({ replicas: 5 });
    const pausedBuiltin = run(deployment(), 'pause', sources) as { impacted: { resource: KubeObject }[] };
    expect(pausedBuiltin.impacted[0].resource.spec).toMatchObject({ paused: true });
  });

  it('a discovery script that fails is an error naming the kind', () => {
    const overrides = parseActionOverrides({
      'resource.customizations.actions.apps_Deployment': 'discovery.lua: |\n  return nil + 1\n',
    }).actions;
    const r = discoverActions(deployment(), { overrides, now: NOW });
    expect(r).toEqual({ error: expect.stringMatching(/^error executing Lua discovery script for Deployment: /) });
  });
});

describe("an Application's toggle-auto-sync", () => {
  const app = (automated?: Record<string, unknown>): KubeObject => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'guestbook', namespace: 'argocd' },
    spec: { project: 'default', ...(automated ? { syncPolicy: { automated } } : {}) },
  });
  const toggled = (obj: KubeObject) =>
    ((run(obj, 'toggle-auto-sync') as { impacted: { resource: KubeObject }[] }).impacted[0].resource.spec as Record<string, unknown>)
      .syncPolicy;

  it.each([
    ['without automated sync', undefined, 'Enable Auto-Sync', { automated: { enabled: true } }],
    ['with automated sync', { prune: true }, 'Disable Auto-Sync', { automated: { prune: true, enabled: false } }],
    ['with automated sync turned off', { prune: true, enabled: false }, 'Enable Auto-Sync', { automated: { prune: true, enabled: true } }],
  ])('%s: offers to %s, and toggles', (_what, automated, label, after) => {
    expect(discoverActions(app(automated), builtins)).toEqual({
      actions: [{ name: 'toggle-auto-sync', disabled: false, displayName: label }],
    });
    expect(toggled(app(automated))).toEqual(after);
  });
});
