// HorizontalPodAutoscaler health, case by case as gitops-engine's getHPAHealth tells them apart: autoscaling/v2
// reads status.conditions, autoscaling/v1 the conditions annotation; every failing condition is looked for before
// a healthy one.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from './health.registry';

interface Cond {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

const v2 = (conditions: Cond[] | undefined, apiVersion = 'autoscaling/v2'): KubeObject => ({
  apiVersion,
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'api', namespace: 'shop' },
  spec: { minReplicas: 2, maxReplicas: 10 },
  status: conditions ? { currentReplicas: 2, desiredReplicas: 2, conditions } : { currentReplicas: 2, desiredReplicas: 2 },
});

const v1 = (annotation?: string): KubeObject => ({
  apiVersion: 'autoscaling/v1',
  kind: 'HorizontalPodAutoscaler',
  metadata: {
    name: 'api',
    namespace: 'shop',
    ...(annotation === undefined ? {} : { annotations: { 'autoscaling.alpha.kubernetes.io/conditions': annotation } }),
  },
  spec: { minReplicas: 2, maxReplicas: 10, targetCPUUtilizationPercentage: 80 },
  status: { currentReplicas: 2, desiredReplicas: 2 },
});

const ableToScale: Cond = {
  type: 'AbleToScale',
  status: 'True',
  reason: 'ReadyForNewScale',
  message: 'recommended size matches current size',
};
const limited: Cond = {
  type: 'ScalingLimited',
  status: 'True',
  reason: 'TooFewReplicas',
  message: 'the desired replica count is less than the minimum replica count',
};
const fail = (type: string, reason: string): Cond => ({ type, status: 'False', reason, message: `${reason}: the HPA was unable to do it` });
const waiting: HealthStatus = { status: 'Progressing', message: 'Waiting to Autoscale' };

const failures: [string, string][] = [
  ['AbleToScale', 'FailedGetScale'],
  ['AbleToScale', 'FailedUpdateScale'],
  ['ScalingActive', 'FailedGetResourceMetric'],
  ['ScalingActive', 'FailedGetObjectMetric'],
  ['ScalingActive', 'FailedGetPodsMetric'],
  ['ScalingActive', 'FailedGetExternalMetric'],
  ['ScalingActive', 'FailedComputeMetricsReplicas'],
  ['ScalingActive', 'InvalidSelector'],
];

const cases: [string, KubeObject, HealthStatus][] = [
  ...failures.map(([type, reason]): [string, KubeObject, HealthStatus] => [
    `v2 ${type}/${reason}`,
    v2([fail(type, reason)]),
    { status: 'Degraded', message: `${reason}: the HPA was unable to do it` },
  ]),
  ...failures.map(([type, reason]): [string, KubeObject, HealthStatus] => [
    `v1 annotation ${type}/${reason}`,
    v1(JSON.stringify([fail(type, reason)])),
    { status: 'Degraded', message: `${reason}: the HPA was unable to do it` },
  ]),
  [
    'v2 failure listed after a healthy condition',
    v2([ableToScale, fail('ScalingActive', 'FailedGetResourceMetric')]),
    { status: 'Degraded', message: 'FailedGetResourceMetric: the HPA was unable to do it' },
  ],
  [
    'v1 failure listed after a healthy condition',
    v1(JSON.stringify([ableToScale, fail('AbleToScale', 'FailedGetScale')])),
    { status: 'Degraded', message: 'FailedGetScale: the HPA was unable to do it' },
  ],
  ['a failing reason under another type is no failure', v2([fail('AbleToScale', 'FailedGetResourceMetric')]), waiting],
  ['v2 able to scale', v2([ableToScale]), { status: 'Healthy', message: 'recommended size matches current size' }],
  [
    'v2 scaling limited',
    v2([{ type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled' }, limited]),
    { status: 'Healthy', message: 'the desired replica count is less than the minimum replica count' },
  ],
  [
    'v2 the first healthy condition gives the message',
    v2([limited, ableToScale]),
    { status: 'Healthy', message: 'the desired replica count is less than the minimum replica count' },
  ],
  [
    'v2 ScalingActive True alone is not healthy',
    v2([{ type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'ok' }]),
    waiting,
  ],
  [
    'v2 not able to scale for another reason',
    v2([{ type: 'AbleToScale', status: 'False', reason: 'BackoffBoth', message: 'waiting' }]),
    waiting,
  ],
  ['v2 no conditions yet', v2(undefined), waiting],
  ['v1 without the annotation', v1(), waiting],
  ['v1 with no conditions', v1('[]'), waiting],
  ['v1 with null conditions', v1('null'), waiting],
  ['v1 able to scale', v1(JSON.stringify([ableToScale])), { status: 'Healthy', message: 'recommended size matches current size' }],
  [
    'v1 field names are matched without case, as Go decodes them',
    v1('[{"Type":"ScalingLimited","STATUS":"True","message":"capped"}]'),
    { status: 'Healthy', message: 'capped' },
  ],
  [
    'v1 annotation that is not a list',
    v1('{"type":"AbleToScale"}'),
    {
      status: 'Unknown',
      message:
        'failed to convert conditions annotation to typed: json: cannot unmarshal object into Go value of type []health.hpaCondition',
    },
  ],
  [
    'v1 condition that is not an object',
    v1('["AbleToScale"]'),
    {
      status: 'Unknown',
      message: 'failed to convert conditions annotation to typed: json: cannot unmarshal string into Go value of type health.hpaCondition',
    },
  ],
  [
    'v1 condition field that is not a string',
    v1('[{"type":"AbleToScale","status":true}]'),
    {
      status: 'Unknown',
      message:
        'failed to convert conditions annotation to typed: json: cannot unmarshal bool into Go struct field hpaCondition.Status of type string',
    },
  ],
  [
    'v1 empty annotation',
    v1(''),
    { status: 'Unknown', message: 'failed to convert conditions annotation to typed: unexpected end of JSON input' },
  ],
  [
    'v1 cut-off annotation',
    v1('[{"type":"AbleToScale"'),
    { status: 'Unknown', message: 'failed to convert conditions annotation to typed: unexpected end of JSON input' },
  ],
  [
    'v2beta2, which Argo CD no longer converts',
    v2([ableToScale], 'autoscaling/v2beta2'),
    { status: 'Unknown', message: 'unsupported HPA GVK: autoscaling/v2beta2, Kind=HorizontalPodAutoscaler' },
  ],
];

describe('HorizontalPodAutoscaler health', () => {
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(assessHealth(obj)).toEqual(expected);
  });

  it.each([
    ['[{type: AbleToScale}]', "invalid character 't' looking for beginning of object key string"],
    ['[{"type" "AbleToScale"}]', `invalid character '"' after object key`],
    ['[{"type":"AbleToScale" "status":"True"}]', `invalid character '"' after object key:value pair`],
    ['[{"type":"AbleToScale"} {}]', "invalid character '{' after array element"],
    ['[] []', "invalid character '[' after top-level value"],
    ['AbleToScale', "invalid character 'A' looking for beginning of value"],
  ])('a v1 annotation that is not JSON (%s) is Unknown with the error Go gives', (annotation, error) => {
    expect(assessHealth(v1(annotation))).toEqual({ status: 'Unknown', message: `failed to convert conditions annotation to typed: ${error}` });
  });
});
