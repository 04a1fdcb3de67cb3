import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

const sealed = (conditions?: object[]): KubeObject => ({
  apiVersion: 'bitnami.com/v1alpha1',
  kind: 'SealedSecret',
  metadata: { name: 'db-password', namespace: 'shop' },
  spec: { encryptedData: { password: 'AgBy3i4OJSWK+PiTySYZZA==' } },
  ...(conditions ? { status: { conditions } } : {}),
});

describe('sealed-secrets SealedSecret', () => {
  it.each<[string, KubeObject, HealthStatus]>([
    ['unsealed', sealed([{ type: 'Synced', status: 'True' }]), { status: 'Healthy' }],
    [
      'cannot be unsealed',
      sealed([{ type: 'Synced', status: 'False', reason: 'ErrUnsealFailed', message: 'no key could decrypt secret (password)' }]),
      { status: 'Degraded', message: 'no key could decrypt secret (password)' },
    ],
    ['no status yet', sealed(), { status: 'Progressing', message: 'Waiting for Sealed Secret to be decrypted' }],
    ['no Synced condition yet', sealed([]), { status: 'Progressing', message: 'Waiting for Sealed Secret to be decrypted' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});
