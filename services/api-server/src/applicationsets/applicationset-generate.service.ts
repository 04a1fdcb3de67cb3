import type { Application, ApplicationSet, AppProject, KubeObject } from '@flotilla/api-types';
import {
  DEFAULT_PROJECT,
  SECRET_TYPE_CLUSTER,
  SECRET_TYPE_LABEL,
  SECRET_TYPE_REPO_CREDS,
  SECRET_TYPE_REPOSITORY,
} from '@flotilla/api-types';
import {
  type AppSetGenerationSettings,
  generateApplications,
  type GeneratorHub,
  generatorRegistry,
  GeneratorRegistry,
  type GitGeneratorOptions,
  type GitRepositoryReader,
  repositoryResolver,
  templateLimits,
} from '@flotilla/appset';
import type { ExecLimits } from '@flotilla/gotemplate';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import { invalidArgument } from '../rpc/rpc-error';
import type { KubeSecret } from '../secrets/kube-secret';
import type { CallContext } from '../session/session.service';
import { ApplicationSetService, projectOf, rbacObject } from './applicationset.service';

/**
 * Any user who may create an ApplicationSet may ask; a matrix of two long lists would otherwise build
 * its whole product in this process. Ten thousand is far beyond any fleet's ApplicationSet.
 */
export const MAX_GENERATED_APPLICATIONS = 10_000;

export interface GenerateOptions extends Partial<GitGeneratorOptions> {
  /** goTemplate limits per generated Application; the appset-controller's defaults when absent. */
  templateLimits?: ExecLimits;
  /** The most Applications one Generate answers (MAX_GENERATED_APPLICATIONS when absent). */
  maxApplications?: number;
  /** The api-server's namespace, for generators that read Secrets, ConfigMaps or duck-typed resources. */
  hub?: GeneratorHub;
  /** The SCM generators' safety settings, the appset-controller's (Argo's permissive defaults when absent). */
  scm?: AppSetGenerationSettings['scm'];
}

/**
 * Argo CD's ApplicationSetService.Generate: the Applications an ApplicationSet would produce, run
 * through the appset-controller's own generators and templates (@flotilla/appset), none written.
 * Clusters come from the hub's cluster Secrets and git from repo-server, as the controller reads them.
 */
export class ApplicationSetGenerateService {
  private readonly registry: GeneratorRegistry;
  private readonly limits: ExecLimits;
  private readonly maxApplications: number;
  private readonly hub?: GeneratorHub;

  constructor(
    private readonly sets: ApplicationSetService,
    private readonly projects: KubeResourceStore<AppProject>,
    private readonly secrets: KubeResourceStore<KubeSecret>,
    repoServer: GitRepositoryReader,
    opts: GenerateOptions = {},
  ) {
    this.registry = generatorRegistry({ reader: repoServer, newGitFileGlobbing: opts.newGitFileGlobbing ?? false }, undefined, opts.scm);
    this.limits = opts.templateLimits ?? templateLimits();
    this.maxApplications = opts.maxApplications ?? MAX_GENERATED_APPLICATIONS;
    this.hub = opts.hub;
  }

  /** Checks in Argo's order: the spec, applicationsets/create on it, its project; then generates. */
  async generate(ctx: CallContext, input: ApplicationSet): Promise<Application[]> {
    const set = this.sets.checkSpec(input);
    ctx.authorize('applicationsets', 'create', rbacObject(set));
    await this.sets.checkProject(projectOf(set));
    // Generated Applications live in the ApplicationSet's namespace, the api-server's own.
    const appSet: ApplicationSet = { ...set, metadata: { ...set.metadata, namespace: this.sets.namespace } };
    const clusterSecrets = await this.secretsOfType(SECRET_TYPE_CLUSTER);
    const repositories = repositoryResolver(() => this.secretsOfType(SECRET_TYPE_REPOSITORY, SECRET_TYPE_REPO_CREDS));
    const generated = await generateApplications(
      appSet,
      this.registry,
      clusterSecrets,
      repositories,
      this.limits,
      this.maxApplications,
      this.hub,
    );
    if (!generated.ok) {
      const { index, keys } = generated.generator;
      throw invalidArgument(
        `unable to generate Applications of ApplicationSet: error generating applications: spec.generators[${index}] (${keys.join(', ')}): ${generated.message}`,
      );
    }
    await this.checkGeneratedProjects(ctx, appSet, generated.applications);
    return generated.applications;
  }

  private async secretsOfType(...types: string[]): Promise<KubeObject[]> {
    const { items } = await this.secrets.list(`${SECRET_TYPE_LABEL} in (${types.join(',')})`);
    return items.map((secret) => ({ ...secret }));
  }

  /**
   * A generator's own template may put an Application in another project than the ApplicationSet's:
   * that project must exist, and the caller must be allowed to create the ApplicationSet there too,
   * as Argo asks when an ApplicationSet moves to another project.
   */
  private async checkGeneratedProjects(ctx: CallContext, appSet: ApplicationSet, apps: readonly Application[]): Promise<void> {
    const own = projectOf(appSet);
    const others = new Map<string, string>();
    for (const app of apps) {
      const project = app.spec?.project || DEFAULT_PROJECT;
      if (project !== own && !others.has(project)) others.set(project, app.metadata.name);
    }
    if (others.size === 0) return;
    const existing = new Set((await this.projects.list()).items.map((p) => p.metadata.name));
    for (const [project, app] of [...others].sort(([a], [b]) => a.localeCompare(b))) {
      if (!existing.has(project)) throw invalidArgument(`application ${app} references project ${project} which does not exist`);
      ctx.authorize('applicationsets', 'create', `${project}/${appSet.metadata.name}`);
    }
  }
}
