import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

type Row = [string, KubeObject, HealthStatus];

const cm = (kind: string, conditions?: object[]): KubeObject => ({
  apiVersion: 'cert-manager.io/v1',
  kind,
  metadata: { name: 'web-tls', namespace: 'shop', generation: 1 },
  spec: {},
  ...(conditions ? { status: { conditions } } : {}),
});
const ready = (status: string, reason: string, message: string): object => ({
  type: 'Ready',
  status,
  reason,
  message,
  observedGeneration: 1,
});

describe('cert-manager Certificate', () => {
  it.each<Row>([
    [
      'Ready',
      cm('Certificate', [ready('True', 'Ready', 'Certificate is up to date and has not expired')]),
      { status: 'Healthy', message: 'Certificate is up to date and has not expired' },
    ],
    [
      'issuing the first time (Ready False, Issuing True)',
      cm('Certificate', [
        ready('False', 'DoesNotExist', 'Issuing certificate as Secret does not exist'),
        { type: 'Issuing', status: 'True', reason: 'DoesNotExist', message: 'Issuing certificate as Secret does not exist' },
      ]),
      { status: 'Progressing', message: 'Issuing certificate as Secret does not exist' },
    ],
    [
      'renewing (Ready True, Issuing True)',
      cm('Certificate', [
        ready('True', 'Ready', 'Certificate is up to date and has not expired'),
        { type: 'Issuing', status: 'True', reason: 'Renewing', message: 'Renewing certificate as renewal was scheduled at 2024-05-01' },
      ]),
      { status: 'Progressing', message: 'Renewing certificate as renewal was scheduled at 2024-05-01' },
    ],
    [
      'failed to issue',
      cm('Certificate', [
        ready('False', 'Failed', 'The certificate request has failed to complete and will be retried'),
        { type: 'Issuing', status: 'False', reason: 'Failed', message: 'The certificate request has failed' },
      ]),
      { status: 'Degraded', message: 'The certificate request has failed to complete and will be retried' },
    ],
    ['no status yet', cm('Certificate'), { status: 'Progressing', message: 'Waiting for certificate' }],
    ['no conditions yet', cm('Certificate', []), { status: 'Progressing', message: 'Waiting for certificate' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

describe('cert-manager CertificateRequest', () => {
  it.each<Row>([
    [
      'issued',
      cm('CertificateRequest', [
        { type: 'Approved', status: 'True' },
        ready('True', 'Issued', 'Certificate fetched from issuer successfully'),
      ]),
      { status: 'Healthy', message: 'Certificate fetched from issuer successfully' },
    ],
    [
      'pending at the issuer',
      cm('CertificateRequest', [
        { type: 'Approved', status: 'True' },
        ready('False', 'Pending', 'Waiting on certificate issuance from order shop/web-tls-1'),
      ]),
      { status: 'Progressing', message: 'Waiting on certificate issuance from order shop/web-tls-1' },
    ],
    [
      'failed',
      cm('CertificateRequest', [ready('False', 'Failed', 'Failed to sign certificate: ca key mismatch')]),
      { status: 'Degraded', message: 'Failed to sign certificate: ca key mismatch' },
    ],
    [
      'denied by an approver',
      cm('CertificateRequest', [
        { type: 'Denied', status: 'True', reason: 'policy.cert-manager.io', message: 'dnsName not allowed' },
        ready('False', 'Denied', 'The CertificateRequest was denied by an approval controller'),
      ]),
      { status: 'Degraded', message: 'dnsName not allowed' },
    ],
    [
      'invalid',
      cm('CertificateRequest', [
        { type: 'InvalidRequest', status: 'True', reason: 'BadConfig', message: 'Certificate request is malformed' },
      ]),
      { status: 'Degraded', message: 'Certificate request is malformed' },
    ],
    ['no status yet', cm('CertificateRequest'), { status: 'Progressing', message: 'Waiting for certificate request to be issued' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

describe.each([
  ['Issuer', 'Initializing issuer'],
  ['ClusterIssuer', 'Initializing ClusterIssuer'],
])('cert-manager %s', (kind, waiting) => {
  it.each<Row>([
    [
      'registered',
      cm(kind, [ready('True', 'ACMEAccountRegistered', 'The ACME account was registered with the ACME server')]),
      { status: 'Healthy', message: 'The ACME account was registered with the ACME server' },
    ],
    [
      'failing',
      cm(kind, [ready('False', 'ErrRegisterACMEAccount', 'Failed to register ACME account: 403')]),
      { status: 'Degraded', message: 'Failed to register ACME account: 403' },
    ],
    ['no status yet', cm(kind), { status: 'Progressing', message: waiting }],
    ['Ready Unknown', cm(kind, [ready('Unknown', 'Pending', 'checking')]), { status: 'Progressing', message: waiting }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

it('another group with a cert-manager kind name has no health', () => {
  expect(assessHealth({ apiVersion: 'example.com/v1', kind: 'Certificate', metadata: { name: 'x' } })).toBeUndefined();
});
