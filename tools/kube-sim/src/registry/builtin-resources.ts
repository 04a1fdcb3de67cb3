import { asServedIn, isServed, KubeVersion, parseKubeVersion } from './kube-versions';
import { ALL_VERBS, ResourceType } from './resource-type';

type Spec = [
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames?: string[],
  subresources?: string[],
  extra?: Partial<ResourceType>,
];

const WORKLOAD = ['all'];
const API_EXTENSIONS = ['api-extensions'];
const CREATE_ONLY: Partial<ResourceType> = { verbs: ['create'], virtual: true };

const GROUPS: Record<string, Spec[]> = {
  v1: [
    ['Binding', 'bindings', true, [], [], CREATE_ONLY],
    ['ComponentStatus', 'componentstatuses', false, ['cs'], [], { verbs: ['get', 'list'], unversioned: true }],
    // Namespace storage implements no DeleteCollection.
    ['Namespace', 'namespaces', false, ['ns'], ['status', 'finalize'], { verbs: ALL_VERBS.filter((v) => v !== 'deletecollection') }],
    ['ConfigMap', 'configmaps', true, ['cm']],
    ['Secret', 'secrets', true],
    ['Service', 'services', true, ['svc'], ['proxy', 'status'], { categories: WORKLOAD }],
    ['ServiceAccount', 'serviceaccounts', true, ['sa'], ['token']],
    ['Pod', 'pods', true, ['po'], ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'status'], { categories: WORKLOAD }],
    ['PodTemplate', 'podtemplates', true],
    ['ReplicationController', 'replicationcontrollers', true, ['rc'], ['scale', 'status'], { categories: WORKLOAD }],
    ['PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc'], ['status']],
    ['PersistentVolume', 'persistentvolumes', false, ['pv'], ['status']],
    ['Endpoints', 'endpoints', true, ['ep']],
    ['Event', 'events', true, ['ev']],
    ['Node', 'nodes', false, ['no'], ['proxy', 'status']],
    ['LimitRange', 'limitranges', true, ['limits']],
    ['ResourceQuota', 'resourcequotas', true, ['quota'], ['status']],
  ],
  'apps/v1': [
    ['Deployment', 'deployments', true, ['deploy'], ['status', 'scale'], { categories: WORKLOAD }],
    ['ReplicaSet', 'replicasets', true, ['rs'], ['status', 'scale'], { categories: WORKLOAD }],
    ['StatefulSet', 'statefulsets', true, ['sts'], ['status', 'scale'], { categories: WORKLOAD }],
    ['DaemonSet', 'daemonsets', true, ['ds'], ['status'], { categories: WORKLOAD }],
    ['ControllerRevision', 'controllerrevisions', true],
  ],
  'batch/v1': [
    ['Job', 'jobs', true, [], ['status'], { categories: WORKLOAD }],
    ['CronJob', 'cronjobs', true, ['cj'], ['status'], { categories: WORKLOAD }],
  ],
  'batch/v1beta1': [['CronJob', 'cronjobs', true, ['cj'], ['status'], { categories: WORKLOAD }]],
  'extensions/v1beta1': [['Ingress', 'ingresses', true, ['ing'], ['status']]],
  'networking.k8s.io/v1': [
    ['Ingress', 'ingresses', true, ['ing'], ['status']],
    ['IngressClass', 'ingressclasses', false],
    ['NetworkPolicy', 'networkpolicies', true, ['netpol']],
  ],
  'networking.k8s.io/v1beta1': [
    ['Ingress', 'ingresses', true, ['ing'], ['status']],
    ['IngressClass', 'ingressclasses', false],
  ],
  'rbac.authorization.k8s.io/v1': [
    ['Role', 'roles', true],
    ['RoleBinding', 'rolebindings', true],
    ['ClusterRole', 'clusterroles', false],
    ['ClusterRoleBinding', 'clusterrolebindings', false],
  ],
  'rbac.authorization.k8s.io/v1beta1': [
    ['Role', 'roles', true],
    ['RoleBinding', 'rolebindings', true],
    ['ClusterRole', 'clusterroles', false],
    ['ClusterRoleBinding', 'clusterrolebindings', false],
  ],
  'apiextensions.k8s.io/v1': [
    ['CustomResourceDefinition', 'customresourcedefinitions', false, ['crd', 'crds'], ['status'], { categories: API_EXTENSIONS }],
  ],
  'apiextensions.k8s.io/v1beta1': [
    ['CustomResourceDefinition', 'customresourcedefinitions', false, ['crd', 'crds'], ['status'], { categories: API_EXTENSIONS }],
  ],
  'admissionregistration.k8s.io/v1': [
    ['MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', false, [], [], { categories: API_EXTENSIONS }],
    ['ValidatingAdmissionPolicy', 'validatingadmissionpolicies', false, [], ['status'], { categories: API_EXTENSIONS }],
    ['ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings', false, [], [], { categories: API_EXTENSIONS }],
    ['ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', false, [], [], { categories: API_EXTENSIONS }],
  ],
  'admissionregistration.k8s.io/v1beta1': [
    ['MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', false, [], [], { categories: API_EXTENSIONS }],
    ['ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', false, [], [], { categories: API_EXTENSIONS }],
  ],
  'apiregistration.k8s.io/v1': [['APIService', 'apiservices', false, [], ['status'], { categories: API_EXTENSIONS }]],
  'apiregistration.k8s.io/v1beta1': [['APIService', 'apiservices', false, [], ['status'], { categories: API_EXTENSIONS }]],
  'certificates.k8s.io/v1': [['CertificateSigningRequest', 'certificatesigningrequests', false, ['csr'], ['approval', 'status']]],
  'certificates.k8s.io/v1beta1': [['CertificateSigningRequest', 'certificatesigningrequests', false, ['csr'], ['approval', 'status']]],
  'events.k8s.io/v1': [['Event', 'events', true, ['ev']]],
  'events.k8s.io/v1beta1': [['Event', 'events', true, ['ev']]],
  'flowcontrol.apiserver.k8s.io/v1': [
    ['FlowSchema', 'flowschemas', false, [], ['status']],
    ['PriorityLevelConfiguration', 'prioritylevelconfigurations', false, [], ['status']],
  ],
  ...Object.fromEntries(
    ['v1beta3', 'v1beta2', 'v1beta1'].map((v) => [
      `flowcontrol.apiserver.k8s.io/${v}`,
      [
        ['FlowSchema', 'flowschemas', false, [], ['status']],
        ['PriorityLevelConfiguration', 'prioritylevelconfigurations', false, [], ['status']],
      ] as Spec[],
    ]),
  ),
  'node.k8s.io/v1': [['RuntimeClass', 'runtimeclasses', false]],
  'node.k8s.io/v1beta1': [['RuntimeClass', 'runtimeclasses', false]],
  'coordination.k8s.io/v1': [['Lease', 'leases', true]],
  'coordination.k8s.io/v1beta1': [['Lease', 'leases', true]],
  'autoscaling/v2': [['HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, ['hpa'], ['status'], { categories: WORKLOAD }]],
  'autoscaling/v1': [['HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, ['hpa'], ['status']]],
  'autoscaling/v2beta1': [['HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, ['hpa'], ['status'], { categories: WORKLOAD }]],
  'autoscaling/v2beta2': [['HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, ['hpa'], ['status'], { categories: WORKLOAD }]],
  'policy/v1': [['PodDisruptionBudget', 'poddisruptionbudgets', true, ['pdb'], ['status']]],
  'policy/v1beta1': [
    ['PodDisruptionBudget', 'poddisruptionbudgets', true, ['pdb'], ['status']],
    ['PodSecurityPolicy', 'podsecuritypolicies', false, ['psp']],
  ],
  'discovery.k8s.io/v1': [['EndpointSlice', 'endpointslices', true]],
  'discovery.k8s.io/v1beta1': [['EndpointSlice', 'endpointslices', true]],
  'storage.k8s.io/v1': [
    ['CSIDriver', 'csidrivers', false],
    ['CSINode', 'csinodes', false],
    ['CSIStorageCapacity', 'csistoragecapacities', true],
    ['StorageClass', 'storageclasses', false, ['sc']],
    ['VolumeAttachment', 'volumeattachments', false, [], ['status']],
  ],
  'storage.k8s.io/v1beta1': [
    ['CSIDriver', 'csidrivers', false],
    ['CSINode', 'csinodes', false],
    ['CSIStorageCapacity', 'csistoragecapacities', true],
    ['StorageClass', 'storageclasses', false, ['sc']],
    ['VolumeAttachment', 'volumeattachments', false],
  ],
  'scheduling.k8s.io/v1': [['PriorityClass', 'priorityclasses', false, ['pc']]],
  'scheduling.k8s.io/v1beta1': [['PriorityClass', 'priorityclasses', false, ['pc']]],
  'authentication.k8s.io/v1': [
    ['TokenReview', 'tokenreviews', false, [], [], CREATE_ONLY],
    ['SelfSubjectReview', 'selfsubjectreviews', false, [], [], CREATE_ONLY],
  ],
  'authentication.k8s.io/v1beta1': [['TokenReview', 'tokenreviews', false, [], [], CREATE_ONLY]],
  'authorization.k8s.io/v1': [
    ['SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, [], [], CREATE_ONLY],
    ['SelfSubjectRulesReview', 'selfsubjectrulesreviews', false, [], [], CREATE_ONLY],
    ['SubjectAccessReview', 'subjectaccessreviews', false, [], [], CREATE_ONLY],
    ['LocalSubjectAccessReview', 'localsubjectaccessreviews', true, [], [], CREATE_ONLY],
  ],
  'authorization.k8s.io/v1beta1': [
    ['SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, [], [], CREATE_ONLY],
    ['SelfSubjectRulesReview', 'selfsubjectrulesreviews', false, [], [], CREATE_ONLY],
    ['SubjectAccessReview', 'subjectaccessreviews', false, [], [], CREATE_ONLY],
    ['LocalSubjectAccessReview', 'localsubjectaccessreviews', true, [], [], CREATE_ONLY],
  ],
};

function build(apiVersion: string, [kind, plural, namespaced, shortNames = [], subresources = [], extra = {}]: Spec): ResourceType {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return {
    group,
    version,
    kind,
    listKind: `${kind}List`,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    shortNames,
    categories: [],
    verbs: ALL_VERBS,
    subresources,
    custom: false,
    ...extra,
  };
}

/**
 * The built-in API surface a simulated cluster serves, in discovery order: the groups, resources,
 * short names, categories and subresources of a kube-apiserver of that minor (1.32 by default)
 * with its default feature gates (pkg/registry/<group>/rest/storage_*.go, `kubectl api-resources`
 * of a kind cluster); which beta versions a minor still serves is in kube-versions.ts.
 */
export function builtinResources(version: KubeVersion = parseKubeVersion()): ResourceType[] {
  return Object.entries(GROUPS).flatMap(([gv, specs]) => specs.filter(([kind]) => isServed(version, gv, kind)).map((s) => asServedIn(version, build(gv, s))));
}
