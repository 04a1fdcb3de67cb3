import { KubeObject } from '../store/kube-object';

/**
 * What `kubectl get componentstatuses` lists on a healthy 1.32 control plane (deprecated since
 * 1.19, still served: pkg/registry/core/componentstatus/rest.go probes these three).
 */
export function componentStatusObjects(): KubeObject[] {
  return ['controller-manager', 'scheduler', 'etcd-0'].map((name) => ({
    apiVersion: 'v1',
    kind: 'ComponentStatus',
    metadata: { name },
    conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }],
  }));
}
