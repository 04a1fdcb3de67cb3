// `scmProvider`: one parameter set per repository (and branch) of an organisation on a source-code host.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-SCM-Provider/
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
import { SCM_PROVIDER_KEYS, scmProviderService } from './scm-provider.providers';
import { checkScmProviderAllowed, SCM_SAFETY_DEFAULTS, type ScmSafetyOptions } from './scm.safety';
import { scmReaders } from './scm.readers';
import { listRepositories } from './scm.filters';
import { repositoryParams, withValues } from './scm.params';
import { honouringRateLimit } from './scm.rate-limit';

export class ScmProviderGenerator implements Generator {
  readonly key = 'scmProvider';
  private readonly safety: Required<ScmSafetyOptions>;

  constructor(safety: ScmSafetyOptions = {}) {
    this.safety = { ...SCM_SAFETY_DEFAULTS, ...safety };
  }

  async generateParams(entry: GeneratorEntry, ctx: GeneratorContext): Promise<Params[]> {
    const spec = entry.scmProvider;
    if (!isPlainObject(spec)) throw new GeneratorError('ApplicationSet is empty');
    const cloneProtocol = spec.cloneProtocol;
    if (cloneProtocol !== undefined && typeof cloneProtocol !== 'string') throw new GeneratorError('cloneProtocol must be a string');
    // Before any Secret is read: a disabled or disallowed host must not even learn which token it would get.
    checkScmProviderAllowed(spec, SCM_PROVIDER_KEYS, this.safety);
    let provider;
    try {
      provider = scmProviderService(spec, scmReaders(ctx, this.safety.tokenRefStrictMode));
    } catch (err) {
      throw new GeneratorError(`scm provider: ${(err as Error).message}`);
    }
    let repos;
    try {
      repos = await honouringRateLimit(() => listRepositories(provider.service, spec.filters, cloneProtocol, provider.allBranches));
    } catch (err) {
      throw new GeneratorError(`error listing repos: ${(err as Error).message}`);
    }
    const goTemplate = useGoTemplate(ctx.appSet);
    return repos.map((repo) => withValues(repositoryParams(repo), spec.values, ctx, goTemplate));
  }

  template(entry: GeneratorEntry): Partial<ApplicationSetTemplate> | undefined {
    return (entry.scmProvider as { template?: Partial<ApplicationSetTemplate> } | undefined)?.template;
  }
}
