// The generators Flotilla runs, wired as Argo wires them: terminal generators everywhere, matrix and
// merge at the top level and one level down inside each other (any deeper nesting yields nothing).
import { ClusterDecisionResourceGenerator } from './cluster-decision-resource.generator';
import { ClustersGenerator } from './clusters.generator';
import type { GeneratorRegistry } from './generator-entry.transform';
import type { Generator, GeneratorKey } from './generator.types';
import { GitGenerator, GitGeneratorOptions, GitRepositoryReader } from './git.generator';
import { ListGenerator } from './list.generator';
import { MatrixGenerator } from './matrix.generator';
import { MergeGenerator } from './merge.generator';
import { PluginGenerator, PluginGeneratorOptions } from './plugin.generator';
import { scmGenerators } from '../scm/scm.generators';
import type { ScmSafetyOptions } from '../scm/scm.safety';

/**
 * @param git repo-server access for the git generator; without it (pure unit specs) git is not offered.
 * @param plugin limits of the plugin generator's HTTP calls (Argo's defaults when absent).
 * @param scm whether pullRequest/scmProvider may run, the `api` URLs they may call, tokenRef strict mode (Argo's permissive defaults when absent).
 */
export function generatorRegistry(
  git?: { reader: GitRepositoryReader } & GitGeneratorOptions,
  plugin?: PluginGeneratorOptions,
  scm?: ScmSafetyOptions,
): GeneratorRegistry {
  const terminal = new Map<GeneratorKey, Generator>([
    ['list', new ListGenerator()],
    ['clusters', new ClustersGenerator()],
    ['clusterDecisionResource', new ClusterDecisionResourceGenerator()],
    ['plugin', new PluginGenerator(plugin)],
  ]);
  if (git) terminal.set('git', new GitGenerator(git.reader, git));
  for (const generator of scmGenerators(scm)) terminal.set(generator.key, generator);
  const nested = new Map<GeneratorKey, Generator>([
    ...terminal,
    ['matrix', new MatrixGenerator(terminal)],
    ['merge', new MergeGenerator(terminal)],
  ]);
  return new Map<GeneratorKey, Generator>([...terminal, ['matrix', new MatrixGenerator(nested)], ['merge', new MergeGenerator(nested)]]);
}
