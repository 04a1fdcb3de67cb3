import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, platformEnv, port } from '@flotilla/platform';
import { z } from 'zod';

export const repoServerEnv = z.object({
  ...platformEnv,
  ...port('FLOTILLA_REPO_SERVER_PORT', 8081),
  ...port('FLOTILLA_REPO_SERVER_OPS_PORT', 8084),
  /** Where shared clones live, one per repository URL and credentials. */
  FLOTILLA_REPO_CACHE_DIR: z.string().min(1).default(join(tmpdir(), 'flotilla-repo-server')),
  /** How long a resolved branch or tag is trusted before `git fetch` runs again (like ls-remote caching). */
  FLOTILLA_REVISION_CACHE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(0).default(180),
  /** How long rendered manifests stay in Redis. */
  FLOTILLA_MANIFEST_CACHE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(1).default(24 * 3600),
});

export type RepoServerConfig = z.output<typeof repoServerEnv>;

/** repo-server's environment, validated once at start-up; a bad value names the variable. */
export function loadRepoServerConfig(env: NodeJS.ProcessEnv = process.env): RepoServerConfig {
  return loadConfig(repoServerEnv, env);
}
