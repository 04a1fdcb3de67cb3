import { ControllerContext, ObjectKey, Reconciler } from '../controllers/controller-runtime';
import { SYSTEM_CONTROLLER } from '../cluster/request-options';
import { KubeObject } from '../store/kube-object';
import { StoreEvent } from '../store/object.store';
import { ServiceAccountTokens } from './service-account-tokens';

export const SA_TOKEN_SECRET_TYPE = 'kubernetes.io/service-account-token';
const SA_NAME = 'kubernetes.io/service-account.name';
const SA_UID = 'kubernetes.io/service-account.uid';
const WAIT_FOR_ACCOUNT_MS = 1000;

const b64 = (s: string): string => Buffer.from(s).toString('base64');

/**
 * kube-controller-manager's token controller: fills `kubernetes.io/service-account-token` Secrets
 * with a non-expiring token, and deletes them once their ServiceAccount is gone or replaced.
 */
export class TokenSecretReconciler implements Reconciler {
  readonly name = 'serviceaccount-token';
  readonly primary = { group: '', plural: 'secrets' };

  constructor(
    private readonly tokens: ServiceAccountTokens,
    private readonly caPem: string,
  ) {}

  /** A ServiceAccount appearing or going away wakes the token Secrets that name it. */
  mapEvent(e: StoreEvent, ctx: ControllerContext): ObjectKey[] {
    if (e.resource !== '/serviceaccounts' || e.type === 'MODIFIED') return [];
    return ctx.store
      .list('/secrets', { namespace: e.object.namespace })
      .items.filter((s) => {
        const secret = JSON.parse(s.json) as KubeObject;
        return secret.type === SA_TOKEN_SECRET_TYPE && secret.metadata.annotations?.[SA_NAME] === e.object.name;
      })
      .map((s) => ({ namespace: s.namespace, name: s.name }));
  }

  reconcile(key: ObjectKey, ctx: ControllerContext): number | void {
    const secrets = ctx.resource('', 'secrets');
    const secret = ctx.api.find(secrets, key.namespace, key.name);
    if (!secret || secret.type !== SA_TOKEN_SECRET_TYPE || secret.metadata.deletionTimestamp) return;
    const saName = secret.metadata.annotations?.[SA_NAME];
    if (!saName) return;
    const sa = ctx.api.find(ctx.resource('', 'serviceaccounts'), key.namespace, saName);
    const boundUid = secret.metadata.annotations?.[SA_UID];
    if (boundUid && (!sa || sa.metadata.uid !== boundUid)) {
      ctx.api.delete(secrets, key.namespace, key.name, { user: SYSTEM_CONTROLLER, preconditions: { uid: secret.metadata.uid } });
      return;
    }
    // A Secret written before its account waits for it rather than being dropped.
    if (!sa) return WAIT_FOR_ACCOUNT_MS;
    const data = (secret.data ?? {}) as Record<string, string>;
    if (boundUid && data.token && data['ca.crt'] === b64(this.caPem) && data.namespace === b64(key.namespace)) return;
    const token = data.token || b64(this.tokens.issueLegacy({ namespace: key.namespace, serviceAccount: { name: saName, uid: sa.metadata.uid! }, secretName: key.name }));
    const next: KubeObject = {
      ...secret,
      metadata: { ...secret.metadata, annotations: { ...secret.metadata.annotations, [SA_UID]: sa.metadata.uid! } },
      data: { ...data, 'ca.crt': b64(this.caPem), namespace: b64(key.namespace), token },
    };
    ctx.api.update(secrets, key.namespace, key.name, next, { fieldManager: 'kube-controller-manager', user: SYSTEM_CONTROLLER });
  }
}
