import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

type Row = [string, KubeObject, HealthStatus];

const capi = (kind: string, status?: object, spec: object = {}): KubeObject => ({
  apiVersion: 'cluster.x-k8s.io/v1beta1',
  kind,
  metadata: { name: 'prod-eu', namespace: 'fleet' },
  spec,
  ...(status ? { status } : {}),
});

describe('Cluster API Cluster', () => {
  it.each<Row>([
    [
      'provisioned',
      capi('Cluster', { phase: 'Provisioned', conditions: [{ type: 'Ready', status: 'True' }] }),
      { status: 'Healthy', message: 'Cluster is running' },
    ],
    [
      'provisioning',
      capi('Cluster', {
        phase: 'Provisioning',
        conditions: [{ type: 'Ready', status: 'False', severity: 'Info', reason: 'WaitingForControlPlane', message: '0 of 1 completed' }],
      }),
      { status: 'Progressing', message: 'Waiting for clusters' },
    ],
    [
      'a Ready warning',
      capi('Cluster', {
        phase: 'Provisioned',
        conditions: [{ type: 'Ready', status: 'False', severity: 'Warning', message: 'ControlPlane unhealthy' }],
      }),
      { status: 'Degraded', message: 'ControlPlane unhealthy' },
    ],
    ['failed', capi('Cluster', { phase: 'Failed' }), { status: 'Degraded' }],
    ['paused', capi('Cluster', { phase: 'Provisioned' }, { paused: true }), { status: 'Suspended', message: 'Cluster is paused' }],
    ['no status yet', capi('Cluster'), { status: 'Progressing', message: 'Waiting for clusters' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

describe('Cluster API MachineDeployment', () => {
  it.each<Row>([
    [
      'running',
      capi('MachineDeployment', { phase: 'Running' }),
      { status: 'Healthy', message: 'Machines are running under this deployment' },
    ],
    ['scaling up', capi('MachineDeployment', { phase: 'ScalingUp' }), { status: 'Progressing', message: 'Cluster is spawning machines' }],
    [
      'scaling down',
      capi('MachineDeployment', { phase: 'ScalingDown' }),
      { status: 'Progressing', message: 'Cluster is stopping machines' },
    ],
    ['failed', capi('MachineDeployment', { phase: 'Failed' }), { status: 'Degraded', message: 'MachineDeployment is failed' }],
    [
      'paused',
      capi('MachineDeployment', { phase: 'Running' }, { paused: true }),
      { status: 'Suspended', message: 'MachineDeployment is paused' },
    ],
    ['no status yet', capi('MachineDeployment'), { status: 'Progressing', message: 'Waiting for machines' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

describe('Cluster API Machine', () => {
  it.each<Row>([
    ['running', capi('Machine', { phase: 'Running' }), { status: 'Healthy', message: 'Machine is running' }],
    [
      'provisioning',
      capi('Machine', { phase: 'Provisioning', conditions: [{ type: 'Ready', status: 'False', message: 'waiting for infrastructure' }] }),
      { status: 'Progressing', message: 'waiting for infrastructure' },
    ],
    [
      'failed',
      capi('Machine', { phase: 'Failed', conditions: [{ type: 'Ready', status: 'False', message: 'instance terminated' }] }),
      { status: 'Degraded', message: 'instance terminated' },
    ],
    ['no status yet', capi('Machine'), { status: 'Progressing', message: 'Condition is unknown' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});
