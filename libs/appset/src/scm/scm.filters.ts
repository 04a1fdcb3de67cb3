// The `filters` of pullRequest and scmProvider generators, applied as Argo applies them: an entry
// matches when every condition it sets matches, and an item is kept when any entry matches. For
// scmProvider, repository conditions run before branches are listed and branch conditions after.
import { isPlainObject } from '../json/json-value';
import { GeneratorError } from '../generators/generator.types';
import type { PullRequest, ScmProviderService, ScmRepository } from './scm.types';

interface PullRequestFilter {
  branchMatch?: RegExp;
  targetBranchMatch?: RegExp;
}

/** Compiles the entries (a bad pattern is an error naming it) into a test any matching entry passes; no entries keep everything. */
export function pullRequestFilter(filters: unknown): (pull: PullRequest) => boolean {
  const compiled = filterEntries(filters).map((f): PullRequestFilter => ({
    branchMatch: regexField(f, 'branchMatch'),
    targetBranchMatch: regexField(f, 'targetBranchMatch'),
  }));
  if (compiled.length === 0) return () => true;
  return (pull) =>
    compiled.some(
      (f) => (!f.branchMatch || f.branchMatch.test(pull.branch)) && (!f.targetBranchMatch || f.targetBranchMatch.test(pull.targetBranch)),
    );
}

interface RepositoryFilter {
  repositoryMatch?: RegExp;
  labelMatch?: RegExp;
  branchMatch?: RegExp;
  pathsExist: string[];
  pathsDoNotExist: string[];
}

/** Every repository branch the filters keep, asking the host for branches only of repositories kept so far. */
export async function listRepositories(
  provider: ScmProviderService,
  filters: unknown,
  cloneProtocol: string | undefined,
  allBranches: boolean,
): Promise<ScmRepository[]> {
  const compiled = filterEntries(filters).map((f): RepositoryFilter => ({
    repositoryMatch: regexField(f, 'repositoryMatch'),
    labelMatch: regexField(f, 'labelMatch'),
    branchMatch: regexField(f, 'branchMatch'),
    pathsExist: pathsField(f, 'pathsExist'),
    pathsDoNotExist: pathsField(f, 'pathsDoNotExist'),
  }));
  const repoFilters = compiled.filter((f) => f.repositoryMatch || f.labelMatch);
  const branchFilters = compiled.filter((f) => f.branchMatch || f.pathsExist.length > 0 || f.pathsDoNotExist.length > 0);
  let repos = await provider.listRepos(cloneProtocol);
  if (repoFilters.length > 0) repos = repos.filter((repo) => repoFilters.some((f) => matchesRepository(repo, f)));
  const branches: ScmRepository[] = [];
  for (const repo of repos) branches.push(...(await provider.getBranches(repo, allBranches)));
  if (branchFilters.length === 0) return branches;
  const kept: ScmRepository[] = [];
  for (const branch of branches) {
    for (const f of branchFilters) {
      if (await matchesBranch(provider, branch, f)) {
        kept.push(branch);
        break;
      }
    }
  }
  return kept;
}

function matchesRepository(repo: ScmRepository, f: RepositoryFilter): boolean {
  if (f.repositoryMatch && !f.repositoryMatch.test(repo.repository)) return false;
  if (f.labelMatch && !repo.labels.some((label) => f.labelMatch!.test(label))) return false;
  return true;
}

async function matchesBranch(provider: ScmProviderService, repo: ScmRepository, f: RepositoryFilter): Promise<boolean> {
  if (f.branchMatch && !f.branchMatch.test(repo.branch)) return false;
  for (const path of f.pathsExist) if (!(await provider.repoHasPath(repo, trimSlashes(path)))) return false;
  for (const path of f.pathsDoNotExist) if (await provider.repoHasPath(repo, trimSlashes(path))) return false;
  return true;
}

const trimSlashes = (path: string): string => path.replace(/\/+$/, '');

function filterEntries(filters: unknown): Record<string, unknown>[] {
  if (filters === undefined || filters === null) return [];
  if (!Array.isArray(filters) || !filters.every(isPlainObject)) throw new GeneratorError('filters must be a list of maps');
  return filters;
}

/** A Go RE2 pattern as a JavaScript RegExp (unanchored, like MatchString); a bad one names the field. */
function regexField(filter: Record<string, unknown>, field: string): RegExp | undefined {
  const pattern = filter[field];
  if (pattern === undefined || pattern === null) return undefined;
  if (typeof pattern !== 'string') throw new GeneratorError(`error compiling ${capitalised(field)} regexp: ${field} must be a string`);
  try {
    return new RegExp(pattern.replace(/\(\?P</g, '(?<'), 'u');
  } catch (err) {
    throw new GeneratorError(`error compiling ${capitalised(field)} regexp "${pattern}": ${(err as Error).message}`);
  }
}

function pathsField(filter: Record<string, unknown>, field: string): string[] {
  const paths = filter[field];
  if (paths === undefined || paths === null) return [];
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) throw new GeneratorError(`${field} must be a list of paths`);
  return paths;
}

const capitalised = (field: string): string => field[0].toUpperCase() + field.slice(1);
