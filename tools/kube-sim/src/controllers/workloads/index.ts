import { Reconciler } from '../controller-runtime';
import { EventsApiMirror } from '../events/events-api.mirror';
import { EventTtlReconciler } from '../events/event-ttl.reconciler';
import { CronJobReconciler } from './cronjob.reconciler';
import { DaemonSetReconciler } from './daemonset.reconciler';
import { DeploymentReconciler } from './deployment.reconciler';
import { JobReconciler } from './job.reconciler';
import { HpaReconciler, IngressReconciler, LoadBalancerReconciler, VolumeBinderReconciler } from './network-storage.reconcilers';
import { PodReconciler } from './pod.reconciler';
import { ReplicaSetReconciler } from './replicaset.reconciler';
import { StatefulSetReconciler } from './statefulset.reconciler';

export { nodeObjects } from './nodes';
export { FAIL_ANNOTATION, START_MS_ANNOTATION } from './pod.reconciler';

/** The simulated kube-controller-manager, scheduler and kubelet of one cluster. */
export function workloadReconcilers(): Reconciler[] {
  return [
    new DeploymentReconciler(),
    new ReplicaSetReconciler(),
    new StatefulSetReconciler(),
    new DaemonSetReconciler(),
    new JobReconciler(),
    new CronJobReconciler(),
    new PodReconciler(),
    new LoadBalancerReconciler(),
    new IngressReconciler(),
    new VolumeBinderReconciler(),
    new HpaReconciler(),
    // The Events these controllers write: expiry, and their events.k8s.io/v1 face.
    new EventTtlReconciler(),
    new EventsApiMirror(),
  ];
}
