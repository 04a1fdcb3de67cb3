import { ControllerContext, ObjectKey, Reconciler } from '../controllers/controller-runtime';
import { SYSTEM_CONTROLLER } from '../cluster/request-options';
import { KubeObject } from '../store/kube-object';
import { ServiceAccountTokens } from './service-account-tokens';

export const SA_TOKEN_SECRET_TYPE = 'kubernetes.io/service-account-token';
const SA_NAME = 'kubernetes.io/service-account.name';
const SA_UID = 'kubernetes.io/service-account.uid';

/** The legacy token controller: fills `kubernetes.io/service-account-token` Secrets with a non-expiring token. */
export class TokenSecretReconciler implements Reconciler {
  readonly name = 'serviceaccount-token';
  readonly primary = { group: '', plural: 'secrets' };

  constructor(
    private readonly tokens: ServiceAccountTokens,
    private readonly caPem: string,
  ) {}

  reconcile(key: ObjectKey, ctx: ControllerContext): number | void {
    const secrets = ctx.resource('', 'secrets');
    const secret = ctx.api.find(secrets, key.namespace, key.name);
    if (!secret || secret.type !== SA_TOKEN_SECRET_TYPE || secret.metadata.deletionTimestamp) return;
    const saName = secret.metadata.annotations?.[SA_NAME];
    if (!saName) return;
    const sa = ctx.api.find(ctx.resource('', 'serviceaccounts'), key.namespace, saName);
    if (!sa) return 1000;
    const data = (secret.data ?? {}) as Record<string, string>;
    if (data.token && secret.metadata.annotations?.[SA_UID] === sa.metadata.uid) return;
    const token = this.tokens.issue(
      { namespace: key.namespace, serviceAccount: { name: saName, uid: sa.metadata.uid! }, bound: { kind: 'Secret', name: key.name, uid: secret.metadata.uid! }, audiences: ['https://kubernetes.default.svc.cluster.local'] },
      ctx.now(),
    );
    const b64 = (s: string): string => Buffer.from(s).toString('base64');
    const next: KubeObject = {
      ...secret,
      metadata: { ...secret.metadata, annotations: { ...secret.metadata.annotations, [SA_UID]: sa.metadata.uid! } },
      data: { ...data, 'ca.crt': b64(this.caPem), namespace: b64(key.namespace), token: b64(token) },
    };
    ctx.api.update(secrets, key.namespace, key.name, next, { fieldManager: 'kube-controller-manager', user: SYSTEM_CONTROLLER });
  }
}
