import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

type Row = [string, KubeObject, HealthStatus];

const xp = (apiVersion: string, kind: string, status?: object): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name: 'orders', generation: 1 },
  spec: { forProvider: { region: 'eu-west-1' } },
  ...(status ? { status } : {}),
});
const c = (type: string, status: string, reason: string, message = ''): object => ({
  type,
  status,
  reason,
  ...(message ? { message } : {}),
});
const synced = c('Synced', 'True', 'ReconcileSuccess');

describe.each([
  ['a managed resource', 'rds.aws.crossplane.io/v1alpha1', 'DBInstance'],
  ['an Upbound provider resource', 's3.aws.upbound.io/v1beta1', 'Bucket'],
  ['a composite resource', 'platform.crossplane.io/v1alpha1', 'XPostgreSQLInstance'],
])('Crossplane: %s', (_what, apiVersion, kind) => {
  it.each<Row>([
    [
      'Ready and Synced',
      xp(apiVersion, kind, { conditions: [synced, c('Ready', 'True', 'Available')] }),
      { status: 'Healthy', message: 'Resource is up-to-date.' },
    ],
    [
      'being created',
      xp(apiVersion, kind, { conditions: [synced, c('Ready', 'False', 'Creating')] }),
      { status: 'Progressing', message: 'Provisioning ...' },
    ],
    [
      'failed to sync',
      xp(apiVersion, kind, {
        conditions: [
          c('Synced', 'False', 'ReconcileError', 'create failed: InvalidParameterValue: engine version'),
          c('Ready', 'False', 'Creating'),
        ],
      }),
      { status: 'Degraded', message: 'create failed: InvalidParameterValue: engine version' },
    ],
    [
      'failed to sync after becoming Ready',
      xp(apiVersion, kind, {
        conditions: [c('Ready', 'True', 'Available'), c('Synced', 'False', 'ReconcileError', 'update failed: throttled')],
      }),
      { status: 'Degraded', message: 'update failed: throttled' },
    ],
    [
      'an async operation failed',
      xp(apiVersion, kind, { conditions: [c('LastAsyncOperation', 'False', 'ApplyFailure', 'apply failed: quota exceeded'), synced] }),
      { status: 'Degraded', message: 'apply failed: quota exceeded' },
    ],
    ['no status yet', xp(apiVersion, kind), { status: 'Progressing', message: 'Provisioning ...' }],
    ['an empty status', xp(apiVersion, kind, {}), { status: 'Progressing', message: 'Provisioning ...' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

describe('Crossplane kinds without a status or with their own readiness', () => {
  it.each<Row>([
    [
      'a Composition has no status and is Healthy',
      xp('apiextensions.crossplane.io/v1', 'Composition'),
      { status: 'Healthy', message: 'Resource is up-to-date.' },
    ],
    [
      'a ProviderConfig without a status is Healthy',
      xp('aws.upbound.io/v1beta1', 'ProviderConfig'),
      { status: 'Healthy', message: 'Resource is up-to-date.' },
    ],
    [
      'a ProviderConfig in use',
      xp('aws.crossplane.io/v1beta1', 'ProviderConfig', { users: 3 }),
      { status: 'Healthy', message: 'Resource is in use.' },
    ],
    [
      'an XRD Established and Offered',
      xp('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition', {
        conditions: [c('Established', 'True', 'WatchingCompositeResource'), c('Offered', 'True', 'WatchingCompositeResourceClaim')],
      }),
      { status: 'Healthy', message: 'Resource is up-to-date.' },
    ],
    [
      'an XRD not yet established',
      xp('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition', {
        conditions: [c('Established', 'False', 'TerminatedCompositeResource')],
      }),
      { status: 'Progressing', message: 'Provisioning ...' },
    ],
    [
      'an Upbound kind reporting only Healthy is not Ready',
      xp('aws.upbound.io/v1beta1', 'Thing', { conditions: [c('Healthy', 'True', 'Fine')] }),
      { status: 'Progressing', message: 'Provisioning ...' },
    ],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

describe.each(['Provider', 'Function', 'Configuration'])('Crossplane package %s', (kind) => {
  const pkg = (conditions?: object[]): KubeObject => xp('pkg.crossplane.io/v1', kind, conditions ? { conditions } : undefined);
  it.each<Row>([
    [
      'installed and healthy',
      pkg([c('Installed', 'True', 'ActivePackageRevision'), c('Healthy', 'True', 'HealthyPackageRevision')]),
      { status: 'Healthy', message: 'ActivePackageRevision HealthyPackageRevision' },
    ],
    [
      'unhealthy revision',
      pkg([c('Installed', 'True', 'ActivePackageRevision'), c('Healthy', 'False', 'UnhealthyPackageRevision')]),
      { status: 'Degraded', message: 'ActivePackageRevision UnhealthyPackageRevision' },
    ],
    [
      'not installed',
      pkg([c('Installed', 'False', 'UnpackingPackage'), c('Healthy', 'Unknown', 'UnknownPackageRevisionHealth')]),
      { status: 'Degraded', message: 'UnpackingPackage UnknownPackageRevisionHealth' },
    ],
    [
      'health not known yet',
      pkg([c('Installed', 'True', 'ActivePackageRevision'), c('Healthy', 'Unknown', 'UnknownPackageRevisionHealth')]),
      { status: 'Progressing', message: 'Waiting for provider to be installed' },
    ],
    ['no status yet', pkg(), { status: 'Progressing', message: 'Waiting for provider to be installed' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

it('a group that only ends like Crossplane has no health', () => {
  expect(assessHealth(xp('notcrossplane.io/v1', 'Thing'))).toBeUndefined();
});
