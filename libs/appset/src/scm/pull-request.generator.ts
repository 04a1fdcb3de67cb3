// `pullRequest`: one parameter set per open pull request of a repository on a source-code host.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Pull-Request/
import type { ApplicationSetTemplate } from '@flotilla/api-types';
import { isPlainObject } from '../json/json-value';
import {
  type Generator,
  type GeneratorContext,
  type GeneratorEntry,
  GeneratorError,
  type Params,
  useGoTemplate,
} from '../generators/generator.types';
import { PULL_REQUEST_PROVIDER_KEYS, pullRequestService } from './pull-request.providers';
import { checkScmProviderAllowed, SCM_SAFETY_DEFAULTS, type ScmSafetyOptions } from './scm.safety';
import { scmReaders } from './scm.readers';
import { pullRequestFilter } from './scm.filters';
import { pullRequestParams, withValues } from './scm.params';
import { honouringRateLimit } from './scm.rate-limit';
import { ScmRepositoryNotFoundError } from './scm.types';

export class PullRequestGenerator implements Generator {
  readonly key = 'pullRequest';
  private readonly safety: Required<ScmSafetyOptions>;

  constructor(safety: ScmSafetyOptions = {}) {
    this.safety = { ...SCM_SAFETY_DEFAULTS, ...safety };
  }

  async generateParams(entry: GeneratorEntry, ctx: GeneratorContext): Promise<Params[]> {
    const spec = entry.pullRequest;
    if (!isPlainObject(spec)) throw new GeneratorError('ApplicationSet is empty');
    const keep = pullRequestFilter(spec.filters);
    let service;
    try {
      // Before any Secret is read: a disabled or disallowed host must not even learn which token it would get.
      checkScmProviderAllowed(spec, PULL_REQUEST_PROVIDER_KEYS, this.safety);
      service = pullRequestService(spec, scmReaders(ctx, this.safety.tokenRefStrictMode));
    } catch (err) {
      throw new GeneratorError(`failed to select pull request service provider: ${(err as Error).message}`);
    }
    let pulls;
    try {
      pulls = await honouringRateLimit(() => service.list());
    } catch (err) {
      if (err instanceof ScmRepositoryNotFoundError && spec.continueOnRepoNotFoundError === true) return [];
      throw new GeneratorError(`error listing repos: ${(err as Error).message}`);
    }
    const goTemplate = useGoTemplate(ctx.appSet);
    return pulls.filter(keep).map((pull) => withValues(pullRequestParams(pull, goTemplate), spec.values, ctx, goTemplate));
  }

  template(entry: GeneratorEntry): Partial<ApplicationSetTemplate> | undefined {
    return (entry.pullRequest as { template?: Partial<ApplicationSetTemplate> } | undefined)?.template;
  }
}
