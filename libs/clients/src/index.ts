export { RepoServerClient, RepoServerError } from './repo-server/repo-server.client';
export type { GenerateManifestInput, GeneratedManifests, RepoServerClientOptions } from './repo-server/repo-server.client';
export { repoServerEnv, repoServerTarget } from './repo-server/repo-server-target.config';
