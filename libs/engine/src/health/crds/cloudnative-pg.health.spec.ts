import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

const cluster = (status?: object, annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'postgresql.cnpg.io/v1',
  kind: 'Cluster',
  metadata: { name: 'orders-db', namespace: 'shop', ...(annotations ? { annotations } : {}) },
  spec: { instances: 3 },
  ...(status ? { status } : {}),
});
const ready = { type: 'Ready', status: 'True', reason: 'ClusterIsReady' };

describe('CloudNativePG Cluster', () => {
  it.each<[string, KubeObject, HealthStatus]>([
    ['healthy', cluster({ phase: 'Cluster in healthy state', conditions: [ready] }), { status: 'Healthy' }],
    [
      'creating a replica',
      cluster({ phase: 'Creating a new replica', phaseReason: 'Creating replica orders-db-3', conditions: [] }),
      { status: 'Progressing', message: 'Creating replica orders-db-3' },
    ],
    [
      'failing over',
      cluster({ phase: 'Failing over', phaseReason: 'Failing over from orders-db-1 to orders-db-2', conditions: [ready] }),
      { status: 'Degraded', message: 'Failing over from orders-db-1 to orders-db-2' },
    ],
    [
      'needs manual intervention',
      cluster({ phase: 'Cluster is unrecoverable and needs manual intervention', conditions: [] }),
      { status: 'Suspended' },
    ],
    [
      'hibernating',
      cluster({
        phase: 'Cluster in healthy state',
        conditions: [{ type: 'cnpg.io/hibernation', status: 'True', message: 'Cluster has been hibernated' }],
      }),
      { status: 'Suspended', message: 'Cluster has been hibernated' },
    ],
    [
      'hibernation failing',
      cluster({ conditions: [{ type: 'cnpg.io/hibernation', status: 'False', message: 'Hibernation is in progress' }] }),
      { status: 'Degraded', message: 'Hibernation is in progress' },
    ],
    [
      'reconciliation disabled',
      cluster({ phase: 'Cluster in healthy state', conditions: [ready] }, { 'cnpg.io/reconciliationLoop': 'disabled' }),
      { status: 'Suspended', message: 'Cluster reconciliation is suspended' },
    ],
    [
      'a phase it does not know',
      cluster({ phase: 'Doing something new', phaseReason: 'new', conditions: [] }),
      { status: 'Unknown', message: 'new' },
    ],
    [
      'no conditions yet',
      cluster({ phase: 'Setting up primary', phaseReason: 'Creating primary instance orders-db-1' }),
      { status: 'Progressing', message: 'Creating primary instance orders-db-1' },
    ],
    ['no status yet', cluster(), { status: 'Progressing' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});
