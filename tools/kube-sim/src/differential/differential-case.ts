import { DiffTarget } from './diff-target.harness';
import { Observation } from './observation.harness';

/** One request sequence run against each target; equal observations mean kube-sim answers as the real server. */
export interface DifferentialCase {
  /** The key of its observation in the recording. */
  name: string;
  /** Per target; cases that wait on a controller or a watch timeout need more than Jest's 30 s. */
  timeoutMs?: number;
  /**
   * Why kube-sim still answers otherwise, while its fix is pending: its kube-sim test is then expected
   * to fail (it.failing), so CI stays green and turns red the moment kube-sim agrees, to drop this.
   */
  kubeSimDiffers?: string;
  observe(target: DiffTarget): Promise<Observation>;
}
