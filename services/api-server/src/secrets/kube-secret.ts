import type { ObjectMeta } from '@flotilla/api-types';

/** A core/v1 Secret as the API returns it: `data` values are base64. */
export interface KubeSecret {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: ObjectMeta & { name: string };
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/** Argo CD marks the Secrets it writes itself. */
export const MANAGED_BY_ANNOTATION = 'managed-by';
export const MANAGED_BY_ARGOCD = 'argocd.argoproj.io';
/** Annotations and labels that belong to tooling, not to the user's cluster or repository. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

export const decodeSecretData = (secret: Pick<KubeSecret, 'data'> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(secret?.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));

export const encodeSecretData = (data: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')]));
