// The parameters the pullRequest and scmProvider generators hand to templates, named and shaped as
// Argo's pull_request.go and scm_provider.go give them (the same map in both template modes).
import type { GeneratorContext, Params } from '../generators/generator.types';
import { GeneratorError } from '../generators/generator.types';
import type { PullRequest, ScmRepository } from './scm.types';

// Argo caps branch slugs at 50 so `<slug>-<number>` and similar names stay within a 63-character DNS label.
const SLUG_MAX_LENGTH = 50;
// The "en" substitutions gosimple/slug applies before transliterating.
const EN_SUBSTITUTIONS: Record<string, string> = { '&': 'and', '@': 'at' };

/**
 * gosimple/slug's Make as Argo configures it (max length 50, `_` becomes `-`): trimmed, lowercased,
 * accents dropped, anything outside [a-z0-9-_] a dash, dashes collapsed and trimmed, cut at the last
 * dash within the limit.
 */
export function branchSlug(branch: string): string {
  let slug = branch.trim().replaceAll('_', '-');
  slug = [...slug].map((c) => EN_SUBSTITUTIONS[c] ?? c).join('');
  // Transliteration: decompose and drop combining marks, so `é` becomes `e` as unidecode does.
  slug = slug.normalize('NFKD').replace(/\p{M}/gu, '');
  slug = slug.toLowerCase();
  slug = slug.replace(/[^a-zA-Z0-9\-_]/g, '-').replace(/-+/g, '-');
  slug = slug.replace(/^[-_]+|[-_]+$/g, '');
  return smartTruncate(slug);
}

function smartTruncate(text: string): string {
  if (text.length <= SLUG_MAX_LENGTH) return text;
  const cut = text.lastIndexOf('-', SLUG_MAX_LENGTH);
  return cut >= 0 ? text.slice(0, cut) : text.slice(0, SLUG_MAX_LENGTH);
}

/** Argo's utils.SanitizeName: a DNS-1123 subdomain-ish name (`branchNormalized`). */
export function sanitizeName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^-a-z0-9.]/g, '-')
    .slice(0, 253);
  return cleaned.replace(/^[-.]+|[-.]+$/g, '');
}

/** One pull request's parameters; `labels` only in goTemplate mode, as Argo (fasttemplate cannot render a list). */
export function pullRequestParams(pull: PullRequest, goTemplate: boolean): Params {
  const params: Params = {
    number: String(pull.number),
    title: pull.title,
    branch: pull.branch,
    branch_slug: branchSlug(pull.branch),
    target_branch: pull.targetBranch,
    target_branch_slug: branchSlug(pull.targetBranch),
    head_sha: pull.headSha,
    head_short_sha: pull.headSha.slice(0, 8),
    head_short_sha_7: pull.headSha.slice(0, 7),
    author: pull.author,
  };
  if (goTemplate) params.labels = [...pull.labels];
  return params;
}

/** One repository branch's parameters; `labels` are the host's topics joined by commas, in both modes. */
export function repositoryParams(repo: ScmRepository): Params {
  return {
    organization: repo.organization,
    repository: repo.repository,
    repository_id: repo.repositoryId,
    url: repo.url,
    branch: repo.branch,
    sha: repo.sha,
    short_sha: repo.sha.slice(0, 8),
    short_sha_7: repo.sha.slice(0, 7),
    labels: repo.labels.join(','),
    branchNormalized: sanitizeName(repo.branch),
  };
}

/** `values` rendered against the set's own parameters: `values.<key>` for fasttemplate, `.values.<key>` for goTemplate. */
export function withValues(params: Params, values: unknown, ctx: GeneratorContext, goTemplate: boolean): Params {
  if (values === undefined || values === null) return params;
  if (typeof values !== 'object' || Array.isArray(values)) throw new GeneratorError('values must be a map of strings');
  const entries = Object.entries(values as Record<string, unknown>);
  if (entries.length === 0) return params;
  const rendered: Record<string, string> = {};
  for (const [key, text] of entries) {
    if (typeof text !== 'string') throw new GeneratorError(`values.${key} must be a string`);
    try {
      rendered[key] = ctx.renderString(text, params);
    } catch (err) {
      throw new GeneratorError(`failed to append templated values: failed to replace templated string: ${(err as Error).message}`);
    }
  }
  if (goTemplate) return { ...params, values: rendered };
  const flat: Params = { ...params };
  for (const [key, value] of Object.entries(rendered)) flat[`values.${key}`] = value;
  return flat;
}
