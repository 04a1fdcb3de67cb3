import { errors, StatusError } from '../api/status-error';
import type { SimulatedCluster } from '../cluster/simulated-cluster';
import { KubeObject } from '../store/kube-object';
import { VirtualCreate } from './auth';
import { BoundObject, SA_TOKEN_ISSUER, ServiceAccountTokens } from './service-account-tokens';

const MIN_EXPIRATION_SECONDS = 600;
const MAX_EXPIRATION_SECONDS = 2 ** 32;
const DEFAULT_EXPIRATION_SECONDS = 3600;

interface BoundObjectRef {
  kind?: string;
  apiVersion?: string;
  name?: string;
  uid?: string;
}

interface TokenRequestSpec {
  audiences?: string[];
  expirationSeconds?: number;
  boundObjectRef?: BoundObjectRef | null;
}

/** `POST …/serviceaccounts/<name>/token` (what `kubectl create token` calls): a signed, expiring token. */
export function tokenRequestCreate(cluster: () => SimulatedCluster, tokens: ServiceAccountTokens): VirtualCreate {
  return ({ namespace, name = '', body }) => {
    const c = cluster();
    const saType = c.resource('', 'serviceaccounts');
    const spec = (body.spec ?? {}) as TokenRequestSpec;
    if (body.metadata?.name && body.metadata.name !== name) {
      throw errors.invalid(tokenRequestType(c), name, [{ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${body.metadata.name}": must match the service account name if specified` }]);
    }
    const sa = c.api.find(saType, namespace, name);
    if (!sa) throw errors.notFound(saType, name);
    const expirationSeconds = spec.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
    validateExpiration(c, expirationSeconds);
    const bound = boundObject(c, namespace, name, spec.boundObjectRef ?? undefined);
    const now = c.ctx.now();
    const expiresAt = Math.floor(now.getTime() / 1000) + expirationSeconds;
    const audiences = spec.audiences?.length ? spec.audiences : [SA_TOKEN_ISSUER];
    const token = tokens.issue({ namespace, serviceAccount: { name, uid: sa.metadata.uid! }, audiences, expiresAt, bound }, now);
    const boundObjectRef = spec.boundObjectRef ? { ...spec.boundObjectRef, uid: bound?.uid } : null;
    return {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { name, namespace },
      spec: { audiences, expirationSeconds, boundObjectRef },
      status: { token, expirationTimestamp: new Date(expiresAt * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') },
    } satisfies KubeObject;
  };
}

function validateExpiration(c: SimulatedCluster, seconds: number): void {
  const why = seconds < MIN_EXPIRATION_SECONDS ? 'may not specify a duration less than 10 minutes' : seconds > MAX_EXPIRATION_SECONDS ? 'may not specify a duration larger than 2^32 seconds' : undefined;
  if (!why) return;
  // kube reports the TokenRequest itself as invalid, with an empty name.
  throw errors.invalid(tokenRequestType(c), '', [{ reason: 'FieldValueInvalid', field: 'spec.expirationSeconds', message: `Invalid value: ${seconds}: ${why}` }]);
}

const tokenRequestType = (c: SimulatedCluster) => ({ ...c.resource('', 'serviceaccounts'), group: 'authentication.k8s.io', kind: 'TokenRequest' });

/** Resolves boundObjectRef to a live Pod or Secret, with the checks kube's token REST makes. */
function boundObject(c: SimulatedCluster, namespace: string, saName: string, ref: BoundObjectRef | undefined): BoundObject | undefined {
  if (!ref) return undefined;
  const apiVersion = ref.apiVersion ?? 'v1';
  if (apiVersion !== 'v1' || (ref.kind !== 'Pod' && ref.kind !== 'Secret')) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    throw errors.badRequest(`cannot bind token to object of type ${group}/${version}, Kind=${ref.kind ?? ''}`);
  }
  const t = c.resource('', ref.kind === 'Pod' ? 'pods' : 'secrets');
  const obj = c.api.find(t, namespace, ref.name ?? '');
  if (!obj) throw errors.notFound(t, ref.name ?? '');
  const podAccount = ((obj.spec ?? {}) as { serviceAccountName?: string }).serviceAccountName ?? 'default';
  if (ref.kind === 'Pod' && podAccount !== saName) {
    throw errors.badRequest(`cannot bind token for serviceaccount "${saName}" to pod running with different serviceaccount name.`);
  }
  const uid = obj.metadata.uid!;
  if (ref.uid && ref.uid !== uid) {
    const message = `Operation cannot be fulfilled on ${ref.kind} "${ref.name}": the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`;
    throw new StatusError(409, 'Conflict', message, { name: ref.name, group: '', kind: ref.kind });
  }
  return { kind: ref.kind, name: ref.name!, uid };
}
