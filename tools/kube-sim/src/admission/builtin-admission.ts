import { AdmissionTable } from './admission';
import { crdAdmission, hpaAdmission, ingressAdmission, networkPolicyAdmission, roleAdmission, roleBindingAdmission } from './cluster.admission';
import { configMapAdmission, endpointsAdmission, namespaceAdmission, podAdmission, pvcAdmission, secretAdmission, serviceAdmission } from './core.admission';
import { cronJobAdmission, daemonSetAdmission, deploymentAdmission, jobAdmission, replicaSetAdmission, statefulSetAdmission } from './workload.admission';

/** Defaulting and validation per built-in kind, keyed by `admissionKey()` (`apps/Deployment`, `/Service`). */
export function builtinAdmission(): AdmissionTable {
  return {
    '/Pod': podAdmission,
    '/Service': serviceAdmission,
    '/Namespace': namespaceAdmission,
    '/Secret': secretAdmission,
    '/ConfigMap': configMapAdmission,
    '/PersistentVolumeClaim': pvcAdmission,
    '/Endpoints': endpointsAdmission,
    'apps/Deployment': deploymentAdmission,
    'apps/ReplicaSet': replicaSetAdmission,
    'apps/StatefulSet': statefulSetAdmission,
    'apps/DaemonSet': daemonSetAdmission,
    'batch/Job': jobAdmission,
    'batch/CronJob': cronJobAdmission,
    'apiextensions.k8s.io/CustomResourceDefinition': crdAdmission,
    'rbac.authorization.k8s.io/Role': roleAdmission,
    'rbac.authorization.k8s.io/ClusterRole': roleAdmission,
    'rbac.authorization.k8s.io/RoleBinding': roleBindingAdmission,
    'rbac.authorization.k8s.io/ClusterRoleBinding': roleBindingAdmission,
    'networking.k8s.io/NetworkPolicy': networkPolicyAdmission,
    'networking.k8s.io/Ingress': ingressAdmission,
    'autoscaling/HorizontalPodAutoscaler': hpaAdmission,
  };
}
