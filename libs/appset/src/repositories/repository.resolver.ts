// Which repository (and credentials) a git generator hands repo-server for a repoURL, read from the
// hub's repository and repo-creds Secrets as Argo's ArgoCDService.GetRepository does.
import {
  KubeObject,
  Repository,
  repositoryFor,
  repositoryFromSecret,
  SECRET_TYPE_LABEL,
  SECRET_TYPE_REPO_CREDS,
  SECRET_TYPE_REPOSITORY,
} from '@flotilla/api-types';
import type { GeneratorContext } from '../generators/generator.types';

/**
 * Resolution for one generation: the Secrets (labelled repository or repo-creds) are listed once,
 * and only if a git generator asks.
 */
export function repositoryResolver(listRepositorySecrets: () => Promise<KubeObject[]>): GeneratorContext['repository'] {
  let secrets: Promise<{ repositories: Repository[]; credentials: Repository[] }> | undefined;
  const load = async () => {
    const all = await listRepositorySecrets();
    const ofType = (type: string) => all.filter((s) => s.metadata?.labels?.[SECRET_TYPE_LABEL] === type).map(repositoryFromSecret);
    return { repositories: ofType(SECRET_TYPE_REPOSITORY), credentials: ofType(SECRET_TYPE_REPO_CREDS) };
  };
  return async (url, project) => {
    secrets ??= load();
    const { repositories, credentials } = await secrets;
    return repositoryFor(url, repositories, credentials, project);
  };
}
