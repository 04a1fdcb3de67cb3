import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

type Row = [string, KubeObject, HealthStatus];

const operator = (status?: object): KubeObject => ({
  apiVersion: 'install.istio.io/v1alpha1',
  kind: 'IstioOperator',
  metadata: { name: 'control-plane', namespace: 'istio-system', generation: 1 },
  spec: { profile: 'default' },
  ...(status ? { status } : {}),
});

describe('Istio IstioOperator', () => {
  it.each<Row>([
    [
      'healthy',
      operator({ status: 'HEALTHY', componentStatus: { Base: { status: 'HEALTHY' }, Pilot: { status: 'HEALTHY' } } }),
      { status: 'Healthy', message: 'All Istio components are healthy' },
    ],
    ['healthy as an enum number', operator({ status: 3 }), { status: 'Healthy', message: 'All Istio components are healthy' }],
    [
      'reconciling',
      operator({ status: 'RECONCILING', componentStatus: { Base: { status: 'HEALTHY' }, Pilot: { status: 'RECONCILING' } } }),
      { status: 'Progressing', message: 'Istio components are being reconciled (Pilot RECONCILING)' },
    ],
    ['updating', operator({ status: 'UPDATING' }), { status: 'Progressing', message: 'Istio components are being updated' }],
    [
      'a component in error',
      operator({
        status: 'ERROR',
        componentStatus: {
          Base: { status: 'ERROR', error: 'failed to create CRD' },
          IngressGateways: { status: 4 },
          Pilot: { status: 'HEALTHY' },
        },
      }),
      { status: 'Degraded', message: 'Istio components are in error (Base ERROR: failed to create CRD; IngressGateways ERROR)' },
    ],
    [
      'action required',
      operator({ status: 'ACTION_REQUIRED' }),
      { status: 'Degraded', message: 'Istio components need action from an operator' },
    ],
    ['nothing installed yet', operator({ status: 'NONE' }), { status: 'Progressing', message: 'No Istio component is installed yet' }],
    ['no status yet', operator(), { status: 'Progressing', message: 'Waiting for the Istio operator to report a status' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

const config = (group: string, kind: string, status?: object, generation = 2): KubeObject => ({
  apiVersion: `${group}/v1`,
  kind,
  metadata: { name: 'shop', namespace: 'shop', generation },
  spec: {},
  ...(status ? { status } : {}),
});

const reconciled = (status: string, message?: string): object => ({ type: 'Reconciled', status, ...(message ? { message } : {}) });
const analysis = (code: string, name: string, level: string | number, message?: string): object => ({
  type: { code, name },
  level,
  documentationUrl: `https://istio.io/latest/docs/reference/config/analysis/${code.toLowerCase()}/`,
  ...(message ? { message } : {}),
});

const KINDS: [string, string][] = [
  ['networking.istio.io', 'VirtualService'],
  ['networking.istio.io', 'DestinationRule'],
  ['networking.istio.io', 'Gateway'],
  ['networking.istio.io', 'ServiceEntry'],
  ['networking.istio.io', 'Sidecar'],
  ['security.istio.io', 'PeerAuthentication'],
  ['security.istio.io', 'AuthorizationPolicy'],
  ['security.istio.io', 'RequestAuthentication'],
];

describe.each(KINDS)('Istio %s %s', (group, kind) => {
  it.each<Row>([
    ['no status (status writing is off by default)', config(group, kind), { status: 'Healthy' }],
    ['reconciled', config(group, kind, { observedGeneration: 2, conditions: [reconciled('True')] }), { status: 'Healthy' }],
    [
      'reconciled with a warning',
      config(group, kind, {
        observedGeneration: 2,
        conditions: [reconciled('True')],
        validationMessages: [analysis('IST0102', 'NamespaceNotInjected', 'WARNING')],
      }),
      { status: 'Healthy' },
    ],
    [
      'still being distributed',
      config(group, kind, { observedGeneration: 2, conditions: [reconciled('False', '61/122 complete')] }),
      { status: 'Progressing', message: '61/122 complete' },
    ],
    [
      'an older generation reconciled',
      config(group, kind, { observedGeneration: 1, conditions: [reconciled('True')] }),
      { status: 'Progressing', message: 'Waiting for istiod to reconcile generation 2' },
    ],
    [
      'an analyzer error',
      config(group, kind, {
        conditions: [reconciled('True')],
        validationMessages: [
          analysis('IST0101', 'ReferencedResourceNotFound', 'ERROR', 'Referenced gateway not found: "bogus"'),
          analysis('IST0118', 'PortNameIsNotUnderNamingConvention', 'INFO'),
        ],
      }),
      { status: 'Degraded', message: 'IST0101 ReferencedResourceNotFound: Referenced gateway not found: "bogus"' },
    ],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

describe('Istio config analysis messages', () => {
  it.each<Row>([
    [
      'ERROR as its enum number, before a pending Reconciled',
      config('networking.istio.io', 'DestinationRule', {
        conditions: [reconciled('False')],
        validationMessages: [analysis('IST0128', 'NoServerCertificateVerificationDestinationLevel', 3)],
      }),
      { status: 'Degraded', message: 'IST0128 NoServerCertificateVerificationDestinationLevel' },
    ],
    [
      'the docs example shape (code, level Error, message)',
      config('networking.istio.io', 'VirtualService', {
        validationMessages: [
          { code: 'IST0101', level: 'Error', message: 'Referenced gateway not found: "bogus-gateway"' },
          { code: 'IST0102', level: 'Warn', message: 'mTLS not enabled' },
        ],
      }),
      { status: 'Degraded', message: 'IST0101: Referenced gateway not found: "bogus-gateway"' },
    ],
    [
      'every ERROR named',
      config('security.istio.io', 'AuthorizationPolicy', {
        validationMessages: [
          analysis('IST0101', 'ReferencedResourceNotFound', 'ERROR'),
          analysis('IST0145', 'ConflictingGateways', 'ERROR'),
        ],
      }),
      { status: 'Degraded', message: 'IST0101 ReferencedResourceNotFound; IST0145 ConflictingGateways' },
    ],
    [
      'a status with INFO only',
      config('networking.istio.io', 'Sidecar', { validationMessages: [analysis('IST0118', 'PortNameIsNotUnderNamingConvention', 12)] }),
      { status: 'Healthy' },
    ],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});
