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
});
