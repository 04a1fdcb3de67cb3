export { startGitHttpServer } from './git-http.server';
export type { GitHttpServer, GitHttpServerOptions } from './git-http.server';
