import { Repository, REPOSITORY_SECRET_FIELDS, SECRET_TYPE_LABEL, SECRET_TYPE_REPOSITORY } from '@flotilla/api-types';
import { decodeSecretData, encodeSecretData, KubeSecret, MANAGED_BY_ANNOTATION, MANAGED_BY_ARGOCD } from '../secrets/kube-secret';
import { repoUrlToSecretName } from '../secrets/secret-name';

// Argo CD's repository Secret layout (util/db/repository_secrets.go): one key per field, booleans as "true".
const STRING_FIELDS = [
  'repo',
  'type',
  'name',
  'project',
  'username',
  'password',
  'bearerToken',
  'sshPrivateKey',
  'tlsClientCertData',
  'tlsClientCertKey',
  'proxy',
  'noProxy',
  'depth',
] as const;
const BOOLEAN_FIELDS = ['insecure', 'insecureIgnoreHostKey', 'enableOCI', 'forceHttpBasicAuth'] as const;

type StringField = (typeof STRING_FIELDS)[number];
type BooleanField = (typeof BOOLEAN_FIELDS)[number];

/** The repository a `repository` Secret (or the credentials a `repo-creds` Secret, keyed by `url`) describes. */
export function repositoryFromSecret(secret: KubeSecret): Repository {
  const data = decodeSecretData(secret);
  const repo: Repository = { repo: data.repo ?? data.url ?? '' };
  for (const field of STRING_FIELDS)
    if (field !== 'repo' && data[field]) (repo as unknown as Record<StringField, string>)[field] = data[field];
  for (const field of BOOLEAN_FIELDS) if (data[field] === 'true') (repo as unknown as Record<BooleanField, boolean>)[field] = true;
  return repo;
}

export function repositoryToSecret(
  repo: Repository,
  namespace: string,
  name = repoUrlToSecretName('repo', repo.repo, repo.project ?? ''),
): KubeSecret {
  const data: Record<string, string> = {};
  for (const field of STRING_FIELDS) {
    const value = repo[field];
    if (typeof value === 'string' && value !== '') data[field] = value;
  }
  for (const field of BOOLEAN_FIELDS) if (repo[field]) data[field] = 'true';
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name,
      namespace,
      labels: { [SECRET_TYPE_LABEL]: SECRET_TYPE_REPOSITORY },
      annotations: { [MANAGED_BY_ANNOTATION]: MANAGED_BY_ARGOCD },
    },
    type: 'Opaque',
    data: encodeSecretData(data),
  };
}

/** What the API may show of a repository (Argo's Repository.Sanitized): no password, token or private keys. */
export function sanitizeRepository(repo: Repository): Repository {
  const copy: Repository = { ...repo, type: repo.type ?? 'git', insecure: !!(repo.insecure || repo.insecureIgnoreHostKey) };
  for (const field of REPOSITORY_SECRET_FIELDS) delete copy[field];
  delete copy.tlsClientCertData;
  delete copy.insecureIgnoreHostKey;
  return copy;
}



/** Whether a stored repository equals a requested one in every field Argo CD compares. */
export function sameRepository(a: Repository, b: Repository): boolean {
  const fields = [...STRING_FIELDS, ...BOOLEAN_FIELDS];
  return fields.every((f) => (a[f] ?? '') === (b[f] ?? '') || (f === 'type' && (a.type ?? 'git') === (b.type ?? 'git')));
}
