// Which host client serves an scmProvider generator entry: the one its provider key names.
import { isPlainObject } from '../json/json-value';
import { GeneratorError } from '../generators/generator.types';
import { azureDevOpsScmProvider, type AzureDevOpsScmProviderSpec } from './azure-devops/azure-devops.scm-provider';
import { bitbucketCloudScmProvider, type BitbucketCloudScmProviderSpec } from './bitbucket-cloud/bitbucket-cloud.scm-provider';
import { bitbucketServerScmProvider, type BitbucketServerScmProviderSpec } from './bitbucket-server/bitbucket-server.scm-provider';
import { giteaScmProvider, type GiteaScmProviderSpec } from './gitea/gitea.scm-provider';
import { gitHubScmProvider, type GitHubScmProviderSpec } from './github/github.scm-provider';
import { gitLabScmProvider, type GitLabScmProviderSpec } from './gitlab/gitlab.scm-provider';
import type { ScmReaders } from './scm.readers';
import type { ScmProviderService } from './scm.types';

export interface ScmProviderChoice {
  service: ScmProviderService;
  allBranches: boolean;
}

/** The provider blocks an scmProvider entry may hold, in the order dispatch tries them. */
export const SCM_PROVIDER_KEYS = ['github', 'gitlab', 'gitea', 'bitbucketServer', 'bitbucket', 'azureDevOps', 'awsCodeCommit'] as const;

export function scmProviderService(spec: Record<string, unknown>, read: ScmReaders): ScmProviderChoice {
  const provider = <T>(key: string): T | undefined => (isPlainObject(spec[key]) ? (spec[key] as T) : undefined);
  const choice = (service: ScmProviderService, s: { allBranches?: boolean }): ScmProviderChoice => ({
    service,
    allBranches: s.allBranches === true,
  });
  const github = provider<GitHubScmProviderSpec>('github');
  if (github) return choice(gitHubScmProvider(github, read.secret), github);
  const gitlab = provider<GitLabScmProviderSpec>('gitlab');
  if (gitlab) return choice(gitLabScmProvider(gitlab, read.secret, read.configMap), gitlab);
  const gitea = provider<GiteaScmProviderSpec>('gitea');
  if (gitea) return choice(giteaScmProvider(gitea, read.secret), gitea);
  const bitbucketServer = provider<BitbucketServerScmProviderSpec>('bitbucketServer');
  if (bitbucketServer) return choice(bitbucketServerScmProvider(bitbucketServer, read.secret, read.configMap), bitbucketServer);
  const bitbucket = provider<BitbucketCloudScmProviderSpec>('bitbucket');
  if (bitbucket) return choice(bitbucketCloudScmProvider(bitbucket, read.secret), bitbucket);
  const azureDevOps = provider<AzureDevOpsScmProviderSpec>('azureDevOps');
  if (azureDevOps) return choice(azureDevOpsScmProvider(azureDevOps, read.secret), azureDevOps);
  // Argo's AWS CodeCommit provider needs AWS credentials and SDK that Flotilla does not carry: say so rather than "none configured".
  if (isPlainObject(spec.awsCodeCommit)) throw new GeneratorError('the awsCodeCommit SCM provider is not supported by Flotilla');
  throw new GeneratorError('no SCM provider implementation configured');
}
