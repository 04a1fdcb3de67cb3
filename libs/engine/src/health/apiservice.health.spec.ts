// APIService health by its Available condition, as gitops-engine's getApiregistrationv1APIServiceHealth reads it.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from './health.registry';

const apiService = (conditions?: object[], apiVersion = 'apiregistration.k8s.io/v1'): KubeObject => ({
  apiVersion,
  kind: 'APIService',
  metadata: { name: 'v1beta1.metrics.k8s.io' },
  spec: { group: 'metrics.k8s.io', version: 'v1beta1', service: { name: 'metrics-server', namespace: 'kube-system' } },
  status: conditions ? { conditions } : {},
});

const available = (status: string, reason: string, message?: string) => ({ type: 'Available', status, reason, ...(message ? { message } : {}) });

const cases: [string, KubeObject, HealthStatus][] = [
  ['available', apiService([available('True', 'Passed', 'all checks passed')]), { status: 'Healthy', message: 'Passed: all checks passed' }],
  ['available, served locally without a message', apiService([available('True', 'Local')]), { status: 'Healthy', message: 'Local: ' }],
  [
    'not available',
    apiService([available('False', 'FailedDiscoveryCheck', 'failing or missing response from https://10.0.0.1:443')]),
    { status: 'Progressing', message: 'FailedDiscoveryCheck: failing or missing response from https://10.0.0.1:443' },
  ],
  ['availability unknown', apiService([available('Unknown', 'NoEndpoints', 'no endpoints')]), { status: 'Progressing', message: 'NoEndpoints: no endpoints' }],
  ['the first Available condition counts', apiService([available('False', 'A', 'a'), available('True', 'B', 'b')]), { status: 'Progressing', message: 'A: a' }],
  ['no Available condition yet', apiService([{ type: 'Other', status: 'True' }]), { status: 'Progressing', message: 'Waiting to be processed' }],
  ['no status yet', apiService(), { status: 'Progressing', message: 'Waiting to be processed' }],
  ['v1beta1', apiService([available('True', 'Passed', 'ok')], 'apiregistration.k8s.io/v1beta1'), { status: 'Healthy', message: 'Passed: ok' }],
  [
    'a version Argo does not convert',
    apiService([available('True', 'Passed', 'ok')], 'apiregistration.k8s.io/v2'),
    { status: 'Unknown', message: 'unsupported APIService GVK: apiregistration.k8s.io/v2, Kind=APIService' },
  ],
];

describe('APIService health', () => {
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(assessHealth(obj)).toEqual(expected);
  });
});
