// How Argo CD tells repositories apart and whether one carries its own credentials; shared by the
// api-server (repository API) and the app-controller (credentials for rendering).
import type { KubeObject } from './kube-object.types';
import type { Repository } from './repository.types';

/** Argo CD compares repository URLs case-insensitively and without a trailing `.git` or `/`. */
export const normalizeRepoUrl = (url: string): string =>
  url
    .trim()
    .toLowerCase()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');

/** Whether a repository carries credentials of its own (otherwise repo-creds may supply them). */
export const hasCredentials = (repo: Repository): boolean =>
  !!(repo.username || repo.password || repo.bearerToken || repo.sshPrivateKey || repo.tlsClientCertData || repo.tlsClientCertKey);

// Which repository (with credentials) repo-server gets for a repoURL, as Argo's db.GetRepository
// decides: the `repository` Secret for that URL (the project's own first), else the longest
// matching `repo-creds` URL prefix, else the bare URL. Used by the app-controller (rendering) and
// the appset-controller (git generator).
const STRING_FIELDS = ['type', 'name', 'project', 'username', 'password', 'bearerToken', 'sshPrivateKey', 'tlsClientCertData', 'tlsClientCertKey', 'proxy', 'noProxy', 'depth'] as const;
const BOOLEAN_FIELDS = ['insecure', 'insecureIgnoreHostKey', 'enableOCI', 'forceHttpBasicAuth'] as const;

/** A `repository` Secret (its `url` is one repository) or a `repo-creds` Secret (its `url` is a prefix). */
export function repositoryFromSecret(secret: KubeObject): Repository {
  const data = secretData(secret);
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

/** `data` (base64) with `stringData` for objects not yet through an API server. */
function secretData(secret: KubeObject): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [k, v] of Object.entries((secret.data as Record<string, string> | undefined) ?? {})) decoded[k] = Buffer.from(v, 'base64').toString('utf8');
  return { ...((secret.stringData as Record<string, string> | undefined) ?? {}), ...decoded };
}
