import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

type Row = [string, KubeObject, HealthStatus];

const es = (kind: string, conditions?: object[]): KubeObject => ({
  apiVersion: 'external-secrets.io/v1beta1',
  kind,
  metadata: { name: 'db-credentials', namespace: 'shop' },
  spec: {},
  ...(conditions ? { status: { conditions } } : {}),
});

describe.each([
  ['ExternalSecret', 'secret synced', 'could not get secret data from provider'],
  ['SecretStore', 'store validated', 'unable to validate store: AccessDenied'],
  ['ClusterSecretStore', 'store validated', 'unable to create client: invalid token'],
  ['PushSecret', 'PushSecret synced successfully', 'set secret failed: could not write remote ref'],
])('external-secrets %s', (kind, good, bad) => {
  it.each<Row>([
    ['Ready', es(kind, [{ type: 'Ready', status: 'True', reason: 'SecretSynced', message: good }]), { status: 'Healthy', message: good }],
    [
      'not Ready',
      es(kind, [{ type: 'Ready', status: 'False', reason: 'SecretSyncedError', message: bad }]),
      { status: 'Degraded', message: bad },
    ],
    ['no status yet', es(kind), { status: 'Progressing', message: `Waiting for ${kind}` }],
    [
      'deleted in the provider (Ready Unknown)',
      es(kind, [{ type: 'Ready', status: 'Unknown', reason: 'SecretDeleted' }]),
      { status: 'Progressing', message: `Waiting for ${kind}` },
    ],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

describe('external-secrets ClusterExternalSecret', () => {
  it.each<Row>([
    [
      'the newest condition is Ready',
      es('ClusterExternalSecret', [
        { type: 'PartiallyReady', status: 'True', message: 'one namespace failed' },
        { type: 'Ready', status: 'True', message: 'all ExternalSecrets created' },
      ]),
      { status: 'Healthy', message: 'all ExternalSecrets created' },
    ],
    [
      'the newest condition is PartiallyReady',
      es('ClusterExternalSecret', [
        { type: 'Ready', status: 'True' },
        { type: 'PartiallyReady', status: 'True', message: 'failed in namespace shop' },
      ]),
      { status: 'Degraded', message: 'failed in namespace shop' },
    ],
    [
      'the newest condition is NotReady',
      es('ClusterExternalSecret', [{ type: 'NotReady', status: 'True', message: 'no namespace matched' }]),
      { status: 'Degraded', message: 'no namespace matched' },
    ],
    ['no status yet', es('ClusterExternalSecret'), { status: 'Progressing', message: 'Waiting for ClusterExternalSecret' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});
