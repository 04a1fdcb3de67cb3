// Which credentials repo-server gets for a source URL (Argo's db.GetRepository): the repository
// Secret for that URL, else the longest matching repo-creds URL prefix, else the bare URL.
import { hasCredentials, normalizeRepoUrl, type Repository } from '@flotilla/api-types';
import { decodeSecretData, type SecretObject } from '../clusters/cluster-secret.codec';

const STRING_FIELDS = ['type', 'name', 'project', 'username', 'password', 'bearerToken', 'sshPrivateKey', 'tlsClientCertData', 'tlsClientCertKey', 'proxy', 'noProxy', 'depth'] as const;
const BOOLEAN_FIELDS = ['insecure', 'insecureIgnoreHostKey', 'enableOCI', 'forceHttpBasicAuth'] as const;

/** A `repository` Secret (keyed by `url`) or a `repo-creds` Secret (its `url` is a prefix). */
export function repositoryFromSecret(secret: SecretObject): Repository {
  const data = decodeSecretData(secret);
  const repo: Record<string, unknown> = { repo: data.url ?? data.repo ?? '' };
  for (const field of STRING_FIELDS) if (data[field]) repo[field] = data[field];
  for (const field of BOOLEAN_FIELDS) if (data[field] === 'true') repo[field] = true;
  return repo as unknown as Repository;
}



export function repositoryFor(url: string, repositories: readonly Repository[], credentials: readonly Repository[], project?: string): Repository {
  const wanted = normalizeRepoUrl(url);
  const matches = repositories.filter((r) => normalizeRepoUrl(r.repo) === wanted);
  const own = matches.find((r) => (r.project ?? '') === (project ?? '')) ?? matches.find((r) => !r.project) ?? matches[0];
  const repo: Repository = own ? { ...own, repo: url } : { repo: url };
  if (hasCredentials(repo)) return repo;
  const template = credentials
    .filter((c) => c.repo && url.toLowerCase().startsWith(c.repo.toLowerCase()))
    .sort((a, b) => b.repo.length - a.repo.length)[0];
  if (!template) return repo;
  const { repo: _prefix, ...creds } = template;
  return { ...creds, ...repo, inheritedCreds: true };
}
