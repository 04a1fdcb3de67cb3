export { startKubeSim } from './kube-sim';
export type { KubeSim, KubeSimOptions } from './kube-sim';
export { renderKubeconfig } from './kubeconfig';
export type { ClusterAccess } from './kubeconfig';
export type { FaultSettings, Faults } from './faults/faults';
export type { WorkloadTiming } from './controllers/controller-runtime';
export type { KubeObject } from './store/kube-object';
export { eventually, startKubectlHarness } from '../conformance/kubectl.harness';
export type { KubectlHarness, KubectlResult } from '../conformance/kubectl.harness';
