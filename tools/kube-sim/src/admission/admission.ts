import { StatusCause } from '../api/status-error';
import { ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';

/** What admission may need from the cluster: the clock and allocators a real API server has. */
export interface AdmissionContext {
  now: Date;
  /** Allocates a Service ClusterIP from the service CIDR. */
  allocateClusterIP(): string;
  /** Allocates a NodePort in 30000-32767. */
  allocateNodePort(): number;
  /** The cluster's Kubernetes minor (kube-versions.ts); 1.32 when absent. */
  kubeMinor?: number;
}

/**
 * One kind's admission: fill the defaults a client sees after create, and validate.
 * Causes use Kubernetes' wording, e.g. `{ reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' }`.
 */
export interface KindAdmission {
  defaults?(obj: KubeObject, ctx: AdmissionContext, old?: KubeObject): void;
  validate?(obj: KubeObject, old?: KubeObject): StatusCause[];
}

export type AdmissionTable = Record<string, KindAdmission>;

/** `apps/Deployment`, `/Service`: the key used in admission tables. */
export const admissionKey = (t: Pick<ResourceType, 'group' | 'kind'>): string => `${t.group}/${t.kind}`;
