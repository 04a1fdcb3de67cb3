import { KubeObject } from '../../store/kube-object';

/** The simulated nodes pods are scheduled onto: `kube-sim-node-1..N`, Ready. */
export function nodeObjects(count: number): KubeObject[] {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return Array.from({ length: Math.max(1, count) }, (_, i) => {
    const name = `kube-sim-node-${i + 1}`;
    const capacity = { cpu: '8', 'ephemeral-storage': '102400Mi', memory: '16Gi', pods: '110' };
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
      spec: { podCIDR: `10.244.${i}.0/24`, podCIDRs: [`10.244.${i}.0/24`] },
      status: {
        addresses: [{ type: 'InternalIP', address: `172.18.0.${i + 2}` }, { type: 'Hostname', address: name }],
        allocatable: capacity,
        capacity,
        conditions: [
          { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: now, lastTransitionTime: now },
          { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastHeartbeatTime: now, lastTransitionTime: now },
          { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastHeartbeatTime: now, lastTransitionTime: now },
          { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: now, lastTransitionTime: now },
        ],
        nodeInfo: { architecture: 'amd64', containerRuntimeVersion: 'containerd://1.7.24', kernelVersion: '6.1.0', kubeProxyVersion: 'v1.32.0', kubeletVersion: 'v1.32.0', operatingSystem: 'linux', osImage: 'kube-sim', bootID: '', machineID: '', systemUUID: '' },
      },
    };
  });
}
