// The generators Flotilla runs, wired as Argo wires them: terminal generators everywhere, matrix at the
// top level and one level down inside another matrix.
import { ClustersGenerator } from './clusters.generator';
import type { GeneratorRegistry } from './generator-entry.transform';
import type { Generator, GeneratorKey } from './generator.types';
import { GitGenerator, GitGeneratorOptions, GitRepositoryReader } from './git.generator';
import { ListGenerator } from './list.generator';
import { MatrixGenerator } from './matrix.generator';
import { scmGenerators } from '../scm/scm.generators';

/** @param git repo-server access for the git generator; without it (pure unit specs) git is not offered. */
export function generatorRegistry(git?: { reader: GitRepositoryReader } & GitGeneratorOptions): GeneratorRegistry {
  const terminal = new Map<GeneratorKey, Generator>([
    ['list', new ListGenerator()],
    ['clusters', new ClustersGenerator()],
  ]);
  if (git) terminal.set('git', new GitGenerator(git.reader, git));
  for (const generator of scmGenerators()) terminal.set(generator.key, generator);
  const nested = new Map<GeneratorKey, Generator>([...terminal, ['matrix', new MatrixGenerator(terminal)]]);
  return new Map<GeneratorKey, Generator>([...terminal, ['matrix', new MatrixGenerator(nested)]]);
}
