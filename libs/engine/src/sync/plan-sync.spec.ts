import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { KubeObject } from '@flotilla/api-types';
import { planSync, type PlanSyncInput } from './plan-sync';
import type { SyncStep } from './sync-task';

interface PlanCase {
  name: string;
  namespace: string;
  desired: KubeObject[];
  live: KubeObject[];
  options?: PlanSyncInput['options'];
  expect: { steps: string[]; syncFail?: string[]; skipped?: string[]; deletePolicies?: Record<string, string[]> };
}

const describeStep = (s: SyncStep): string =>
  `${s.phase} ${s.wave}: ${s.tasks.map((t) => `${t.action} ${t.ref.kind}/${t.ref.name}`).join(', ')}`;

const cases = parse(readFileSync(join(__dirname, '../../testdata/sync/plan-sync.yaml'), 'utf8')) as PlanCase[];

describe('planSync', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const plan = planSync({ appName: 'shop', namespace: c.namespace, desired: c.desired, live: c.live, options: c.options });
    expect(plan.steps.map(describeStep)).toEqual(c.expect.steps);
    expect(plan.syncFailSteps.map(describeStep)).toEqual(c.expect.syncFail ?? []);
    expect(plan.skipped.map((s) => `${s.key}: ${s.message}`)).toEqual(c.expect.skipped ?? []);
    for (const [name, policies] of Object.entries(c.expect.deletePolicies ?? {})) {
      const task = plan.steps.flatMap((s) => s.tasks).find((t) => t.ref.name === name);
      expect(task?.deletePolicies).toEqual(policies);
    }
  });

  it('accepts live objects keyed by resource key', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns' } };
    const plan = planSync({ appName: 'a', namespace: 'ns', desired: [cm], live: new Map([['/ConfigMap/ns/c', cm]]) });
    expect(plan.steps[0].tasks[0].action).toBe('none');
  });

  it('with RespectIgnoreDifferences, applies the live value at ignored pointers instead of git\'s', () => {
    const deployment = (replicas: number | undefined, image: string): KubeObject => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: 'shop' },
      spec: { ...(replicas === undefined ? {} : { replicas }), template: { spec: { containers: [{ name: 'api', image }] } } },
    });
    const live = [deployment(5, 'api:1')];
    const ignoreDifferences = [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas', '/metadata/labels/owner'] }];
    const task = (syncOptions: string[]) => planSync({ appName: 'shop', namespace: 'shop', desired: [deployment(2, 'api:2')], live, options: { syncOptions, ignoreDifferences } }).steps[0].tasks[0];
    const respected = task(['RespectIgnoreDifferences=true']);
    expect(respected.action).toBe('apply');
    expect(respected.desired?.spec).toEqual({ replicas: 5, template: { spec: { containers: [{ name: 'api', image: 'api:2' }] } } });
    expect(respected.desired?.metadata?.labels).toBeUndefined();
    expect(task([]).desired?.spec).toMatchObject({ replicas: 2 });
    // A field the live object lacks is dropped from what is applied.
    const unset = planSync({ appName: 'shop', namespace: 'shop', desired: [deployment(2, 'api:2')], live: [deployment(undefined, 'api:1')], options: { syncOptions: ['RespectIgnoreDifferences=true'], ignoreDifferences } });
    expect(unset.steps[0].tasks[0].desired?.spec).not.toHaveProperty('replicas');
  });
  describe('kinds the cluster does not serve (SkipDryRunOnMissingResource)', () => {
    const widget = (annotations?: Record<string, string>): KubeObject => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', ...(annotations ? { annotations } : {}) } });
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    const crd: KubeObject = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' }, spec: { group: 'example.com', names: { kind: 'Widget', plural: 'widgets' } } };
    const isServed = (apiVersion: string, kind: string): boolean => !(apiVersion === 'example.com/v1' && kind === 'Widget');
    const plan = (desired: KubeObject[], syncOptions: string[] = []) => planSync({ appName: 'a', namespace: 'ns', desired, live: [], options: { syncOptions, isServed } });

    it('refuses an object whose kind is not served, naming it', () => {
      const got = plan([cm, widget()]);
      expect(got.invalid.map((i) => [i.task.ref.kind, i.message])).toEqual([['Widget', expect.stringMatching(/does not serve example\.com\/v1\/Widget \(needed for ns\/w\).*SkipDryRunOnMissingResource=true/)]]);
    });

    it('allows it when a CRD in the same sync defines the kind, or the option is set on the app or the object', () => {
      expect(plan([cm, crd, widget()]).invalid).toEqual([]);
      expect(plan([cm, widget()], ['SkipDryRunOnMissingResource=true']).invalid).toEqual([]);
      expect(plan([cm, widget({ 'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true' })]).invalid).toEqual([]);
    });

    it('marks such an object to be left out of a dry run (its CRD is not created by one), and only it', () => {
      const tasks = plan([cm, crd, widget()]).steps.flatMap((s) => s.tasks);
      expect(tasks.filter((t) => t.skipDryRun).map((t) => t.ref.kind)).toEqual(['Widget']);
    });

    it('checks nothing when the caller cannot tell what is served', () => {
      expect(planSync({ appName: 'a', namespace: 'ns', desired: [widget()], live: [] }).invalid).toEqual([]);
    });
  });
});

