import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

type Row = [string, KubeObject, HealthStatus];

const flux = (apiVersion: string, kind: string, spec: object, conditions?: object[]): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name: 'podinfo', namespace: 'flux-system', generation: 2 },
  spec,
  ...(conditions ? { status: { observedGeneration: 2, conditions } } : {}),
});
const c = (type: string, status: string, reason: string, message = ''): object => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: '2024-05-01T10:00:00Z',
});

const kustomization = (conditions?: object[], spec: object = {}): KubeObject =>
  flux(
    'kustomize.toolkit.fluxcd.io/v1',
    'Kustomization',
    { interval: '10m', path: './deploy', prune: true, sourceRef: { kind: 'GitRepository', name: 'podinfo' }, ...spec },
    conditions,
  );

describe('Flux Kustomization', () => {
  it.each<Row>([
    [
      'applied',
      kustomization([c('Ready', 'True', 'ReconciliationSucceeded', 'Applied revision: main@sha1:6c1f1e')]),
      { status: 'Healthy', message: 'ReconciliationSucceeded' },
    ],
    [
      'reconciling',
      kustomization([
        c('Reconciling', 'True', 'Progressing', 'Running health checks'),
        c('Ready', 'Unknown', 'Progressing', 'Reconciliation in progress'),
      ]),
      { status: 'Progressing', message: 'Progressing' },
    ],
    [
      'failed and stalled',
      kustomization([
        c('Stalled', 'True', 'BuildFailed', 'kustomize build failed'),
        c('Ready', 'False', 'BuildFailed', 'kustomize build failed'),
      ]),
      { status: 'Degraded', message: 'BuildFailed' },
    ],
    [
      'health check failed',
      kustomization([c('Ready', 'False', 'HealthCheckFailed', 'timeout waiting for: [Deployment/default/podinfo]')]),
      { status: 'Degraded', message: 'HealthCheckFailed' },
    ],
    [
      'suspended',
      kustomization([c('Ready', 'True', 'ReconciliationSucceeded')], { suspend: true }),
      { status: 'Suspended', message: 'Kustomization is suspended' },
    ],
    ['no status yet', kustomization(), { status: 'Progressing', message: 'Status unknown' }],
    ['conditions without Ready yet', kustomization([]), { status: 'Progressing', message: 'Status unknown' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

const helmRelease = (conditions?: object[], spec: object = {}): KubeObject =>
  flux(
    'helm.toolkit.fluxcd.io/v2',
    'HelmRelease',
    { interval: '5m', chart: { spec: { chart: 'podinfo', sourceRef: { kind: 'HelmRepository', name: 'podinfo' } } }, ...spec },
    conditions,
  );

describe('Flux HelmRelease', () => {
  it.each<Row>([
    [
      'installed',
      helmRelease([c('Ready', 'True', 'InstallSucceeded'), c('Released', 'True', 'InstallSucceeded')]),
      { status: 'Healthy', message: 'InstallSucceeded' },
    ],
    [
      'upgraded and tested (Argo CD counts three True conditions as Degraded; Flotilla does not)',
      helmRelease([
        c('Ready', 'True', 'TestSucceeded'),
        c('Released', 'True', 'UpgradeSucceeded'),
        c('TestSuccess', 'True', 'TestSucceeded'),
      ]),
      { status: 'Healthy', message: 'TestSucceeded' },
    ],
    [
      'upgrading',
      helmRelease([
        c('Ready', 'Unknown', 'Progressing'),
        c('Reconciling', 'True', 'Progressing'),
        c('Released', 'True', 'InstallSucceeded'),
      ]),
      { status: 'Progressing', message: 'Progressing' },
    ],
    [
      'upgrade failed',
      helmRelease([
        c('Ready', 'False', 'UpgradeFailed', 'Helm upgrade failed'),
        c('Released', 'False', 'UpgradeFailed'),
        c('Stalled', 'True', 'RetriesExceeded'),
      ]),
      { status: 'Degraded', message: 'UpgradeFailed' },
    ],
    [
      'tests failed',
      helmRelease([c('Ready', 'False', 'TestFailed'), c('Released', 'True', 'InstallSucceeded'), c('TestSuccess', 'False', 'TestFailed')]),
      { status: 'Degraded', message: 'TestFailed' },
    ],
    [
      'Ready without a release',
      helmRelease([c('Ready', 'True', 'ReconciliationSucceeded')]),
      { status: 'Degraded', message: 'ReconciliationSucceeded' },
    ],
    ['suspended', helmRelease(undefined, { suspend: true }), { status: 'Suspended', message: 'HelmRelease is suspended' }],
    ['no status yet', helmRelease(), { status: 'Progressing', message: 'Status unknown' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

describe.each([
  ['GitRepository', { url: 'https://github.com/stefanprodan/podinfo', ref: { branch: 'master' } }],
  ['OCIRepository', { url: 'oci://ghcr.io/stefanprodan/manifests/podinfo', ref: { tag: 'latest' } }],
  ['HelmRepository', { url: 'https://stefanprodan.github.io/podinfo' }],
  ['HelmChart', { chart: 'podinfo', sourceRef: { kind: 'HelmRepository', name: 'podinfo' } }],
  ['Bucket', { bucketName: 'manifests', endpoint: 'minio.example.com' }],
])('Flux %s', (kind, spec) => {
  const source = (conditions?: object[], more: object = {}): KubeObject =>
    flux('source.toolkit.fluxcd.io/v1', kind, { interval: '1m', ...spec, ...more }, conditions);
  it.each<Row>([
    [
      'artifact stored',
      source([c('Ready', 'True', 'Succeeded', 'stored artifact for revision'), c('ArtifactInStorage', 'True', 'Succeeded')]),
      { status: 'Healthy', message: 'Succeeded' },
    ],
    [
      'fetching a new revision',
      source([c('Reconciling', 'True', 'NewRevision'), c('Ready', 'Unknown', 'Progressing'), c('ArtifactInStorage', 'True', 'Succeeded')]),
      { status: 'Progressing', message: 'Progressing' },
    ],
    [
      'the stored artifact is outdated',
      source([
        c('Ready', 'Unknown', 'NewRevision'),
        c('ArtifactOutdated', 'True', 'NewRevision'),
        c('ArtifactInStorage', 'True', 'Succeeded'),
      ]),
      { status: 'Degraded', message: 'NewRevision NewRevision' },
    ],
    [
      'fetch failed',
      source([c('Ready', 'False', 'GitOperationFailed', 'authentication required'), c('FetchFailed', 'True', 'GitOperationFailed')]),
      { status: 'Degraded', message: 'GitOperationFailed' },
    ],
    ['suspended', source(undefined, { suspend: true }), { status: 'Suspended', message: `${kind} is suspended` }],
    ['no status yet', source(), { status: 'Progressing', message: 'Status unknown' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

it('a Flux HelmRepository of type oci is Healthy without a status', () => {
  const repo = flux('source.toolkit.fluxcd.io/v1', 'HelmRepository', { type: 'oci', url: 'oci://ghcr.io/stefanprodan/charts' });
  expect(assessHealth(repo)).toEqual({
    status: 'Healthy',
    message: "Helm repositories of type 'oci' do not contain any information in the status.",
  });
});
