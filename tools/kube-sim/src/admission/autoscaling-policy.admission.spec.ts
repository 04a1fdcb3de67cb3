import { KubeObject } from '../store/kube-object';
import { admit, messages } from './admission.fixture';

const hpa = (apiVersion: string, spec: object): KubeObject => ({ apiVersion, kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, ...spec } });

describe('autoscaling and policy admission', () => {
  it('defaults an autoscaling/v2beta1 HPA (1.20 … 1.24) to CPU at 80% in that version\'s words', () => {
    const beta = hpa('autoscaling/v2beta1', {});
    expect(admit('autoscaling/HorizontalPodAutoscaler', beta)).toEqual([]);
    expect((beta.spec as any).metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', targetAverageUtilization: 80 } }]);
  });

  it('fills a v2 behavior field by field, and only when one is given', () => {
    const plain = hpa('autoscaling/v2', {});
    expect(admit('autoscaling/HorizontalPodAutoscaler', plain)).toEqual([]);
    expect(plain.spec).toMatchObject({ minReplicas: 1, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] });
    expect((plain.spec as any).behavior).toBeUndefined();
    const tuned = hpa('autoscaling/v2', { behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } });
    admit('autoscaling/HorizontalPodAutoscaler', tuned);
    expect((tuned.spec as any).behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
  });

  it('keeps autoscaling/v1 in its own shape', () => {
    const v1 = hpa('autoscaling/v1', { targetCPUUtilizationPercentage: 60 });
    admit('autoscaling/HorizontalPodAutoscaler', v1);
    expect(v1.spec).toEqual({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, minReplicas: 1, targetCPUUtilizationPercentage: 60 });
  });

  it('refuses a PodDisruptionBudget with both bounds', () => {
    const pdb: KubeObject = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p' }, spec: { minAvailable: 1, maxUnavailable: '150%' } };
    expect(messages(admit('policy/PodDisruptionBudget', pdb)).map((m) => m.replace(/Invalid value: .*: /, 'Invalid value: …: '))).toEqual([
      'spec.maxUnavailable: Invalid value: …: must not be greater than 100%',
      'spec: Invalid value: …: minAvailable and maxUnavailable cannot be both set',
    ]);
  });
});
