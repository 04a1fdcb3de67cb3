// Argo CD names the Secrets it creates from the URL they describe, so re-adding a cluster or
// repository finds the same Secret. https://github.com/argoproj/argo-cd/blob/master/util/db/secrets.go

/** 32-bit FNV-1a over the UTF-8 bytes of the given strings, as Go's hash/fnv New32a. */
export function fnv32a(...parts: string[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    for (const byte of Buffer.from(part, 'utf8')) {
      hash ^= byte;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash >>> 0;
}

/** `cluster-<host>-<hash>`: the host without port (IPv6 colons as dashes), the hash over the whole URL. */
export function uriToSecretName(uriType: string, uri: string): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new Error(`invalid URL ${JSON.stringify(uri)}`);
  }
  let host = url.hostname;
  if (host.startsWith('[')) host = host.slice(1, -1).replace(/:/g, '-');
  return `${uriType}-${host.toLowerCase()}-${fnv32a(uri)}`;
}

/** `repo-<hash>` over the repository URL and its project, as Argo CD names repository Secrets. */
export const repoUrlToSecretName = (prefix: string, repo: string, project = ''): string => `${prefix}-${fnv32a(repo, project)}`;
