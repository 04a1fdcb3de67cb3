/** Hands out Service ClusterIPs from 10.96.0.0/12 and NodePorts from 30000-32767, never twice. */
export class IpAllocator {
  private nextIp = 10;
  private nextPort = 30000;

  /** 10.96.0.1 is the `kubernetes` Service's, as in kubeadm clusters. */
  static readonly KUBERNETES_SERVICE_IP = '10.96.0.1';

  clusterIP(): string {
    const n = this.nextIp++;
    return `10.${96 + ((n >> 16) & 0x0f)}.${(n >> 8) & 0xff}.${n & 0xff}`;
  }

  nodePort(): number {
    const p = this.nextPort;
    this.nextPort = this.nextPort >= 32767 ? 30000 : this.nextPort + 1;
    return p;
  }
}
