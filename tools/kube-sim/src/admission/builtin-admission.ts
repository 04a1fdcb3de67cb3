import { AdmissionTable } from './admission';
import { daemonSetAdmission, deploymentAdmission, replicaSetAdmission, statefulSetAdmission } from './apps.admission';
import { hpaAdmission, pdbAdmission } from './autoscaling-policy.admission';
import { cronJobAdmission, jobAdmission } from './batch.admission';
import { configMapAdmission, endpointsAdmission, namespaceAdmission, pvAdmission, pvcAdmission, secretAdmission, storageClassAdmission } from './core.admission';
import { crdAdmission } from './crd.admission';
import { ingressAdmission, networkPolicyAdmission } from './networking.admission';
import { podAdmission } from './pod.admission';
import { clusterRoleBindingAdmission, clusterRoleRbacAdmission, roleBindingAdmission, roleRbacAdmission } from './rbac.admission';
import { serviceAdmission } from './service.admission';

/**
 * The defaulting and validation kube-apiserver applies to built-in kinds, keyed by `admissionKey()`
 * (`apps/Deployment`, `/Service`). Kinds without an entry (Lease, Event, ServiceAccount) get only
 * the metadata checks.
 */
export function builtinAdmission(): AdmissionTable {
  return {
    '/Pod': podAdmission,
    '/Service': serviceAdmission,
    '/Namespace': namespaceAdmission,
    '/Secret': secretAdmission,
    '/ConfigMap': configMapAdmission,
    '/PersistentVolumeClaim': pvcAdmission,
    '/PersistentVolume': pvAdmission,
    '/Endpoints': endpointsAdmission,
    'apps/Deployment': deploymentAdmission,
    'apps/ReplicaSet': replicaSetAdmission,
    'apps/StatefulSet': statefulSetAdmission,
    'apps/DaemonSet': daemonSetAdmission,
    'batch/Job': jobAdmission,
    'batch/CronJob': cronJobAdmission,
    'networking.k8s.io/Ingress': ingressAdmission,
    'networking.k8s.io/NetworkPolicy': networkPolicyAdmission,
    'rbac.authorization.k8s.io/Role': roleRbacAdmission,
    'rbac.authorization.k8s.io/ClusterRole': clusterRoleRbacAdmission,
    'rbac.authorization.k8s.io/RoleBinding': roleBindingAdmission,
    'rbac.authorization.k8s.io/ClusterRoleBinding': clusterRoleBindingAdmission,
    'apiextensions.k8s.io/CustomResourceDefinition': crdAdmission,
    'autoscaling/HorizontalPodAutoscaler': hpaAdmission,
    'policy/PodDisruptionBudget': pdbAdmission,
    'storage.k8s.io/StorageClass': storageClassAdmission,
  };
}
