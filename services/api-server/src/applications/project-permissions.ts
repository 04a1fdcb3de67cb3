import type { AppProject } from '@flotilla/api-types';

// An AppProject's allow-lists (Argo's IsSourcePermitted / IsDestinationPermitted): globs, where a
// leading `!` denies what it matches.

function glob(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(value);
}

function permitted(patterns: string[], value: string): boolean {
  let allowed = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (glob(pattern.slice(1), value)) return false;
    } else if (glob(pattern, value)) {
      allowed = true;
    }
  }
  return allowed;
}

const normalizeRepo = (url: string): string =>
  url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');

export function sourcePermitted(project: AppProject, repoURL: string): boolean {
  const patterns = (project.spec.sourceRepos ?? []).map((p) => (p.startsWith('!') ? `!${normalizeRepo(p.slice(1))}` : normalizeRepo(p)));
  return permitted(patterns, normalizeRepo(repoURL));
}

/** Allowed when an entry matches cluster (server, or name) and namespace, and no `!` entry matches them. */
export function destinationPermitted(project: AppProject, server: string, name: string, namespace: string): boolean {
  const positive = (p: string | undefined): string | undefined => (p?.startsWith('!') ? p.slice(1) : p);
  let allowed = false;
  for (const d of project.spec.destinations ?? []) {
    const deny = [d.server, d.name, d.namespace].some((p) => p?.startsWith('!'));
    const serverPattern = positive(d.server);
    const namePattern = positive(d.name);
    const clusterMatches =
      (serverPattern !== undefined && glob(serverPattern, server)) || (namePattern !== undefined && name !== '' && glob(namePattern, name));
    const matches = clusterMatches && glob(positive(d.namespace) ?? '*', namespace);
    if (matches && deny) return false;
    if (matches) allowed = true;
  }
  return allowed;
}
