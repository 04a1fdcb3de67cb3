import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

type Row = [string, KubeObject, HealthStatus];

const c = (type: string, status: string, message?: string, observedGeneration = 2): object => ({
  type,
  status,
  observedGeneration,
  ...(message ? { message } : {}),
});
const fine = [c('Accepted', 'True'), c('Programmed', 'True')];

const gateway = (status?: object): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name: 'public', namespace: 'infra', generation: 2 },
  spec: { gatewayClassName: 'istio', listeners: [{ name: 'https', port: 443, protocol: 'HTTPS' }] },
  ...(status ? { status } : {}),
});

describe('Gateway API Gateway', () => {
  it.each<Row>([
    [
      'programmed',
      gateway({ conditions: fine, listeners: [{ name: 'https', conditions: [...fine, c('ResolvedRefs', 'True')] }] }),
      { status: 'Healthy', message: 'Gateway is healthy' },
    ],
    [
      'not accepted',
      gateway({ conditions: [c('Accepted', 'False', 'GatewayClass "istio" not found'), c('Programmed', 'False')] }),
      { status: 'Degraded', message: 'GatewayClass "istio" not found' },
    ],
    [
      'being programmed',
      gateway({ conditions: [c('Accepted', 'True'), c('Programmed', 'Unknown')] }),
      { status: 'Progressing', message: 'Gateway is still being programmed' },
    ],
    [
      'a listener with a missing certificate',
      gateway({
        conditions: fine,
        listeners: [{ name: 'https', conditions: [c('ResolvedRefs', 'False', 'Secret infra/public-tls does not exist')] }],
      }),
      { status: 'Degraded', message: 'Listener: Secret infra/public-tls does not exist' },
    ],
    [
      'a listener still being programmed',
      gateway({
        conditions: fine,
        listeners: [{ name: 'https', conditions: [c('Accepted', 'True'), c('Programmed', 'False', 'Waiting for load balancer')] }],
      }),
      { status: 'Progressing', message: 'Listener: Waiting for load balancer' },
    ],
    ['no status yet', gateway(), { status: 'Progressing', message: 'Waiting for Gateway status' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

const route = (parents?: object[]): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'shop', namespace: 'shop', generation: 2 },
  spec: { parentRefs: [{ name: 'public', namespace: 'infra' }] },
  ...(parents ? { status: { parents } } : {}),
});
const parent = (conditions: object[]): object => ({
  parentRef: { name: 'public', namespace: 'infra' },
  controllerName: 'istio.io/gateway-controller',
  conditions,
});

describe('Gateway API HTTPRoute', () => {
  it.each<Row>([
    [
      'accepted by its parent',
      route([parent([c('Accepted', 'True'), c('ResolvedRefs', 'True')])]),
      { status: 'Healthy', message: 'HTTPRoute is healthy' },
    ],
    [
      'a backend that does not exist',
      route([parent([c('Accepted', 'True'), c('ResolvedRefs', 'False', 'Service shop/web not found')])]),
      { status: 'Degraded', message: 'Parent public: Service shop/web not found' },
    ],
    [
      'not accepted',
      route([parent([c('Accepted', 'False')])]),
      { status: 'Degraded', message: 'Parent public: Failed condition: Accepted' },
    ],
    [
      'conditions about an older generation',
      route([parent([c('Accepted', 'False', 'old', 1)])]),
      { status: 'Progressing', message: 'Waiting for HTTPRoute status' },
    ],
    ['no parent has answered', route([]), { status: 'Progressing', message: 'Waiting for HTTPRoute status' }],
    ['no status yet', route(), { status: 'Progressing', message: 'Waiting for HTTPRoute status' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});
