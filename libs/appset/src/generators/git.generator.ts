// `git`: one parameter set per matching directory, or per JSON/YAML file (per item, for a file holding
// a list), read through repo-server, as Argo's GitGenerator.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Git/
import { APPSET_REFRESH_ANNOTATION, BadPatternError, checkGoPathPattern, type ApplicationSet, type Repository } from '@flotilla/api-types';
import { Generator, GeneratorContext, GeneratorEntry, GeneratorError, GitGeneratorSpec, Params, useGoTemplate } from './generator.types';
import { directoryParams, fileParams, filterDirectories, GitParamsOptions } from './git.params';

/** What the git generator asks of repo-server (RepoServerClient has this shape). */
export interface GitRepositoryReader {
  gitDirectories(repo: Repository, revision: string, noRevisionCache?: boolean): Promise<string[]>;
  gitFiles(repo: Repository, revision: string, path: string, opts?: { globstar?: boolean; noRevisionCache?: boolean }): Promise<Map<string, Buffer>>;
}

export interface GitGeneratorOptions {
  /** Argo's --enable-new-git-file-globbing: `**` crosses directories in `files[].path`. */
  newGitFileGlobbing: boolean;
}

/** Argo re-reads the repository, bypassing repo-server's revision cache, while a refresh is requested. */
export const refreshRequired = (appSet: ApplicationSet): boolean => appSet.metadata.annotations?.[APPSET_REFRESH_ANNOTATION] !== undefined;

export class GitGenerator implements Generator {
  readonly key = 'git';

  constructor(
    private readonly reader: GitRepositoryReader,
    private readonly opts: GitGeneratorOptions,
  ) {}

  async generateParams(entry: GeneratorEntry, ctx: GeneratorContext): Promise<Params[]> {
    const spec = entry.git;
    if (!spec || (!spec.directories?.length && !spec.files?.length)) throw new GeneratorError('ApplicationSet is empty');
    const opts: GitParamsOptions = { goTemplate: useGoTemplate(ctx.appSet), pathParamPrefix: spec.pathParamPrefix };
    const read: ReadContext = {
      spec,
      ctx,
      opts,
      noRevisionCache: refreshRequired(ctx.appSet),
      // A templated project is only known per Application, so only global credentials apply, as in Argo.
      project: (ctx.appSet.spec.template?.spec?.project ?? '').includes('{{') ? '' : (ctx.appSet.spec.template?.spec?.project ?? ''),
    };
    try {
      return spec.directories?.length ? await this.fromDirectories(read) : await this.fromFiles(read);
    } catch (err) {
      throw new GeneratorError(`error generating params from git: ${(err as Error).message}`);
    }
  }

  template(entry: GeneratorEntry) {
    return entry.git?.template;
  }

  private async fromDirectories({ spec, ctx, opts, noRevisionCache, project }: ReadContext): Promise<Params[]> {
    const items = spec.directories ?? [];
    for (const item of items) checkPattern(item.path, 'directories');
    const repo = await repositoryOf(spec, ctx, project);
    let all: string[];
    try {
      all = await this.reader.gitDirectories(repo, spec.revision ?? '', noRevisionCache);
    } catch (err) {
      throw new Error(`error getting directories from repo: error retrieving Git Directories: ${(err as Error).message}`);
    }
    const params = filterDirectories(items, all).map((dir) => directoryParams(dir, opts));
    return params.map((p) => withValues(p, spec.values, ctx, opts.goTemplate));
  }

  private async fromFiles({ spec, ctx, opts, noRevisionCache, project }: ReadContext): Promise<Params[]> {
    const items = spec.files ?? [];
    for (const item of items) checkPattern(item.path, 'files');
    const repo = await repositoryOf(spec, ctx, project);
    const read = async (pattern: string): Promise<Map<string, Buffer>> => {
      try {
        return await this.reader.gitFiles(repo, spec.revision ?? '', pattern, { globstar: this.opts.newGitFileGlobbing, noRevisionCache });
      } catch (err) {
        throw new Error(`error retrieving Git files: ${(err as Error).message}`);
      }
    };
    const files = new Map<string, Buffer>();
    for (const item of items.filter((i) => !i.exclude)) for (const [path, content] of await read(item.path)) files.set(path, content);
    for (const item of items.filter((i) => i.exclude)) for (const path of (await read(item.path)).keys()) files.delete(path);
    const result: Params[] = [];
    for (const path of [...files.keys()].sort()) {
      try {
        for (const p of fileParams(path, files.get(path)!, opts)) result.push(withValues(p, spec.values, ctx, opts.goTemplate));
      } catch (err) {
        throw new Error(`unable to process file '${path}' from repository '${spec.repoURL ?? ''}': ${(err as Error).message}`);
      }
    }
    return result;
  }
}

interface ReadContext {
  spec: GitGeneratorSpec;
  ctx: GeneratorContext;
  opts: GitParamsOptions;
  noRevisionCache: boolean;
  project: string;
}

function checkPattern(pattern: string, field: 'directories' | 'files'): void {
  try {
    checkGoPathPattern(pattern);
  } catch (err) {
    if (err instanceof BadPatternError) throw new Error(`invalid ${field} path ${JSON.stringify(pattern)}: ${err.message}`);
    throw err;
  }
}

async function repositoryOf(spec: GitGeneratorSpec, ctx: GeneratorContext, project: string): Promise<Repository> {
  if (!spec.repoURL) throw new Error('repoURL is required');
  try {
    return await ctx.repository(spec.repoURL, project);
  } catch (err) {
    throw new Error(`error in GetRepository: ${(err as Error).message}`);
  }
}

/** `values` are rendered against the set's own parameters and added as `values.<key>` (or `.values.<key>`). */
function withValues(params: Params, values: Record<string, string> | undefined, ctx: GeneratorContext, goTemplate: boolean): Params {
  if (!values || Object.keys(values).length === 0) return params;
  const rendered: Record<string, string> = {};
  for (const [key, text] of Object.entries(values)) {
    try {
      rendered[key] = ctx.renderString(text, params);
    } catch (err) {
      throw new Error(`failed to append templated values: failed to replace templated string: ${(err as Error).message}`);
    }
  }
  if (goTemplate) return { ...params, values: rendered };
  const flat: Params = { ...params };
  for (const [key, value] of Object.entries(rendered)) flat[`values.${key}`] = value;
  return flat;
}
