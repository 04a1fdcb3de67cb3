// The `argocd.argoproj.io/manifest-generate-paths` annotation: which repository paths an
// Application's manifests depend on. A push (webhook) or a new commit (repo-server) that touches
// none of them leaves the app alone. Shared by api-server's webhook and repo-server's cache reuse.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/high_availability/#manifest-paths-annotation
import { posix } from 'node:path';
import { BadPatternError, goPathMatch } from './go-path.match';

/** filepath.Match as Argo uses it here: a malformed pattern matches nothing. */
function globMatches(pattern: string, file: string): boolean {
  try {
    return goPathMatch(pattern, file);
  } catch (err) {
    if (err instanceof BadPatternError) return false;
    throw err;
  }
}

/**
 * The annotation's paths, repository-relative without a leading slash: `;`-separated, each
 * relative to the source path (`.` is the source path itself) unless it starts with `/`, in
 * which case it is relative to the repository root. Undefined when the annotation names nothing.
 */
export function manifestGeneratePaths(annotation: string | undefined, sourcePath: string | undefined): string[] | undefined {
  if (annotation === undefined) return undefined;
  const paths = annotation
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (p.startsWith('/') ? posix.normalize(p) : posix.normalize(posix.join('/', sourcePath || '.', p))))
    .map((p) => p.replace(/^\/+/, '').replace(/\/+$/, ''));
  return paths.length ? paths : undefined;
}

/**
 * Whether any changed file (repository-relative) lies in or under one of the paths, or matches
 * one as a glob. Without paths every change counts, as in Argo CD.
 */
export function filesTouchPaths(paths: string[] | undefined, changedFiles: string[]): boolean {
  if (!paths?.length) return true;
  const clean = (p: string): string => posix.normalize(`/${p}`).replace(/^\/+/, '').replace(/\/+$/, '');
  const matchers = paths.map((p) => {
    const root = clean(p);
    return (f: string): boolean => root === '' || f === root || f.startsWith(`${root}/`) || globMatches(root, f);
  });
  return changedFiles.some((file) => {
    const f = clean(file);
    return matchers.some((m) => m(f));
  });
}
