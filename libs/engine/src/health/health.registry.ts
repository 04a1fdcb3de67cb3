// Which health check applies to which group/Kind; kinds not listed have no health (as CronJob, ConfigMap).
import { groupOf, type HealthStatus, type KubeObject } from '@flotilla/api-types';
import { apiServiceHealth } from './apiservice.health';
import { applicationHealth } from './application.health';
import { daemonSetHealth } from './daemonset.health';
import { deploymentHealth } from './deployment.health';
import type { HealthCheck } from './health-check';
import { horizontalPodAutoscalerHealth } from './horizontalpodautoscaler.health';
import { ingressHealth } from './ingress.health';
import { jobHealth } from './job.health';
import { persistentVolumeClaimHealth } from './persistentvolumeclaim.health';
import { podHealth } from './pod.health';
import { replicaSetHealth } from './replicaset.health';
import { serviceHealth } from './service.health';
import { statefulSetHealth } from './statefulset.health';
import { workflowHealth } from './workflow.health';

const HOOK_FINALIZER = 'argocd.argoproj.io/hook-finalizer';

const CHECKS: Record<string, HealthCheck> = {
  'apps/Deployment': deploymentHealth,
  'apps/StatefulSet': statefulSetHealth,
  'apps/DaemonSet': daemonSetHealth,
  'apps/ReplicaSet': replicaSetHealth,
  '/Pod': podHealth,
  '/Service': serviceHealth,
  '/PersistentVolumeClaim': persistentVolumeClaimHealth,
  'batch/Job': jobHealth,
  'networking.k8s.io/Ingress': ingressHealth,
  'extensions/Ingress': ingressHealth,
  'autoscaling/HorizontalPodAutoscaler': horizontalPodAutoscalerHealth,
  'argoproj.io/Application': applicationHealth,
  'argoproj.io/Workflow': workflowHealth,
  'apiregistration.k8s.io/APIService': apiServiceHealth,
};

/** The built-in check for a group/Kind, if any. */
export const healthCheckFor = (group: string, kind: string): HealthCheck | undefined => CHECKS[`${group}/${kind}`];

/** Health of a live object; undefined when its kind has no health (it then never affects the app's health). */
export function assessHealth(obj: KubeObject): HealthStatus | undefined {
  // A hook finalizer holds hooks back on purpose; anything else being deleted is on its way out.
  if (obj.metadata?.deletionTimestamp && !obj.metadata.finalizers?.includes(HOOK_FINALIZER)) {
    return { status: 'Progressing', message: 'Pending deletion' };
  }
  const check = healthCheckFor(groupOf(obj.apiVersion), obj.kind ?? '');
  if (!check) return undefined;
  try {
    return check(obj);
  } catch (err) {
    return { status: 'Unknown', message: (err as Error).message };
  }
}
