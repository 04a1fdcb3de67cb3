// Which health check applies to which group/Kind; kinds not listed have no health (as CronJob, ConfigMap).
// A Lua check from argocd-cm overrides the built-in one, as in gitops-engine's GetResourceHealth;
// built-ins go by exact group/Kind first, then by wildcard group (the Crossplane families); last, the
// generic Ready condition rule for kinds listed in argocd-cm's flotilla.health.readyCondition.kinds.
import { groupOf, type HealthStatus, type KubeObject } from '@flotilla/api-types';
import { healthCustomizationFor } from '../customizations/customizations-for-kind';
import { globMatch, overrideKeyOf } from '../customizations/override-key';
import { readyConditionConfigured } from '../customizations/ready-condition-kinds';
import type { ResourceCustomizations } from '../customizations/resource-customizations';
import { apiServiceHealth } from './apiservice.health';
import { applicationHealth } from './application.health';
import { argoRolloutsHealthChecks } from './crds/argo-rollouts.health';
import { argoWorkflowsHealthChecks } from './crds/argo-workflows.health';
import { certManagerHealthChecks } from './crds/cert-manager.health';
import { cloudnativePgHealthChecks } from './crds/cloudnative-pg.health';
import { clusterApiHealthChecks } from './crds/cluster-api.health';
import { crossplaneHealthChecks, crossplaneWildcardHealthChecks } from './crds/crossplane.health';
import { externalSecretsHealthChecks } from './crds/external-secrets.health';
import { fluxHealthChecks } from './crds/flux.health';
import { gatewayApiHealthChecks } from './crds/gateway-api.health';
import { istioHealthChecks } from './crds/istio.health';
import { kedaHealthChecks } from './crds/keda.health';
import { knativeHealthChecks } from './crds/knative.health';
import { kyvernoHealthChecks } from './crds/kyverno.health';
import { prometheusOperatorHealthChecks } from './crds/prometheus-operator.health';
import { sealedSecretsHealthChecks } from './crds/sealed-secrets.health';
import { strimziHealthChecks } from './crds/strimzi.health';
import { daemonSetHealth } from './daemonset.health';
import { deploymentHealth } from './deployment.health';
import type { HealthCheck } from './health-check';
import { horizontalPodAutoscalerHealth } from './horizontalpodautoscaler.health';
import { ingressHealth } from './ingress.health';
import { jobHealth } from './job.health';
import { luaHealth } from './lua/lua-script.health';
import { persistentVolumeClaimHealth } from './persistentvolumeclaim.health';
import { podHealth } from './pod.health';
import { configuredReadyConditionHealth } from './ready-condition.health';
import { replicaSetHealth } from './replicaset.health';
import { serviceHealth } from './service.health';
import { statefulSetHealth } from './statefulset.health';

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
  'apiregistration.k8s.io/APIService': apiServiceHealth,
  ...argoRolloutsHealthChecks,
  ...certManagerHealthChecks,
  ...externalSecretsHealthChecks,
  ...sealedSecretsHealthChecks,
  ...kedaHealthChecks,
  ...fluxHealthChecks,
  ...crossplaneHealthChecks,
  ...argoWorkflowsHealthChecks,
  ...knativeHealthChecks,
  ...prometheusOperatorHealthChecks,
  ...cloudnativePgHealthChecks,
  ...strimziHealthChecks,
  ...kyvernoHealthChecks,
  ...gatewayApiHealthChecks,
  ...clusterApiHealthChecks,
  ...istioHealthChecks,
};

/** Built-in checks for whole groups (override-key globs), tried in order after every exact kind. */
const WILDCARD_CHECKS: [string, HealthCheck][] = [...crossplaneWildcardHealthChecks];

/** The built-in check for a group/Kind, if any: its own, else the first wildcard group's. */
export function healthCheckFor(group: string, kind: string): HealthCheck | undefined {
  const exact = CHECKS[`${group}/${kind}`];
  if (exact) return exact;
  const key = overrideKeyOf(group, kind);
  return WILDCARD_CHECKS.find(([pattern]) => globMatch(pattern, key))?.[1];
}

export interface HealthOptions {
  /** argocd-cm resource customizations, whose Lua health checks come first. */
  customizations?: ResourceCustomizations;
  /** The clock Lua's os.time() and os.date() read, in milliseconds since the epoch. */
  now?: () => number;
}

export interface HealthAssessment {
  /** Undefined when the kind has no health (or its Lua check returned none). */
  health?: HealthStatus;
  /** Why a custom check failed (health is then Unknown with this message), for an app condition. */
  error?: string;
}

/** Health of a live object, and why a custom check failed, if it did. */
export function assessResourceHealth(obj: KubeObject, opts: HealthOptions = {}): HealthAssessment {
  // A hook finalizer holds hooks back on purpose; anything else being deleted is on its way out.
  if (obj.metadata?.deletionTimestamp && !obj.metadata.finalizers?.includes(HOOK_FINALIZER)) {
    return { health: { status: 'Progressing', message: 'Pending deletion' } };
  }
  const group = groupOf(obj.apiVersion);
  const kind = obj.kind ?? '';
  const custom = opts.customizations && healthCustomizationFor(opts.customizations, group, kind);
  if (custom) return luaHealth(custom.script, obj, { useOpenLibs: custom.useOpenLibs, name: custom.key, now: opts.now });
  // Then the built-ins, then the Ready condition rule for the kinds argocd-cm lists for it.
  const check =
    healthCheckFor(group, kind) ??
    (readyConditionConfigured(opts.customizations?.readyConditionKinds, group, kind) ? configuredReadyConditionHealth : undefined);
  if (!check) return {};
  try {
    return { health: check(obj) };
  } catch (err) {
    return { health: { status: 'Unknown', message: (err as Error).message } };
  }
}

/** Health of a live object; undefined when its kind has no health (it then never affects the app's health). */
export const assessHealth = (obj: KubeObject, opts?: HealthOptions): HealthStatus | undefined => assessResourceHealth(obj, opts).health;
