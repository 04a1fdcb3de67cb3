// @flotilla/appset: ApplicationSet generators and templating, as Argo's applicationset/generators and
// applicationset/utils do them, without I/O of their own (cluster Secrets, repository Secrets and
// repo-server come in as values and small interfaces), so the appset-controller and the api-server's
// Generate produce the same Applications from the same ApplicationSet.
export * from './generators/generator.types';
export * from './generators/generator.registry';
export { type GeneratorRegistry, transformEntry, flattenParams, goValueString, goFloatString } from './generators/generator-entry.transform';
export { ClustersGenerator, secretField } from './generators/clusters.generator';
export { GitGenerator, type GitGeneratorOptions, type GitRepositoryReader, refreshRequired } from './generators/git.generator';
export { ListGenerator } from './generators/list.generator';
export { MatrixGenerator } from './generators/matrix.generator';
export { MergeGenerator } from './generators/merge.generator';
export { PluginGenerator, type PluginGeneratorOptions } from './generators/plugin.generator';
export { ClusterDecisionResourceGenerator } from './generators/cluster-decision-resource.generator';
export * from './template/applications.renderer';
export { type StringRenderer, type TemplateMode, stringRenderer, perStringRenderer } from './template/string.renderer';
export { TemplateError, echo } from './template/template.error';
export * from './template/template.limits';
export { compileSelector, isEmptySelector } from './selector/label-selector.matcher';
export * from './json/json-value';
export * from './json/merge-patch';
export * from './repositories/repository.resolver';
export * from './appset-generation.config';
export * from './scm/scm.types';
export { PullRequestGenerator } from './scm/pull-request.generator';
export { ScmProviderGenerator } from './scm/scm-provider.generator';
export { branchSlug, sanitizeName } from './scm/scm.params';
export { secretKeyReader, type SecretRef } from './scm/scm.credentials';
// Fake hosts for other packages' specs (the appset-controller's pullRequest integration spec).
export { startFakeGitHub, type FakeGitHub, type FakeGitHubPull, type FakeGitHubRepo } from './scm/github/github.fake';
export { startFakeGitLab, type FakeGitLab, type FakeGitLabProject, type FakeMergeRequest } from './scm/gitlab/gitlab.fake';
