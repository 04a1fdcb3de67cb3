import type { KubeObject } from '@flotilla/api-types';
import { parseResourceCustomizations } from '../customizations/resource-customizations';
import { planSync } from './plan-sync';
import { DEFAULT_SYNC_OPTIONS } from './sync-options';
import { stepStatus } from './sync-step';
import type { SyncStep } from './sync-task';

// argocd-cm customizations in a sync: system ignoreDifferences decide what needs applying, and a
// Lua health check decides when a wave with a custom resource is done.
const { customizations } = parseResourceCustomizations({
  'resource.customizations.ignoreDifferences.apps_Deployment': 'jsonPointers: [/spec/replicas]',
  'resource.customizations.health.cert-manager.io_Certificate': [
    'for _, c in ipairs((obj.status or {}).conditions or {}) do',
    '  if c.type == "Ready" and c.status == "True" then return { status = "Healthy" } end',
    'end',
    'return { status = "Progressing", message = "Waiting for certificate" }',
  ].join('\n'),
});

const deployment = (replicas: number): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas } });
const certificate = (ready: string): KubeObject => ({
  apiVersion: 'cert-manager.io/v1',
  kind: 'Certificate',
  metadata: { name: 'tls', namespace: 'shop' },
  status: { conditions: [{ type: 'Ready', status: ready }] },
});

describe('sync with argocd-cm resource customizations', () => {
  it('leaves a resource alone when its only difference is ignored by argocd-cm', () => {
    const action = (withCustomizations: boolean): string =>
      planSync({ appName: 'shop', namespace: 'shop', desired: [deployment(2)], live: [deployment(5)], options: withCustomizations ? { customizations } : {} }).steps[0].tasks[0].action;
    expect(action(false)).toBe('apply');
    expect(action(true)).toBe('none');
  });

  it('waits for a custom resource until its Lua check says Healthy', () => {
    const step: SyncStep = {
      phase: 'Sync',
      wave: 0,
      tasks: [{ key: 'k', ref: { group: 'cert-manager.io', kind: 'Certificate', namespace: 'shop', name: 'tls' }, phase: 'Sync', wave: 0, action: 'create', options: DEFAULT_SYNC_OPTIONS }],
    };
    const status = (ready: string, custom: boolean) => stepStatus(step, () => certificate(ready), custom ? { customizations } : undefined);
    // The built-in check calls Ready False Degraded; the Lua one replaces it.
    expect(status('False', false)).toMatchObject({ complete: false, tasks: [{ state: 'waiting', health: { status: 'Degraded' } }] });
    expect(status('False', true)).toMatchObject({ complete: false, tasks: [{ state: 'waiting', message: 'Waiting for certificate' }] });
    expect(status('True', true).complete).toBe(true);
  });
});
